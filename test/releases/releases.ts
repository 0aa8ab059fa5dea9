/**
 * The releases the Open Source Initiative reviewed for OSAID 1.0, with what OSI concluded and
 * why, written from OSI's published validation (opensource.org/ai; summarised in the project's
 * requirements, §3a) — not from this tool's output. The manifests are in examples/releases/,
 * each written from its publisher's public sources (cited in the file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import type { Checklist } from '../../server/src/protocol';
import { ROOT } from '../helpers';

export type OsiResult = 'passes' | 'would pass with other legal terms' | 'does not pass';

/** The reason OSI gives, as a checklist fact our verdict must show. */
export type OsiReason =
  | { kind: 'passes' }
  /** The weights' license restricts use. */
  | { kind: 'weights-restricted' }
  /** Training code and data information were not released. */
  | { kind: 'training-code-and-data-information-missing' }
  /** Llama 2: restricted terms, and missing components. */
  | { kind: 'weights-restricted-and-components-missing' };

export interface OsiRelease {
  release: string;
  file: string;
  osi: OsiResult;
  reason: OsiReason;
  /** OSI's reason in words, for the comparison table in docs/checks.md. */
  why: string;
}

export const RELEASES: readonly OsiRelease[] = [
  { release: 'Pythia (EleutherAI)', file: 'pythia.osai.yaml', osi: 'passes', reason: { kind: 'passes' }, why: '—' },
  { release: 'OLMo 7B (AI2)', file: 'olmo-7b.osai.yaml', osi: 'passes', reason: { kind: 'passes' }, why: '—' },
  { release: 'Amber (LLM360)', file: 'amber.osai.yaml', osi: 'passes', reason: { kind: 'passes' }, why: '—' },
  {
    release: 'CrystalCoder (LLM360)',
    file: 'crystalcoder.osai.yaml',
    osi: 'passes',
    reason: { kind: 'passes' },
    why: '—',
  },
  { release: 'T5 (Google)', file: 't5.osai.yaml', osi: 'passes', reason: { kind: 'passes' }, why: '—' },
  {
    release: 'BLOOM (BigScience)',
    file: 'bloom.osai.yaml',
    osi: 'would pass with other legal terms',
    reason: { kind: 'weights-restricted' },
    why: "the weights' license restricts use",
  },
  {
    release: 'StarCoder2 (BigCode)',
    file: 'starcoder2.osai.yaml',
    osi: 'would pass with other legal terms',
    reason: { kind: 'weights-restricted' },
    why: "the weights' license restricts use",
  },
  {
    release: 'Falcon 180B (TII)',
    file: 'falcon-180b.osai.yaml',
    osi: 'would pass with other legal terms',
    reason: { kind: 'weights-restricted' },
    why: "the weights' license restricts use",
  },
  {
    release: 'Llama 2 (Meta)',
    file: 'llama-2.osai.yaml',
    osi: 'does not pass',
    reason: { kind: 'weights-restricted-and-components-missing' },
    why: 'restrictive terms; training code and data information missing',
  },
  {
    release: 'Grok-1 (xAI)',
    file: 'grok-1.osai.yaml',
    osi: 'does not pass',
    reason: { kind: 'training-code-and-data-information-missing' },
    why: 'training code and data information missing',
  },
  {
    release: 'Phi-2 (Microsoft)',
    file: 'phi-2.osai.yaml',
    osi: 'does not pass',
    reason: { kind: 'training-code-and-data-information-missing' },
    why: 'training code and data information missing',
  },
  {
    release: 'Mixtral 8x7B (Mistral AI)',
    file: 'mixtral-8x7b.osai.yaml',
    osi: 'does not pass',
    reason: { kind: 'training-code-and-data-information-missing' },
    why: 'training code and data information missing',
  },
];

export interface CheckedRelease extends OsiRelease {
  checklist: Checklist;
  errors: number;
  /** Required checklist items not met, by title. */
  unmet: string[];
}

const service = getLanguageService();

export function checkRelease(release: OsiRelease): CheckedRelease {
  const text = readFileSync(join(ROOT, 'examples', 'releases', release.file), 'utf8');
  const parsed = service.parse(TextDocument.create(`file:///examples/releases/${release.file}`, 'yaml', 1, text));
  const diagnostics = service.doValidation(parsed);
  const checklist = service.getChecklist(parsed, diagnostics)!;
  const unmet = checklist.groups
    .flatMap((g) => g.items)
    .filter((i) => i.level === 'required' && ['missing', 'not-open', 'invalid'].includes(i.status))
    .map((i) => i.title);
  return { ...release, checklist, errors: diagnostics.filter((d) => d.severity === 1).length, unmet };
}

/** The page that holds the comparison table, from the repository's root; its links are relative to docs/. */
export const TABLE_PAGE = 'docs/checks.md';

/** docs/checks.md's comparison table, from the data above and our verdicts (`npm run releases:table` writes it). */
export function comparisonTable(): string {
  const rows = RELEASES.map(checkRelease).map((r) => {
    const agrees = agreement(r);
    const unmet = r.unmet.length ? r.unmet.join('; ') : '—';
    return (
      `| [${r.release}](../examples/releases/${r.file}) | ${r.osi} | ${r.checklist.verdict.title} ` +
      `| ${agrees} | ${r.why} | ${unmet} |`
    );
  });
  return [
    "| release | OSI | ours | agree | OSI's reason | what we find unmet |",
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `yes`: same verdict for the same reason; `partly`: same verdict, and we find more unmet than OSI names; `**no**`. */
function agreement(r: CheckedRelease): string {
  if (r.osi === 'passes') return r.checklist.verdict.meets ? 'yes' : '**no**';
  if (r.checklist.verdict.meets) return '**no**';
  if (r.osi === 'would pass with other legal terms')
    return r.unmet.length === 1 && r.unmet[0] === 'Model weights' ? 'yes' : 'partly';
  return 'yes';
}

export const TABLE_START = '<!-- releases-table:start (generated by `npm run releases:table`; do not edit) -->';
export const TABLE_END = '<!-- releases-table:end -->';
