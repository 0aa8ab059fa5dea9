/** What both renderers print, worked out once: per file the verdict's tone, the rows, the gaps and the MOF progress. */
import { Checklist, ChecklistItem, ChecklistStatus, STATUS_WORDS } from '../checklist/model';
import { EVIDENCE_WORDS } from '../../protocol';

export interface ReportEntry {
  /** The file as the reader should see it (a path relative to the workspace or the cwd). */
  file: string;
  checklist: Checklist;
}

export interface ReportOptions {
  /** When the report was made (default: now). Shown in UTC. */
  date?: Date;
  /** The page title (default "OSAID compliance report"). */
  title?: string;
  /** What made it, e.g. `osai-check 0.1.0` or `OSAID Manifest for VS Code 0.1.0`. */
  generator?: string;
}

type Tone = 'ok' | 'bad' | 'warn' | 'info';

/** How each status reads: a symbol (decorative) and the word that carries the meaning. */
export const STATUS_LABELS: Readonly<Record<ChecklistStatus, { symbol: string; word: string; tone: Tone }>> = {
  met: { symbol: '✓', word: STATUS_WORDS.met, tone: 'ok' },
  missing: { symbol: '✗', word: STATUS_WORDS.missing, tone: 'bad' },
  'not-open': { symbol: '✗', word: STATUS_WORDS['not-open'], tone: 'bad' },
  invalid: { symbol: '✗', word: STATUS_WORDS.invalid, tone: 'bad' },
  placeholder: { symbol: '✗', word: STATUS_WORDS.placeholder, tone: 'bad' },
  recommended: { symbol: '○', word: STATUS_WORDS.recommended, tone: 'info' },
  'not-stated': { symbol: '–', word: STATUS_WORDS['not-stated'], tone: 'info' },
};

const DEFAULT_TITLE = 'OSAID compliance report';

export interface ReportModel {
  title: string;
  date: Date;
  generator?: string;
  files: FileModel[];
  /** How many files meet the checks. */
  meets: number;
}

export interface FileModel {
  /** 1-based; the HTML anchors use it. */
  index: number;
  file: string;
  kind: string;
  checklist: Checklist;
  verdictTone: Tone;
  mofClass?: string;
  mofSummary?: string;
  /** Per MOF class, rounded for display. */
  progress?: Array<{ label: string; percent: number }>;
  rows: Row[];
  /** Required items not met (missing, not open, invalid, placeholder). */
  gaps: Row[];
  /** Recommended items not provided. */
  recommended: Row[];
}

export interface Row {
  group: string;
  item: ChecklistItem;
}

export function buildModel(entries: readonly ReportEntry[], options: ReportOptions): ReportModel {
  const files = entries.map(({ file, checklist }, index) => fileModel(file, checklist, index + 1));
  return {
    title: options.title ?? DEFAULT_TITLE,
    date: options.date ?? new Date(),
    generator: options.generator,
    files,
    meets: files.filter((f) => f.checklist.verdict.meets).length,
  };
}

function fileModel(file: string, checklist: Checklist, index: number): FileModel {
  const rows = checklist.groups.flatMap((g) => g.items.map((item) => ({ group: g.title, item: withEvidence(item) })));
  const mof = checklist.classification;
  const { state } = checklist.verdict;
  return {
    index,
    file,
    kind: checklist.kindLabel,
    checklist,
    verdictTone: state === 'meets' ? 'ok' : state === 'incomplete' ? 'info' : 'bad',
    mofClass: mof?.reached,
    mofSummary: mof?.summary,
    progress: mof?.levels.map((level) => ({ label: level.title, percent: shownPercent(level.percent) })),
    rows,
    gaps: rows.filter((r) => r.item.status !== 'met' && r.item.status !== 'recommended'),
    recommended: rows.filter((r) => r.item.status === 'recommended'),
  };
}

/** An item's detail followed by what the release's own files show for it. */
function withEvidence(item: ChecklistItem): ChecklistItem {
  return item.evidence
    ? {
        ...item,
        detail: `${item.detail} — In the release (${EVIDENCE_WORDS[item.evidence.state]}): ${item.evidence.summary}.`,
      }
    : item;
}

/** Rounded, but never 100 before the class is reached. */
function shownPercent(p: number): number {
  return p >= 100 ? 100 : Math.min(99, Math.round(p));
}
