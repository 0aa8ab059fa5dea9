/**
 * SPDX expression structure with source offsets.
 *
 * `spdx-expression-parse` builds the tree (precedence, parentheses) but gives no
 * offsets and only accepts ids it knows, written exactly. So the string is first
 * split into words here (left to right, recording offsets); each license operand
 * becomes a numbered placeholder `LicenseRef-<n>`, `WITH <exception>` stays
 * attached to its operand, and the placeholder expression is handed to the
 * parser. The placeholders in the parsed tree map back to the recorded operands.
 */
import parse from 'spdx-expression-parse';

export interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Operand extends Span {
  readonly index: number;
  readonly exception?: Span;
}

export type ExpressionNode =
  | { readonly type: 'leaf'; readonly operand: Operand }
  | {
      readonly type: 'and' | 'or';
      readonly children: readonly ExpressionNode[];
      readonly start: number;
      readonly end: number;
    };

export interface ParsedExpression {
  readonly root: ExpressionNode;
  readonly operands: readonly Operand[];
}

/**
 * - `strict`: every operand is a single SPDX-shaped word (`[A-Za-z0-9.-]+` with an optional `+`, or a
 *   `LicenseRef-…`); anything else fails.
 * - `phrase`: consecutive words between operators form one operand, so free-text names such as
 *   "Apache License 2.0 OR MIT" can still be split at the operators.
 */
export type ParseMode = 'strict' | 'phrase';

const STRICT_WORD = /^(?:[A-Za-z0-9.-]+\+?|(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+)$/i;

interface Word extends Span {
  readonly kind: 'word' | '(' | ')' | 'AND' | 'OR' | 'WITH';
}

function splitWords(value: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      words.push({ kind: ch, text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    const start = i;
    while (i < value.length && !/[\s()]/.test(value[i])) i++;
    const text = value.slice(start, i);
    const upper = text.toUpperCase();
    const kind = upper === 'AND' || upper === 'OR' || upper === 'WITH' ? upper : 'word';
    words.push({ kind, text, start, end: i });
  }
  return words;
}

interface MutableOperand {
  start: number;
  end: number;
  exception?: { start: number; end: number };
}

type Item =
  { readonly kind: '(' | ')' | 'AND' | 'OR' } | { readonly kind: 'operand'; readonly operand: MutableOperand };

/** Parses `value` as an SPDX expression; `undefined` when it is not one (in the given mode). */
export function parseExpression(value: string, mode: ParseMode): ParsedExpression | undefined {
  const words = splitWords(value);
  if (words.length === 0) return undefined;
  const items: Item[] = [];
  const operands: MutableOperand[] = [];
  let inException = false;
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const last = items[items.length - 1];
    if (word.kind === 'word') {
      if (mode === 'strict' && !STRICT_WORD.test(word.text)) return undefined;
      if (inException && last?.kind === 'operand') {
        const exc = last.operand.exception;
        if (exc === undefined) {
          last.operand.exception = { start: word.start, end: word.end };
        } else if (mode === 'phrase') {
          exc.end = word.end;
        } else {
          return undefined;
        }
        continue;
      }
      if (mode === 'phrase' && last?.kind === 'operand') {
        last.operand.end = word.end;
        continue;
      }
      const operand: MutableOperand = { start: word.start, end: word.end };
      operands.push(operand);
      items.push({ kind: 'operand', operand });
      continue;
    }
    if (word.kind === 'WITH') {
      if (last?.kind !== 'operand' || inException) return undefined;
      const next = words[w + 1];
      if (next === undefined || next.kind !== 'word') return undefined;
      inException = true;
      continue;
    }
    inException = false;
    items.push({ kind: word.kind });
  }

  const placeholder = items
    .map((item) => (item.kind === 'operand' ? `LicenseRef-${operands.indexOf(item.operand)}` : item.kind))
    .join(' ');
  let tree: parse.Info;
  try {
    tree = parse(placeholder);
  } catch {
    return undefined;
  }

  const frozen: Operand[] = operands.map((o, index) => ({
    index,
    text: value.slice(o.start, o.end),
    start: o.start,
    end: o.end,
    ...(o.exception ? { exception: { text: value.slice(o.exception.start, o.exception.end), ...o.exception } } : {}),
  }));
  const root = convert(tree, frozen);
  return root ? { root, operands: frozen } : undefined;
}

function convert(info: parse.Info, operands: readonly Operand[]): ExpressionNode | undefined {
  if ('conjunction' in info) {
    const left = convert(info.left, operands);
    const right = convert(info.right, operands);
    if (!left || !right) return undefined;
    const type = info.conjunction;
    const children = [left, right].flatMap((c) => (c.type === type ? c.children : [c]));
    return { type, children, start: nodeStart(children[0]), end: nodeEnd(children[children.length - 1]) };
  }
  const m = /^LicenseRef-(\d+)$/.exec(info.license);
  const operand = m ? operands[Number(m[1])] : undefined;
  return operand ? { type: 'leaf', operand } : undefined;
}

export function nodeStart(node: ExpressionNode): number {
  return node.type === 'leaf' ? node.operand.start : node.start;
}

export function nodeEnd(node: ExpressionNode): number {
  if (node.type !== 'leaf') return node.end;
  return node.operand.exception ? node.operand.exception.end : node.operand.end;
}
