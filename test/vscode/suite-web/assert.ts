/**
 * The few assertions the web suite needs. `node:assert` is not there in the web worker
 * extension host (no Node), and a bundled copy would pull Node's `util` and `process` in.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v), 2) ?? String(value);
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(`${message} (got ${show(value)})`);
}

/** `Object.is` equality. */
export function equal<T>(actual: T, expected: T, message = 'values are equal'): void {
  if (!Object.is(actual, expected))
    throw new AssertionError(`${message}\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`);
}

/** Equality of plain data (arrays, objects, strings, numbers, booleans, null), compared as canonical JSON. */
export function deepEqual(actual: unknown, expected: unknown, message = 'values are deeply equal'): void {
  const a = show(actual);
  const e = show(expected);
  if (a !== e) throw new AssertionError(`${message}\n  expected: ${e}\n  actual:   ${a}`);
}

export function match(actual: string, pattern: RegExp, message = 'the text matches'): void {
  if (!pattern.test(actual))
    throw new AssertionError(`${message}\n  pattern: ${String(pattern)}\n  actual:   ${show(actual)}`);
}
