/** The speed section's Markdown: the table, the budgets met or not. */
import { f, machine, mark } from './markdown';
import { RUNS, Speed } from './speed';

/** The speed tables: validation against its baselines, features, server start, the `.vsix`. */
export function speedMarkdown({ rows, rss, markdown, json, vsix }: Speed): string {
  const table: string[] = [];
  table.push(
    '| input | lines | full validation ms | bare `yaml.parseDocument` ms, ' +
      'same build | ratio (goal ≤ 1.15× at 1,000 and 10,000 lines) | bare ' +
      'parse ms, `yaml` as published | yaml-language-server ms | ratio (goal ' +
      '≤ 0.67×: 1.5× faster) | after a keystroke in the largest entry ms ' +
      '(reusing the previous parse) | its ratio to yaml-language-server | ' +
      'hover ms | completion ms | code actions ms (budget < 10) |',
  );
  table.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const budgets: string[] = [];
  for (const r of rows) {
    const ratio = r.validate / r.parse;
    const peerRatio = r.peer ? r.validate / r.peer : undefined;
    const revalidateRatio = r.peer ? r.revalidate / r.peer : undefined;
    const ratioGoal = r.lines >= 900 && r.label.startsWith('manifest') ? ratio <= 1.15 : ratio <= 2;
    table.push(
      `| ${r.label} | ${r.lines.toLocaleString('en-US')} | ${f(r.validate)} | ` +
        `${f(r.parse)} | ${ratio.toFixed(2)}× ${mark(ratioGoal)} | ${f(r.publishedParse)}` +
        ` | ${f(r.peer)} | ` +
        `${peerRatio === undefined ? '–' : `${peerRatio.toFixed(2)}× ${mark(peerRatio <= 2 / 3)}`}` +
        ` | ${f(r.revalidate)} | ` +
        `${revalidateRatio === undefined ? '–' : `${revalidateRatio.toFixed(2)}× ${mark(revalidateRatio <= 2 / 3)}`}` +
        ` | ${f(r.hover)} | ${f(r.completion)} | ${f(r.codeAction)} ` +
        `${mark(Math.max(r.hover, r.completion, r.codeAction) < 10)} |`,
    );
    if (!ratioGoal) budgets.push(`${r.label}: full validation ${ratio.toFixed(2)}× the bare parse`);
    if (peerRatio !== undefined && peerRatio > 2 / 3)
      budgets.push(`${r.label}: full validation not 1.5× faster than yaml-language-server (${peerRatio.toFixed(2)}×)`);
    if (revalidateRatio !== undefined && revalidateRatio > 2 / 3)
      budgets.push(
        `${r.label}: validation after a keystroke not 1.5× faster than yaml-language-server ` +
          `(${revalidateRatio.toFixed(2)}×)`,
      );
    if (r.lines >= 10_000 && Math.max(r.hover, r.completion, r.codeAction) >= 10)
      budgets.push(`${r.label}: a feature took 10 ms or more`);
  }
  table.push('');
  table.push(`Server resident memory after opening the 10,000-line manifest: **${rss.toFixed(0)} MB**`);
  const vsixSize = vsix
    ? `**${(vsix.size / 1024).toFixed(0)} KB** (${vsix.n}; budget < 1 MB) ${mark(vsix.size < 1024 * 1024)}`
    : 'no .vsix in the folder (run `npm run package` first)';
  table.push(`\`.vsix\` size: ${vsixSize}`);
  table.push(
    `Opening 2,000 Markdown files that are not cards, per file: **${f(markdown.serverMs)} ` +
      `ms** over LSP (didOpen to its empty publication, 2-core machine), ${f(markdown.serviceMs)} ` +
      `ms in the service (budget < 1 ms) ${mark(markdown.serverMs < 1)}`,
  );
  if (markdown.serverMs >= 1) budgets.push('a non-card Markdown file cost the server 1 ms or more');
  table.push(
    'Opening 2,000 JSON files that are not ML-BOMs (package.json, tsconfig.json, a data file naming `bomFormat` ' +
      `and CycloneDX), ` +
      `per file: **${f(json.serverMs)} ms** over LSP, ${f(json.serviceMs)} ms in the service (budget < 1 ms) ` +
      `${mark(json.serverMs < 1)}`,
  );
  if (json.serverMs >= 1) budgets.push('a JSON file that is no ML-BOM cost the server 1 ms or more');
  const verdict = budgets.length ? `Budgets not met: ${budgets.join('; ')}.` : 'All budgets met.';
  const runs = `medians of ${RUNS * 8} interleaved runs below 2,000 lines, ${RUNS} above`;
  return [`Machine: ${machine()}; ${runs}`, '', ...table, '', verdict].join('\n');
}
