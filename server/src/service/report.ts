/**
 * The shareable compliance report (`osai-check --report md|html`, and VS Code's "OSAID: Export
 * compliance report"): per file the verdict, the OSAID checklist table, each gap explained,
 * and the MOF class with its per-class progress for MOF model files.
 *
 * Pure: checklists in, one string out. The HTML page is self-contained — inline CSS, no
 * scripts, no external assets, a Content-Security-Policy that forbids loading anything — and
 * every piece of text in it is escaped.
 */
import { Checklist, ChecklistItem, ChecklistStatus, STATUS_WORDS } from './checklist/model';

export interface ReportEntry {
  /** The file as the reader should see it (a path relative to the workspace or the cwd). */
  file: string;
  checklist: Checklist;
}

export type ReportFormat = 'md' | 'html';

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
  placeholder: { symbol: '⚠', word: STATUS_WORDS.placeholder, tone: 'warn' },
  recommended: { symbol: '○', word: STATUS_WORDS.recommended, tone: 'info' },
};

const DEFAULT_TITLE = 'OSAID compliance report';
const OSAID_URL = 'https://opensource.org/ai/open-source-ai-definition';
const MOF_URL = 'https://arxiv.org/abs/2403.13784';
const NO_GAPS = 'None: every required element is there, and open.';
const RECOMMENDED_HEADING = 'Recommended, not provided';

export function renderReport(entries: readonly ReportEntry[], format: ReportFormat, options: ReportOptions = {}): string {
  const model = buildModel(entries, options);
  return format === 'html' ? renderHtml(model) : renderMarkdown(model);
}

// ---------------------------------------------------------------------------------------
// The model both renderers share

interface FileModel {
  index: number;
  file: string;
  kind: string;
  checklist: Checklist;
  verdictTone: Tone;
  mofClass?: string;
  mofSummary?: string;
  progress?: Array<{ label: string; percent: number; exact: number }>;
  rows: Array<{ group: string; item: ChecklistItem }>;
  /** Required items not met (missing, not open, invalid, placeholder). */
  gaps: Gap[];
  /** Recommended items not provided. */
  recommended: Gap[];
}

interface Gap {
  group: string;
  item: ChecklistItem;
  explanation: string;
}

interface Model {
  title: string;
  date: Date;
  generator?: string;
  files: FileModel[];
  meets: number;
}

function buildModel(entries: readonly ReportEntry[], options: ReportOptions): Model {
  const files = entries.map(({ file, checklist }, index): FileModel => {
    const rows = checklist.groups.flatMap((g) => g.items.map((item) => ({ group: g.title, item })));
    const mof = checklist.classification;
    return {
      index: index + 1,
      file,
      kind: checklist.kindLabel,
      checklist,
      verdictTone: checklist.verdict.meets ? (checklist.verdict.placeholders > 0 ? 'warn' : 'ok') : 'bad',
      mofClass: mof?.reached,
      mofSummary: mof?.summary,
      progress: mof?.levels.map((level) => ({ label: level.title, percent: shownPercent(level.percent), exact: level.percent })),
      rows,
      gaps: rows.filter((r) => r.item.status !== 'met' && r.item.status !== 'recommended').map((r) => ({ ...r, explanation: r.item.explanation })),
      recommended: rows.filter((r) => r.item.status === 'recommended').map((r) => ({ ...r, explanation: r.item.explanation })),
    };
  });
  return {
    title: options.title ?? DEFAULT_TITLE,
    date: options.date ?? new Date(),
    generator: options.generator,
    files,
    meets: files.filter((f) => f.checklist.verdict.meets).length,
  };
}

