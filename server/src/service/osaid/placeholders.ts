/** Values that stand for "not filled in yet". */
const PLACEHOLDERS = new Set([
  '',
  'tbd',
  'tba',
  'todo',
  'fixme',
  'n/a',
  'na',
  'not applicable',
  'no',
  'unknown',
  'none',
  '-',
  '…',
  '...',
  '?',
]);

/** The text quick fixes and skeletons insert where a value must be filled in. */
export const PLACEHOLDER = 'TODO';

/** The quick fixes' own placeholder, anywhere in a value (`none — TODO: why`), means "not written yet". */
const TODO = /\bTODO\b/;

/**
 * Longer than every placeholder with room for blanks around it: such a value is read for `TODO` only (run for every
 * value).
 */
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length)) + 8;

/**
 * One of PLACEHOLDERS, in any case, with blanks around: a regular expression, which allocates nothing (this runs for
 * every value).
 */
const PLACEHOLDER_TEXT = new RegExp(
  `^\\s*(?:${[...PLACEHOLDERS].map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})\\s*$`,
  'i',
);

export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value.length <= LONGEST_PLACEHOLDER && PLACEHOLDER_TEXT.test(value)) return true;
  return value.includes('TODO') && TODO.test(value);
}

/** Words that say "does not apply" — with no reason, still a placeholder. */
const NOT_APPLICABLE = new Set(['none', 'n/a', 'na', '-', 'no', 'not applicable']);

export function isBareNotApplicable(value: unknown): boolean {
  return typeof value === 'string' && NOT_APPLICABLE.has(value.trim().toLowerCase());
}
