/**
 * The shareable compliance report (`osai-check --report md|html`, and VS Code's "OSAID: Export
 * compliance report"): per file the verdict, the OSAID checklist table, each gap explained,
 * and the MOF class with its per-class progress for MOF model files.
 *
 * Pure: checklists in, one string out. Knows the checklist model only, never a format.
 */
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { buildModel, ReportEntry, ReportOptions } from './model';
import { checkReportParams, REPORT_FORMATS } from './params';

export { markdownToHtml } from './markdownToHtml';
export { STATUS_LABELS } from './model';
export type { ReportEntry, ReportOptions } from './model';
export { REPORT_FORMATS, ReportParamsError } from './params';

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The report of `entries` in `format`. Throws a `ReportParamsError` (nothing rendered) for an
 * unknown format or a malformed entry or option: a request handler answers it InvalidParams.
 */
export function renderReport(
  entries: readonly ReportEntry[],
  format: ReportFormat,
  options: ReportOptions = {},
): string {
  checkReportParams(entries, format, options);
  const model = buildModel(entries, options);
  return format === 'html' ? renderHtml(model) : renderMarkdown(model);
}
