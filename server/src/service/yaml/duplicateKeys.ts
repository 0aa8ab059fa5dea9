/**
 * Duplicate keys in a parse whose value is not built by value.ts's walk (one with anchors or
 * aliases): the parser's own check is off, being quadratic (bounded.ts).
 */
import { Document, isCollection, isMap, isScalar, isSeq, Node, YAMLParseError } from 'yaml';
import { mergeErrors } from './mergeErrors';

/**
 * The parser's `uniqueKeys` check, in linear time: a scalar key whose value an earlier key of
 * the same mapping has is a duplicate (the parser's rule), reported where the key starts. The
 * errors join the parser's in document order.
 */
export function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  // A plain walk (no visitor paths): linear in the nodes, each mapping's keys in one Set.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = node.items.length > 1 ? new Set<unknown>() : undefined;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (seen && isScalar(key)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? node.range?.[0] ?? 0;
            found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          } else seen.add(key.value);
        } else if (isCollection(key)) pending.push(key);
        if (isCollection(pair.value)) pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (isCollection(item)) pending.push(item);
    }
  }
  mergeErrors(
    doc,
    found.sort((a, b) => a.pos[0] - b.pos[0]),
  );
}
