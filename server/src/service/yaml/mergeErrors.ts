/**
 * Errors found after the parse (duplicate keys) joined to the parser's own, in document
 * order, so that diagnostics come out as one parse with the check on would give them.
 */
import type { Document, YAMLParseError } from 'yaml';

/** Adds errors (sorted by position) to the parser's, keeping document order. */
export function mergeErrors(doc: Document.Parsed, sorted: readonly YAMLParseError[]): void {
  if (sorted.length === 0) return;
  const merged: YAMLParseError[] = [];
  let next = 0;
  for (const error of doc.errors) {
    while (next < sorted.length && sorted[next].pos[0] < error.pos[0]) merged.push(sorted[next++]);
    merged.push(error);
  }
  while (next < sorted.length) merged.push(sorted[next++]);
  doc.errors.length = 0;
  for (const error of merged) doc.errors.push(error);
}
