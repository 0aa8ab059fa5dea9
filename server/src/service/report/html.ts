/**
 * The report as one self-contained HTML page: inline CSS, no scripts, no external assets, a
 * Content-Security-Policy that forbids loading anything; every piece of text escaped. Findings
 * show their code spans and nothing else of Markdown (serviceText.ts); only the requirements'
 * own documentation is rendered as Markdown.
 */
import type { ChecklistStatus } from '../checklist/model';
import { escapeHtml, showBidiControls } from './escapeHtml';
import { markdownToHtml } from './markdownToHtml';
import { FileModel, ReportModel, Row, STATUS_LABELS } from './model';
import { serviceTextToHtml } from './serviceText';
import { REPORT_CSS } from './style';
import { MOF_URL, NO_GAPS, OSAID_URL, RECOMMENDED_HEADING, requirementLabel, summaryLine, utc } from './wording';

export function renderHtml(model: ReportModel): string {
  const h: string[] = [];
  const title = escapeHtml(model.title);
  h.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    ...(model.generator ? [`<meta name="generator" content="${escapeHtml(model.generator)}">`] : []),
    `<title>${title}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
  );
  h.push(
    '<header>',
    `<h1>${title}</h1>`,
    `<p class="meta">Generated <time datetime="${model.date.toISOString()}">` +
      `${utc(model.date)}</time>` +
      `${model.generator ? ` by ${escapeHtml(model.generator)}` : ''}` +
      `, against the <a href="${OSAID_URL}">Open Source AI Definition 1.0</a>.</p>`,
    '</header>',
  );
  h.push(...summarySection(model));
  for (const f of model.files) h.push(...fileSection(f));
  h.push('</main>', '</body>', '</html>');
  return `${h.join('\n')}\n`;
}

function summarySection(model: ReportModel): string[] {
  const h = [
    '<section aria-labelledby="summary">',
    '<h2 id="summary">Summary</h2>',
    `<p>${escapeHtml(summaryLine(model))}</p>`,
  ];
  if (model.files.length > 0) {
    h.push(
      '<div class="scroll" role="region" aria-label="Verdict per file" tabindex="0">',
      '<table class="summary">',
      '<caption>Verdict per file</caption>',
      '<thead><tr><th scope="col">File</th><th scope="col">Kind</th><th ' +
        'scope="col">Verdict</th><th scope="col">MOF class</th></tr></thead>',
      '<tbody>',
    );
    for (const f of model.files) {
      h.push(
        `<tr><th scope="row"><a href="#file-${f.index}"><code>${escapeHtml(f.file)}</code></a></th><td ` +
          `class="kind">${escapeHtml(f.kind)}</td>` +
          `<td class="verdict tone-${f.verdictTone}">` +
          `${escapeHtml(f.checklist.verdict.title)}</td><td>` +
          `${f.mofClass ? escapeHtml(f.mofClass) : '—'}</td></tr>`,
      );
    }
    h.push('</tbody>', '</table>', '</div>');
  }
  h.push(
    `<p class="legend">Status: ${Object.values(STATUS_LABELS)
      .map((s) => `<span aria-hidden="true">${s.symbol}</span> ${escapeHtml(s.word)}`)
      .join(' · ')}.</p>`,
  );
  h.push('</section>');
  return h;
}

function fileSection(f: FileModel): string[] {
  const id = `file-${f.index}`;
  const h = [
    `<section class="file" id="${id}" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title"><code>${escapeHtml(f.file)}</code></h2>`,
  ];
  h.push(`<p class="verdict ${f.verdictTone}">${escapeHtml(f.checklist.verdict.title)}</p>`);
  if (f.progress) {
    h.push(
      `<div class="mof" role="group" aria-labelledby="${id}-mof">`,
      `<h3 id="${id}-mof"><a href="${MOF_URL}">Model Openness Framework</a>: ${escapeHtml(f.mofClass ?? '')}</h3>`,
    );
    if (f.mofSummary) h.push(`<p>${escapeHtml(f.mofSummary)}</p>`);
    h.push(
      '<div class="scroll" role="region" aria-label="MOF progress per class" tabindex="0">',
      '<table class="progress">',
      `<caption>MOF progress per class</caption>`,
      '<thead><tr><th scope="col">Class</th><th scope="col">Progress</th></tr></thead>',
      '<tbody>',
    );
    for (const p of f.progress) {
      h.push(
        `<tr><th scope="row">${escapeHtml(p.label)}</th><td><span class="bar" role="progressbar" ` +
          `aria-label="${escapeHtml(p.label)}" aria-valuemin="0" aria-valuemax="100" ` +
          `aria-valuenow="${p.percent}"><span style="width: ${p.percent}%"></span></span>${p.percent}%</td></tr>`,
      );
    }
    h.push('</tbody>', '</table>', '</div>', '</div>');
  }
  h.push(
    `<div class="scroll" role="region" aria-label="OSAID 1.0 checklist of ${escapeHtml(f.file)}" tabindex="0">`,
    '<table class="checklist">',
    `<caption>OSAID 1.0 checklist</caption>`,
    '<thead><tr><th scope="col">Group</th><th ' +
      'scope="col">Requirement</th><th scope="col">Status</th><th ' +
      'scope="col">Detail</th></tr></thead>',
    '<tbody>',
  );
  for (const { group, item } of f.rows) {
    h.push(
      `<tr data-requirement="${escapeHtml(item.id)}" data-status="${item.status}"><td ` +
        `class="group">${escapeHtml(group)}</td><th scope="row">${escapeHtml(requirementLabel(item))}</th>` +
        `<td class="status">${statusBadge(item.status)}</td><td>${serviceTextToHtml(item.detail)}</td></tr>`,
    );
  }
  h.push('</tbody>', '</table>', '</div>');
  h.push(`<h3 id="${id}-gaps">Gaps</h3>`);
  if (f.gaps.length === 0) h.push(`<p>${escapeHtml(NO_GAPS)}</p>`);
  for (const g of f.gaps) h.push(...gap(g, requirementLabel(g.item)));
  if (f.recommended.length > 0) {
    h.push(`<h3 id="${id}-recommended">${escapeHtml(RECOMMENDED_HEADING)}</h3>`);
    for (const g of f.recommended) h.push(...gap(g, g.item.title));
  }
  h.push('</section>');
  return h;
}

function gap({ group, item }: Row, label: string): string[] {
  const s = STATUS_LABELS[item.status];
  const h = [
    `<article class="gap ${s.tone}">`,
    `<h4><span class="symbol" aria-hidden="true">${s.symbol}</span> ${escapeHtml(group)} ` +
      `› ${escapeHtml(label)} — ${escapeHtml(s.word)}</h4>`,
    `<p class="detail">${serviceTextToHtml(item.detail)}</p>`,
  ];
  if (item.explanation) h.push(`<div class="explanation">${markdownToHtml(showBidiControls(item.explanation))}</div>`);
  h.push('</article>');
  return h;
}

function statusBadge(status: ChecklistStatus): string {
  const s = STATUS_LABELS[status];
  return `<span class="badge ${s.tone}"><span aria-hidden="true">${s.symbol}</span> ${escapeHtml(s.word)}</span>`;
}
