/**
 * The plain data of a YAML document without anchors or aliases, and its duplicate keys, in
 * one walk. It equals `doc.toJS()` for such documents under the YAML 1.2 core schema (the
 * parse's only schema unless a `%YAML 1.1` directive says otherwise), and replaces both that
 * and a separate walk for duplicate keys: together they were a tenth of a validation.
 * Anything this walk does not cover (aliases, a collection as a key, a pair in a sequence,
 * a scalar whose value is an object, another schema) returns undefined, and the caller uses
 * the library's `toJS`, which handles every case.
 */
import { Document, isMap, isScalar, isSeq, Node, YAMLMap, YAMLParseError } from 'yaml';

export interface PlainValue {
  readonly value: unknown;
  /**
   * A scalar key whose value an earlier key of the same mapping has (the parser's `uniqueKeys` rule), where it starts;
   * in document order.
   */
  readonly duplicates: YAMLParseError[];
}

class NotPlain extends Error {}

export function plainValue(doc: Document.Parsed): PlainValue | undefined {
  if (doc.schema.name !== 'core') return undefined;
  const duplicates: YAMLParseError[] = [];
  try {
    const value = valueOf(doc.contents, duplicates);
    duplicates.sort((a, b) => a.pos[0] - b.pos[0]);
    return { value, duplicates };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

/** Mappings up to this many entries find duplicate keys by scanning (no set allocated). */
const SMALL_MAPPING = 12;

/** Whether a scalar key before `index` has this value (the library's uniqueKeys test: `===` on values). */
function hasEarlierKey(items: YAMLMap['items'], index: number, keyValue: unknown): boolean {
  for (let j = 0; j < index; j++) {
    const key = items[j].key;
    if (isScalar(key) && key.value === keyValue) return true;
  }
  return false;
}

function valueOf(node: unknown, duplicates: YAMLParseError[]): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'object' && v !== null) throw new NotPlain();
    // toJS turns big integers into numbers (intAsBigInt is off, so none occur; kept for equality).
    return typeof v === 'bigint' ? Number(v) : v;
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const items = node.items;
    // Most mappings are small: their earlier keys are scanned rather than put in a set.
    const seen = items.length > SMALL_MAPPING ? new Set<unknown>() : undefined;
    for (let i = 0; i < items.length; i++) {
      const { key, value } = items[i];
      let keyValue: unknown = null;
      if (isScalar(key)) {
        keyValue = key.value;
        if (typeof keyValue === 'object' && keyValue !== null) throw new NotPlain();
        if (seen ? seen.has(keyValue) : hasEarlierKey(items, i, keyValue)) {
          const at = key.range?.[0] ?? node.range?.[0] ?? 0;
          duplicates.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else if (seen && keyValue === keyValue) seen.add(keyValue); // NaN equals no key, as in the library (===)
      } else if (key !== null && key !== undefined) throw new NotPlain();
      // As the library's addPairToJSMap: null is '', the rest their string; `__proto__` is
      // defined, not assigned (assigning would set the prototype). Any other name, an earlier
      // duplicate's or one Object.prototype has (`constructor`), is an own writable property after assignment.
      const name = typeof keyValue === 'string' ? keyValue : keyValue === null ? '' : String(keyValue);
      const v = valueOf(value as Node | null, duplicates);
      if (name === '__proto__')
        Object.defineProperty(out, name, { value: v, writable: true, enumerable: true, configurable: true });
      else out[name] = v;
    }
    return out;
  }
  if (isSeq(node)) {
    const out: unknown[] = [];
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i];
      if (item !== null && item !== undefined && !isScalar(item) && !isMap(item) && !isSeq(item)) throw new NotPlain();
      out.push(valueOf(item, duplicates));
    }
    return out;
  }
  throw new NotPlain();
}