/** Rounded, but never 100 before the class is reached. */
function shownPercent(p: number): number {
  return p >= 100 ? 100 : Math.min(99, Math.round(p));
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function statusText(status: ChecklistStatus): string {
  const s = STATUS_LABELS[status];
  return `${s.symbol} ${s.word}`;
}

function requirementLabel(item: ChecklistItem): string {
  return item.level === 'recommended' ? `${item.title} (recommended)` : item.title;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLine(model: Model): string {
  const n = model.files.length;
  if (n === 0) return 'No manifests or MOF model files were checked.';
  return `${plural(n, 'file')} checked: ${model.meets} meet${model.meets === 1 ? 's' : ''} the OSAID 1.0 checks, ${n - model.meets} ${n - model.meets === 1 ? 'does' : 'do'} not.`;
}

// ---------------------------------------------------------------------------------------
// Markdown

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

function renderMarkdown(model: Model): string {
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
  for (const f of model.files) {
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
    const gap = ({ group, item, explanation }: Gap, label: string) => {
      out.push(`#### ${STATUS_LABELS[item.status].symbol} ${mdText(group)} › ${mdText(label)} — ${STATUS_LABELS[item.status].word}`, '');
      out.push(mdInline(item.detail), '');
      if (explanation) out.push(mdQuote(mdBlocks(explanation)), '');
    };
    for (const g of f.gaps) gap(g, requirementLabel(g.item));
    if (f.recommended.length > 0) {
      out.push(`### ${RECOMMENDED_HEADING}`, '');
      for (const g of f.recommended) gap(g, g.item.title);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------
// HTML

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Inline Markdown (code spans, bold, http(s) links) to HTML; everything else is escaped text. */
function inlineHtml(markdown: string): string {
  return markdown.split(/(`[^`]+`)/).map((part, i) => {
    if (i % 2 === 1) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
    return escapeHtml(part)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^\s()]+)\)/g, (_m, text: string, url: string) => `<a href="${url}">${text}</a>`);
  }).join('');
}

/**
 * The Markdown the service writes (paragraphs, fenced code, `- ` lists, inline code, bold,
 * links) as HTML. Not a general Markdown renderer; nothing it does not know gets through
 * unescaped.
 */
export function markdownToHtml(markdown: string): string {
  const html: string[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) html.push(`<p>${inlineHtml(paragraph.join(' '))}</p>`);
    if (list.length > 0) html.push(`<ul>${list.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`);
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^```\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) code.push(lines[i]);
      const lang = fence[1] ? ` class="language-${escapeHtml(fence[1])}"` : '';
      html.push(`<pre><code${lang}>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (line.trim() === '') {
      flush();
    } else if (/^\s*[-*] /.test(line)) {
      if (paragraph.length > 0) { const p = paragraph; paragraph = []; html.push(`<p>${inlineHtml(p.join(' '))}</p>`); }
      list.push(line.replace(/^\s*[-*] /, ''));
    } else if (list.length > 0 && /^\s+\S/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list.length > 0) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return html.join('\n');
}

const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --ok-fg: #116329; --ok-bg: #dafbe1; --bad-fg: #a40e26; --bad-bg: #ffebe9; --warn-fg: #7a4a00; --warn-bg: #fff8c5;
  --info-fg: #0550ae; --info-bg: #ddf4ff; --link: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 75rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
a { color: var(--link); }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .5rem; padding-top: 1rem; border-top: 2px solid var(--line); overflow-wrap: anywhere; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .25rem; }
.meta, .legend { color: var(--muted); margin: .25rem 0; }
code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
code { background: var(--soft); border-radius: 4px; padding: .05em .3em; overflow-wrap: anywhere; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; overflow-x: auto; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; color: var(--muted); }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
tbody th { font-weight: 600; }
td.group { color: var(--muted); white-space: nowrap; }
td.status, td.kind { white-space: nowrap; }
.tone-ok { color: var(--ok-fg); } .tone-bad { color: var(--bad-fg); } .tone-warn { color: var(--warn-fg); } .tone-info { color: var(--info-fg); }
td.verdict { font-weight: 600; }
.badge { display: inline-block; border-radius: 999px; padding: .05rem .6rem; font-weight: 600; border: 1px solid currentColor; }
.ok { color: var(--ok-fg); background: var(--ok-bg); }
.bad { color: var(--bad-fg); background: var(--bad-bg); }
.warn { color: var(--warn-fg); background: var(--warn-bg); }
.info { color: var(--info-fg); background: var(--info-bg); }
p.verdict { display: inline-block; margin: .25rem 0; padding: .3rem .8rem; border-radius: 6px; font-weight: 600; border: 1px solid currentColor; }
.mof { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.mof h3 { margin-top: 0; }
.bar { display: inline-block; vertical-align: middle; width: 12rem; height: .8rem; border: 1px solid var(--muted); border-radius: 4px; background: #fff; overflow: hidden; margin-right: .5rem; }
.bar > span { display: block; height: 100%; background: var(--ok-fg); }
.gap { border-left: 4px solid var(--line); padding: .25rem 0 .25rem 1rem; margin: 1rem 0; }
.gap.bad { border-left-color: var(--bad-fg); background: none; color: inherit; }
.gap.warn { border-left-color: var(--warn-fg); background: none; color: inherit; }
.gap.info { border-left-color: var(--info-fg); background: none; color: inherit; }
.gap .detail { margin: .25rem 0 .5rem; }
.gap.bad h4 .symbol { color: var(--bad-fg); } .gap.warn h4 .symbol { color: var(--warn-fg); } .gap.info h4 .symbol { color: var(--info-fg); }
.explanation { color: var(--fg); background: var(--soft); border-radius: 6px; padding: .1rem .9rem; }
.explanation p { margin: .5rem 0; }
ul.files { padding-left: 1.2rem; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; }
.scroll:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.scroll > table { margin: 0; }
@media (max-width: 40rem) { main { padding: 1rem .75rem 2rem; } th, td { padding: .3rem .4rem; } td.group, td.kind { white-space: normal; } table.checklist { min-width: 36rem; } }
@media print { main { max-width: none; padding: 0; } h2 { break-before: page; } .gap, tr { break-inside: avoid; } a { color: inherit; } }
`;

function statusBadge(status: ChecklistStatus): string {
  const s = STATUS_LABELS[status];
  return `<span class="badge ${s.tone}"><span aria-hidden="true">${s.symbol}</span> ${escapeHtml(s.word)}</span>`;
}

function renderHtml(model: Model): string {
  const h: string[] = [];
  const title = escapeHtml(model.title);
  h.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    ...(model.generator ? [`<meta name="generator" content="${escapeHtml(model.generator)}">`] : []),
    `<title>${title}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', '<main>');
  h.push('<header>', `<h1>${title}</h1>`,
    `<p class="meta">Generated <time datetime="${model.date.toISOString()}">${utc(model.date)}</time>${model.generator ? ` by ${escapeHtml(model.generator)}` : ''}, against the <a href="${OSAID_URL}">Open Source AI Definition 1.0</a>.</p>`,
    '</header>');

  h.push('<section aria-labelledby="summary">', '<h2 id="summary">Summary</h2>', `<p>${escapeHtml(summaryLine(model))}</p>`);
  if (model.files.length > 0) {
    h.push('<div class="scroll" role="region" aria-label="Verdict per file" tabindex="0">', '<table class="summary">', '<caption>Verdict per file</caption>',
      '<thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Verdict</th><th scope="col">MOF class</th></tr></thead>', '<tbody>');
    for (const f of model.files) {
      h.push(`<tr><th scope="row"><a href="#file-${f.index}"><code>${escapeHtml(f.file)}</code></a></th><td class="kind">${f.kind}</td>`
        + `<td class="verdict tone-${f.verdictTone}">${escapeHtml(f.checklist.verdict.title)}</td><td>${f.mofClass ? escapeHtml(f.mofClass) : '—'}</td></tr>`);
    }
    h.push('</tbody>', '</table>', '</div>');
  }
  h.push(`<p class="legend">Status: ${Object.values(STATUS_LABELS).map((s) => `<span aria-hidden="true">${s.symbol}</span> ${escapeHtml(s.word)}`).join(' · ')}.</p>`);
  h.push('</section>');

  for (const f of model.files) {
    const id = `file-${f.index}`;
    h.push(`<section class="file" id="${id}" aria-labelledby="${id}-title">`, `<h2 id="${id}-title"><code>${escapeHtml(f.file)}</code></h2>`);
    h.push(`<p class="verdict ${f.verdictTone}">${escapeHtml(f.checklist.verdict.title)}</p>`);
    if (f.progress) {
      h.push(`<div class="mof" role="group" aria-labelledby="${id}-mof">`, `<h3 id="${id}-mof"><a href="${MOF_URL}">Model Openness Framework</a>: ${escapeHtml(f.mofClass ?? '')}</h3>`);
      if (f.mofSummary) h.push(`<p>${escapeHtml(f.mofSummary)}</p>`);
      h.push('<div class="scroll" role="region" aria-label="MOF progress per class" tabindex="0">', '<table class="progress">', `<caption>MOF progress per class</caption>`,
        '<thead><tr><th scope="col">Class</th><th scope="col">Progress</th></tr></thead>', '<tbody>');
      for (const p of f.progress) {
        h.push(`<tr><th scope="row">${escapeHtml(p.label)}</th><td><span class="bar" role="progressbar" aria-label="${escapeHtml(p.label)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${p.percent}"><span style="width: ${p.percent}%"></span></span>${p.percent}%</td></tr>`);
      }
      h.push('</tbody>', '</table>', '</div>', '</div>');
    }
    h.push(`<div class="scroll" role="region" aria-label="OSAID 1.0 checklist of ${escapeHtml(f.file)}" tabindex="0">`, '<table class="checklist">', `<caption>OSAID 1.0 checklist</caption>`,
      '<thead><tr><th scope="col">Group</th><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Detail</th></tr></thead>', '<tbody>');
    for (const { group, item } of f.rows) {
      h.push(`<tr data-requirement="${escapeHtml(item.id)}" data-status="${item.status}"><td class="group">${escapeHtml(group)}</td><th scope="row">${escapeHtml(requirementLabel(item))}</th>`
        + `<td class="status">${statusBadge(item.status)}</td><td>${inlineHtml(item.detail)}</td></tr>`);
    }
    h.push('</tbody>', '</table>', '</div>');
    const gap = ({ group, item, explanation }: Gap, label: string) => {
      const s = STATUS_LABELS[item.status];
      h.push(`<article class="gap ${s.tone}">`,
        `<h4><span class="symbol" aria-hidden="true">${s.symbol}</span> ${escapeHtml(group)} › ${escapeHtml(label)} — ${escapeHtml(s.word)}</h4>`,
        `<p class="detail">${inlineHtml(item.detail)}</p>`);
      if (explanation) h.push(`<div class="explanation">${markdownToHtml(explanation)}</div>`);
      h.push('</article>');
    };
    h.push(`<h3 id="${id}-gaps">Gaps</h3>`);
    if (f.gaps.length === 0) h.push(`<p>${escapeHtml(NO_GAPS)}</p>`);
    for (const g of f.gaps) gap(g, requirementLabel(g.item));
    if (f.recommended.length > 0) {
      h.push(`<h3 id="${id}-recommended">${escapeHtml(RECOMMENDED_HEADING)}</h3>`);
      for (const g of f.recommended) gap(g, g.item.title);
    }
    h.push('</section>');
  }
  h.push('</main>', '</body>', '</html>');
  return `${h.join('\n')}\n`;
}
