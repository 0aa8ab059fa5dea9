/** The report as Markdown (GitHub-flavoured tables; findings kept as the Markdown they are). */
import type { ChecklistStatus } from '../checklist/model';
import { FileModel, ReportModel, Row, STATUS_LABELS } from './model';
import { MOF_URL, NO_GAPS, OSAID_URL, RECOMMENDED_HEADING, requirementLabel, summaryLine, utc } from './wording';

export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [];
  out.push(`# ${mdText(model.title)}`, '');
  out.push(`Generated ${utc(model.date)}${model.generator ? ` by ${mdText(model.generator)}` : ''}, against the [Open Source AI Definition 1.0](${OSAID_URL}).`, '');
  out.push(summaryLine(model), '');
  out.push(`Status: ${Object.values(STATUS_LABELS).map((s) => `${s.symbol} ${s.word}`).join(' · ')}.`, '');
  if (model.files.length > 0) {
    out.push('| file | kind | verdict | MOF class |', '|---|---|---|---|');
    for (const f of model.files) out.push(`| ${mdCell(mdCode(f.file))} | ${f.kind} | ${mdCell(mdInline(f.checklist.verdict.title))} | ${f.mofClass ?? '—'} |`);
    out.push('');
  }
  for (const f of model.files) out.push(...fileSection(f));
  return `${out.join('\n').trimEnd()}\n`;
}

function fileSection(f: FileModel): string[] {
  const out: string[] = [];
  out.push(`## ${mdCode(f.file)}`, '');
  out.push(`**Verdict:** ${mdInline(f.checklist.verdict.title)}`, '');
  if (f.progress) {
    out.push(`**[Model Openness Framework](${MOF_URL}):** ${f.mofClass}${f.mofSummary ? ` · ${f.mofSummary}` : ''}`, '');
    out.push('| MOF class | progress |', '|---|---|');
    for (const p of f.progress) out.push(`| ${p.label} | ${p.percent}% |`);
    out.push('');
  }
  out.push('### OSAID 1.0 checklist', '');
  out.push('| group | requirement | status | detail |', '|---|---|---|---|');
  for (const { group, item } of f.rows) {
    out.push(`| ${group} | ${mdCell(mdText(requirementLabel(item)))} | ${statusText(item.status)} | ${mdCell(mdInline(item.detail))} |`);
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
  const out = [`#### ${s.symbol} ${mdText(group)} › ${mdText(label)} — ${s.word}`, '', mdInline(item.detail), ''];
  if (item.explanation) out.push(mdQuote(mdBlocks(item.explanation)), '');
  return out;
}

function statusText(status: ChecklistStatus): string {
  const s = STATUS_LABELS[status];
  return `${s.symbol} ${s.word}`;
}

/** A code span that survives any backticks inside it. */
function mdCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Plain text in Markdown: markup characters escaped. */
function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** A table cell: Markdown kept (details carry `code`), pipes escaped, one line. */
function mdCell(markdown: string): string {
  return markdown.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * A finding's text (inline Markdown that quotes the manifest): kept as Markdown, but raw HTML
 * outside code spans is neutralised, since some Markdown viewers render it.
 */
function mdInline(markdown: string): string {
  return markdown.split(/(`[^`]+`)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;'))).join('');
}

/** Block Markdown: `mdInline` outside fenced code blocks. */
function mdBlocks(markdown: string): string {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^```/.test(line)) { fenced = !fenced; return line; }
    return fenced ? line : mdInline(line);
  }).join('\n');
}

function mdQuote(markdown: string): string {
  return markdown.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}
