/** Small helpers over YAML nodes and source text for the MOF module. */
import { isScalar, Node } from 'yaml';

/** [start, end) of a scalar's text without its quotes, when the source spells it verbatim; else the node's range. */
export function innerSpan(source: string, node: Node | null | undefined): [number, number] | undefined {
  if (!node?.range) return undefined;
  const [start, end] = node.range;
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.value !== null) {
    const value = String(node.value);
    if (value !== '' && source.startsWith(value, start + 1) && end - start === value.length + 2) return [start + 1, start + 1 + value.length];
  }
  return [start, end];
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function endOfLine(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  if (i < 0) return text.length;
  return text[i - 1] === '\r' ? i - 1 : i;
}

export function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
