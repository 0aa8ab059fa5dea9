/**
 * The report as Markdown (GitHub-flavoured tables). Every value is escaped text or a code
 * span; findings keep their code spans, the rest of their text is escaped (see serviceText.ts).
 */
import type { ChecklistStatus } from '../checklist/model';
import { showBidiControls } from './escapeHtml';
import { FileModel, ReportModel, Row, STATUS_LABELS } from './model';
import { ESCAPABLE, splitCodeSpans } from './serviceText';
import { MOF_URL, NO_GAPS, OSAID_URL, RECOMMENDED_HEADING, requirementLabel, summaryLine, utc } from './wording';

export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [];
  out.push(`# ${mdText(model.title)}`, '');
  out.push(
    `Generated ${utc(model.date)}` +
      `${model.generator ? ` by ${mdText(model.generator)}` : ''}, against ` +
      `the [Open Source AI Definition 1.0](${OSAID_URL}).`,
    '',
  );
  out.push(summaryLine(model), '');
  out.push(
    `Status: ${Object.values(STATUS_LABELS)
      .map((s) => `${s.symbol} ${s.word}`)
      .join(' · ')}.`,
    '',
  );
  if (model.files.length > 0) {
    out.push('| file | kind | verdict | MOF class |', '|---|---|---|---|');
    for (const f of model.files)
      out.push(
        `| ${mdCell(mdCode(f.file))} | ${mdCell(mdText(f.kind))} | ` +
          `${mdCell(mdServiceText(f.checklist.verdict.title))} | ` +
          `${f.mofClass === undefined ? '—' : mdCell(mdText(f.mofClass))} |`,
      );
    out.push('');
  }
  for (const f of model.files) out.push(...fileSection(f));
  return `${out.join('\n').trimEnd()}\n`;
}

function fileSection(f: FileModel): string[] {
  const out: string[] = [];
  out.push(`## ${mdCode(f.file)}`, '');
  out.push(`**Verdict:** ${mdServiceText(f.checklist.verdict.title)}`, '');
  if (f.progress) {
    out.push(
      `**[Model Openness Framework](${MOF_URL}):** ${mdText(f.mofClass ?? '')}` +
        `${f.mofSummary ? ` · ${mdText(f.mofSummary)}` : ''}`,
      '',
    );
    out.push('| MOF class | progress |', '|---|---|');
    for (const p of f.progress) out.push(`| ${mdCell(mdText(p.label))} | ${p.percent}% |`);
    out.push('');
  }
  out.push('### OSAID 1.0 checklist', '');
  out.push('| group | requirement | status | detail |', '|---|---|---|---|');
  for (const { group, item } of f.rows) {
    out.push(
      `| ${mdCell(mdText(group))} | ${mdCell(mdText(requirementLabel(item)))} ` +
        `| ${statusText(item.status)} | ${mdCell(mdServiceText(item.detail))} |`,
    );
  }
  out.push('');
  out.push('### Gaps', '');
  if (f.gaps.length === 0) out.push(NO_GAPS, '');
  for (const g of f.gaps) out.push(...gap(g, requirementLabel(g.item)));
  if (f.recommended.length > 0) {
    out.push(`### ${RECOMMENDED_HEADING}`, '');
    for (const g of f.recommended) out.push(...gap(g, g.item.title));
  }
  return out;
}

function gap({ group, item }: Row, label: string): string[] {
  const s = STATUS_LABELS[item.status];
  const out = [
    `#### ${s.symbol} ${mdText(group)} › ${mdText(label)} — ${s.word}`,
    '',
    mdServiceText(item.detail, true),
    '',
  ];
  if (item.explanation) out.push(mdQuote(mdBlocks(showBidiControls(item.explanation))), '');
  return out;
}

function statusText(status: ChecklistStatus): string {
  const s = STATUS_LABELS[status];
  return `${s.symbol} ${s.word}`;
}

/**
 * Text in a code span that shows exactly it: a fence longer than any backtick run inside, and
 * a space inside each end when the text starts or ends with a backtick, or starts and ends
 * with a space (CommonMark strips one from each side). Line breaks become spaces (as in any
 * code span), so that the span cannot end its line or its table row.
 */
function mdCode(text: string): string {
  const shown = showBidiControls(text).replace(/\r\n|\r|\n/g, ' ');
  if (shown === '') return '` `';
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(shown) || (/^ [^]* $/.test(shown) && /[^ ]/.test(shown)) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/**
 * Plain text in Markdown: markup characters escaped, one line. Not `|`: a table cell escapes
 * it (`mdCell`), and a backslash of ours before it would leave it unescaped in some viewers.
 */
function mdText(text: string): string {
  return showBidiControls(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>#~$]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/** A table cell: Markdown kept (details carry `code`), pipes escaped, one line. */
function mdCell(markdown: string): string {
  return markdown.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * The service's text (a finding, a verdict: see serviceText.ts) as Markdown on one line: its
 * code spans fenced anew around what they show, everything else escaped text, so that no value
 * it quotes (inside a code span or not) can become a link, emphasis or raw HTML. `<` and `>`
 * are written as entities, the rest of the markup with backslashes; `_` inside a word is left
 * alone (CommonMark never reads it as emphasis). `lineStart`: the text begins a paragraph,
 * where `#`, `>`, `-`, `+`, `=` and `1.` would start a block.
 */
function mdServiceText(source: string, lineStart = false): string {
  return splitCodeSpans(source.replace(/\r\n|\r|\n/g, ' '))
    .map((s, i, all) => {
      if (s.code) return mdCode(s.text);
      const text = showBidiControls(s.text);
      const escaped = text.replace(/[\\`*_[\]<>~$&]/g, (c, at: number) => {
        if (c === '<') return '&lt;';
        if (c === '>') return '&gt;';
        if (c === '&') return /^&#?\w+;/.test(text.slice(at)) ? '&amp;' : c;
        // A backslash is an escape only before punctuation; at the end, a code span's fence follows.
        if (c === '\\')
          return at + 1 < text.length ? (ESCAPABLE.test(text[at + 1]) ? '\\\\' : c) : i + 1 < all.length ? '\\\\' : c;
        if (c === '_' && /[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(text[at + 1] ?? '')) return c;
        return `\\${c}`;
      });
      return i === 0 && lineStart ? escapeBlockStart(escaped) : escaped;
    })
    .join('');
}

/** A paragraph's first characters, escaped where they would start a heading, quote, list or rule. */
function escapeBlockStart(md: string): string {
  const list = /^( {0,3})(\d{1,9})([.)])/.exec(md);
  if (list) return `${list[1]}${list[2]}\\${list[3]}${md.slice(list[0].length)}`;
  return md.replace(/^( {0,3})([#>\-+=])/, '$1\\$2');
}

/**
 * Trusted Markdown (a requirement's documentation) on one line: kept as Markdown, but raw HTML
 * outside code spans is neutralised, since some Markdown viewers render it.
 */
function mdInline(markdown: string): string {
  return splitCodeSpans(markdown)
    .map((s) => (s.code ? s.raw : s.raw.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** Block Markdown: `mdInline` outside fenced code blocks. */
function mdBlocks(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^```/.test(line)) {
        fenced = !fenced;
        return line;
      }
      return fenced ? line : mdInline(line);
    })
    .join('\n');
}

function mdQuote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
