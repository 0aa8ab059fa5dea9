/**
 * Renders the YAML a quick fix inserts for a missing requirement: the element with every
 * required child, placeholders where the user must write something. Read from the table.
 */
import { PLACEHOLDER } from '../../osaid/placeholders';
import { childrenOf, keyOf, Requirement } from '../../osaid/requirements';

/** The placeholder value of a scalar requirement. */
export function placeholderValue(req: Requirement): string {
  switch (req.shape.kind) {
    case 'enum': return req.shape.default;
    case 'version': return `"${req.shape.values[0]}"`;
    case 'boolean': return 'false';
    default: return PLACEHOLDER;
  }
}

/** Required children of a mapping pattern, given the values chosen so far (for `when`). */
function requiredChildren(pattern: string): Requirement[] {
  const chosen = new Map<string, string>();
  const out: Requirement[] = [];
  for (const child of childrenOf(pattern)) {
    if (child.level !== 'required') continue;
    if (child.when && chosen.get(child.when.sibling) !== child.when.equals) continue;
    if (child.shape.kind === 'enum') chosen.set(keyOf(child), child.shape.default);
    out.push(child);
  }
  return out;
}

/** Block-style lines for `key: value` at `indent` (no trailing newline on the last line). */
export function blockEntry(req: Requirement, indent: string, unit = '  ', value?: string): string[] {
  const key = keyOf(req);
  switch (req.shape.kind) {
    case 'section':
      return [`${indent}${key}:`, ...blockMapping(req.path, indent + unit, unit)];
    case 'list':
      return [`${indent}${key}:`, ...blockListItem(req.path, indent + unit, unit)];
    default:
      return [`${indent}${key}: ${value ?? placeholderValue(req)}`];
  }
}

export function blockMapping(pattern: string, indent: string, unit = '  '): string[] {
  return requiredChildren(pattern).flatMap((child) => blockEntry(child, indent, unit));
}

/** One list item (`- a: …` and its continuation lines). */
export function blockListItem(listPattern: string, indent: string, unit = '  '): string[] {
  const lines = blockMapping(`${listPattern}[]`, indent + '  ', unit);
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
    case 'section': return flowMapping(req.path);
    case 'list': return `[${flowMapping(`${req.path}[]`)}]`;
    default: return placeholderValue(req);
  }
}

export function flowMapping(pattern: string): string {
  return `{${requiredChildren(pattern).map((r) => flowEntry(r)).join(', ')}}`;
}
