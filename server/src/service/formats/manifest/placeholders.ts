/** Values that stand for "not filled in yet". */
const PLACEHOLDERS = new Set(['', 'tbd', 'tba', 'todo', 'fixme', 'n/a', 'na', 'unknown', 'none', '-', '…', '...', '?']);

/** The text quick fixes and skeletons insert where a value must be filled in. */
export const PLACEHOLDER = 'TODO';

export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDERS.has(value.trim().toLowerCase());
}
