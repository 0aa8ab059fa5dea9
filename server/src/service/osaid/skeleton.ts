/**
 * The YAML of the requirements table: a whole new manifest (every required and recommended
 * element, placeholders where the user must write something, values a caller already knows
 * in their place), and the element with its required children that a quick fix or a
 * completion inserts for a missing requirement. Every format that writes manifest YAML uses
 * this one renderer, so a new manifest, a manifest made from a card and a quick fix agree.
 */
import { PLACEHOLDER } from './placeholders';
import { childrenOf, keyOf, Requirement } from './requirements';

/** The placeholder value of a scalar requirement. */
export function placeholderValue(req: Requirement): string {
  switch (req.shape.kind) {
    case 'enum':
      return req.shape.default;
    case 'version':
      return `"${req.shape.values[0]}"`;
    case 'boolean':
      return 'false';
    default:
      return PLACEHOLDER;
  }
}

/** A value written instead of a placeholder: its YAML text, and a comment after it when it says where it came from. */
export interface KnownValue {
  readonly value: string;
  readonly comment?: string;
}

/** The keys of one list item already known, by key. */
export type KnownItem = Readonly<Record<string, KnownValue>>;

/** What a caller knows before the manifest is written, by concrete path; everything else gets a placeholder. */
export interface KnownValues {
  /** Scalar values (`system.name`). */
  readonly values?: ReadonlyMap<string, KnownValue>;
  /** A list's items (`data_information.training_data`); a list without gets one item of placeholders. */
  readonly lists?: ReadonlyMap<string, readonly KnownItem[]>;
  /** Comment lines (each starting with `#`) written before a key. */
  readonly notes?: ReadonlyMap<string, readonly string[]>;
}

const NOTHING_KNOWN: KnownValues = {};

/**
 * The lines of a new manifest: every element of the requirements table that is not optional
 * and not conditional, in the table's order, indented by two spaces a level.
 */
export function manifestLines(known: KnownValues = NOTHING_KNOWN): string[] {
  return manifestEntries('', '', known);
}

function manifestEntries(pattern: string, indent: string, known: KnownValues): string[] {
  const lines: string[] = [];
  for (const req of childrenOf(pattern)) {
    if (req.level === 'optional' || req.when) continue;
    for (const note of known.notes?.get(req.path) ?? []) lines.push(indent + note);
    const key = keyOf(req);
    switch (req.shape.kind) {
      case 'section':
        lines.push(`${indent}${key}:`, ...manifestEntries(req.path, `${indent}  `, known));
        break;
      case 'list':
        lines.push(`${indent}${key}:`);
        for (const item of known.lists?.get(req.path) ?? [undefined]) {
          lines.push(...listItem(req.path, `${indent}  `, '  ', item));
        }
        break;
      default:
        lines.push(scalarLine(req, indent, known.values?.get(req.path)));
    }
  }
  return lines;
}

/** Required children of a mapping pattern, given the values chosen so far (for `when`). */
function requiredChildren(pattern: string, item?: KnownItem): Requirement[] {
  const chosen = new Map<string, string>();
  const out: Requirement[] = [];
  for (const child of childrenOf(pattern)) {
    if (child.level !== 'required') continue;
    if (child.when && chosen.get(child.when.sibling) !== child.when.equals) continue;
    if (child.shape.kind === 'enum') chosen.set(keyOf(child), item?.[keyOf(child)]?.value ?? child.shape.default);
    out.push(child);
  }
  return out;
}

function scalarLine(req: Requirement, indent: string, known: KnownValue | undefined): string {
  if (!known) return `${indent}${keyOf(req)}: ${placeholderValue(req)}`;
  return `${indent}${keyOf(req)}: ${known.value}${known.comment ? ` # ${known.comment}` : ''}`;
}

/** Block-style lines for `key: value` at `indent` (no trailing newline on the last line). */
export function blockEntry(req: Requirement, indent: string, unit = '  ', value?: string): string[] {
  return entry(req, indent, unit, value === undefined ? undefined : { value });
}

function entry(req: Requirement, indent: string, unit: string, known: KnownValue | undefined): string[] {
  switch (req.shape.kind) {
    case 'section':
      return [`${indent}${keyOf(req)}:`, ...blockMapping(req.path, indent + unit, unit)];
    case 'list':
      return [`${indent}${keyOf(req)}:`, ...blockListItem(req.path, indent + unit, unit)];
    default:
      return [scalarLine(req, indent, known)];
  }
}

export function blockMapping(pattern: string, indent: string, unit = '  '): string[] {
  return mapping(pattern, indent, unit, undefined);
}

function mapping(pattern: string, indent: string, unit: string, item: KnownItem | undefined): string[] {
  return requiredChildren(pattern, item).flatMap((child) => entry(child, indent, unit, item?.[keyOf(child)]));
}

/** One list item (`- a: …` and its continuation lines). */
export function blockListItem(listPattern: string, indent: string, unit = '  '): string[] {
  return listItem(listPattern, indent, unit, undefined);
}

/** One list item with the item's known keys (the others placeholders, its `kind` choosing which are required). */
function listItem(listPattern: string, indent: string, unit: string, item: KnownItem | undefined): string[] {
  const lines = mapping(`${listPattern}[]`, indent + '  ', unit, item);
  if (lines.length === 0) return [`${indent}- {}`];
  lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`;
  return lines;
}

/** Flow-style `key: value` (for insertion into `{…}` mappings). */
export function flowEntry(req: Requirement, value?: string): string {
  return `${keyOf(req)}: ${value ?? flowValue(req)}`;
}

export function flowValue(req: Requirement): string {
  switch (req.shape.kind) {
    case 'section':
      return flowMapping(req.path);
    case 'list':
      return `[${flowMapping(`${req.path}[]`)}]`;
    default:
      return placeholderValue(req);
  }
}

export function flowMapping(pattern: string): string {
  return `{${requiredChildren(pattern)
    .map((r) => flowEntry(r))
    .join(', ')}}`;
}
