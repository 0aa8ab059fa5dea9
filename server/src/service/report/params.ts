/**
 * `renderReport`'s arguments, checked before anything is rendered: they come from other
 * processes too (an `osai/report` request, a script calling the service), so a wrong format or
 * a malformed entry is answered with what is wrong, never with a TypeError from deep inside a
 * renderer, nor with a report in another format.
 */
import { STATUS_LABELS } from './model';

export const REPORT_FORMATS = ['md', 'html'] as const;

/**
 * The report's arguments are wrong: an unknown format, a malformed entry or option. A caller
 * answering a request maps it to InvalidParams (LSP `-32602`); `problems` lists each, with
 * where it is (e.g. "`entries[0].file` must be a string, not a number").
 */
export class ReportParamsError extends Error {
  override readonly name = 'ReportParamsError';

  constructor(readonly problems: readonly string[]) {
    super(`Cannot render the report: ${problems.join('; ')}.`);
  }
}

/** At most this many problems are listed: a long list of malformed entries says no more than its start. */
const MAX_PROBLEMS = 10;

const VERDICT_STATES = ['meets', 'fails', 'incomplete'];
const LEVELS = ['required', 'recommended'];
const EVIDENCE_STATES = ['agrees', 'disagrees', 'none', 'not-found', 'outside-root'];

/** Throws a `ReportParamsError` unless the arguments are what `renderReport` renders. */
export function checkReportParams(entries: unknown, format: unknown, options: unknown): void {
  const problems: string[] = [];
  const problem = (where: string, what: string, value: unknown) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`\`${where}\` must be ${what}, not ${describe(value)}`);
  };
  const string = (where: string, value: unknown, optional = false) => {
    if (typeof value !== 'string' && !(optional && value === undefined))
      problem(where, optional ? 'a string when given' : 'a string', value);
  };
  const oneOf = (where: string, value: unknown, allowed: readonly string[]) => {
    if (typeof value !== 'string' || !allowed.includes(value))
      problem(
        where,
        allowed
          .map((a) => `"${a}"`)
          .join(' or ')
          .replace(/ or (?=.* or )/g, ', '),
        value,
      );
  };
  const record = (where: string, value: unknown): value is Record<string, unknown> => {
    if (isRecord(value)) return true;
    problem(where, 'an object', value);
    return false;
  };
  const array = (where: string, value: unknown): value is unknown[] => {
    if (Array.isArray(value)) return true;
    problem(where, 'an array', value);
    return false;
  };

  oneOf('format', format, REPORT_FORMATS);
  if (options !== undefined && record('options', options)) {
    if (options.date !== undefined && !(options.date instanceof Date && !Number.isNaN(options.date.getTime())))
      problem('options.date', 'a valid Date when given', options.date);
    string('options.title', options.title, true);
    string('options.generator', options.generator, true);
  }
  if (array('entries', entries)) {
    entries.forEach((entry, e) => {
      const at = `entries[${e}]`;
      if (!record(at, entry)) return;
      string(`${at}.file`, entry.file);
      const checklist = entry.checklist;
      if (!record(`${at}.checklist`, checklist)) return;
      string(`${at}.checklist.kindLabel`, checklist.kindLabel);
      if (record(`${at}.checklist.verdict`, checklist.verdict)) {
        string(`${at}.checklist.verdict.title`, checklist.verdict.title);
        oneOf(`${at}.checklist.verdict.state`, checklist.verdict.state, VERDICT_STATES);
        if (typeof checklist.verdict.meets !== 'boolean')
          problem(`${at}.checklist.verdict.meets`, 'a boolean', checklist.verdict.meets);
      }
      if (array(`${at}.checklist.groups`, checklist.groups)) {
        checklist.groups.forEach((group, g) => {
          const gat = `${at}.checklist.groups[${g}]`;
          if (!record(gat, group)) return;
          string(`${gat}.title`, group.title);
          if (!array(`${gat}.items`, group.items)) return;
          group.items.forEach((item, i) => {
            const iat = `${gat}.items[${i}]`;
            if (!record(iat, item)) return;
            string(`${iat}.id`, item.id);
            string(`${iat}.title`, item.title);
            oneOf(`${iat}.level`, item.level, LEVELS);
            oneOf(`${iat}.status`, item.status, Object.keys(STATUS_LABELS));
            string(`${iat}.detail`, item.detail);
            string(`${iat}.explanation`, item.explanation, true);
            if (item.evidence !== undefined && record(`${iat}.evidence`, item.evidence)) {
              oneOf(`${iat}.evidence.state`, item.evidence.state, EVIDENCE_STATES);
              string(`${iat}.evidence.summary`, item.evidence.summary);
            }
          });
        });
      }
      const classification = checklist.classification;
      if (classification !== undefined && record(`${at}.checklist.classification`, classification)) {
        string(`${at}.checklist.classification.reached`, classification.reached);
        string(`${at}.checklist.classification.summary`, classification.summary, true);
        if (array(`${at}.checklist.classification.levels`, classification.levels)) {
          classification.levels.forEach((level, l) => {
            const lat = `${at}.checklist.classification.levels[${l}]`;
            if (!record(lat, level)) return;
            string(`${lat}.title`, level.title);
            if (typeof level.percent !== 'number' || !Number.isFinite(level.percent))
              problem(`${lat}.percent`, 'a finite number', level.percent);
          });
        }
      }
    });
  }
  if (problems.length > 0) throw new ReportParamsError(problems);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a problem names it: a short string quoted, anything else by its kind. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'an invalid Date';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  return typeof value === 'object' ? 'an object' : typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
