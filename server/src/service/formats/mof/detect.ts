/**
 * Recognising MOF model files by content, not by file name.
 *
 * Decision: a file is a MOF model file when its top-level `framework.name` is
 * "Model Openness Framework" compared case-insensitively and with whitespace folded
 * (`model openness  framework` counts). MOT itself requires the exact spelling; we claim
 * the near-misses too so the user sees why (a `schema/enum` error on the name with the
 * exact spelling as a quick fix) instead of silence. Anything else — including YAML files
 * that merely mention the framework in a comment or elsewhere — is not claimed.
 *
 * Two more states are claimed but not checked as MOF files, so that a file meant as one is
 * told why it is not (`mofState`): a *near miss* — the top-level `framework` mapping's
 * `name` within three edits of the name (`Model Openess Framework`) — gets only the
 * `schema/enum` error on the name with the exact spelling as its fix; an *unreadable* file —
 * the text looks like MOF but its YAML value could not be built (an alias bomb, nesting past
 * the guard, a parser failure) — gets its parse diagnostics and one note that it was not
 * checked. An unreadable file whose parse still shows its structure (alias bombs) must have a
 * top-level `framework` mapping; a file over the size limit is never claimed (the size
 * warning would be the only thing to say, and a large YAML file mentioning the words is more
 * likely something else).
 */
import { isAlias, isMap, isScalar, Node } from 'yaml';
import { Codes } from '../../diagnostics/codes';
import { editDistance } from '../../text/suggest';
import type { YamlParse } from '../../yaml/parse';
import { FRAMEWORK_NAME, normalizeName } from './tables';

/**
 * How the MOF format stands to a parsed document it may claim:
 * - `mof`: a MOF model file, checked in full;
 * - `near-miss`: `framework.name` is within `NEAR_MISS_EDITS` of the name, not the name;
 * - `unreadable`: looks like MOF, but the YAML value could not be built;
 * - `none`: not claimed.
 */
export type MofState = 'mof' | 'near-miss' | 'unreadable' | 'none';

/** Edits (case and whitespace folded) within which a `framework.name` is a misspelt MOF name. */
export const NEAR_MISS_EDITS = 3;

const FOLDED_NAME = normalizeName(FRAMEWORK_NAME);

/** What the MOF format makes of a parse (only asked when the text looked like MOF: `looksLikeMofText`). */
export function mofState(parse: YamlParse): MofState {
  const { value } = parse;
  if (value === undefined) return unreadable(parse) ? 'unreadable' : 'none';
  if (!isObject(value) || !isObject(value.framework)) return 'none';
  const name = value.framework.name;
  if (typeof name !== 'string') return 'none';
  const folded = normalizeName(name);
  if (folded === FOLDED_NAME) return 'mof';
  return editDistance(folded, FOLDED_NAME, NEAR_MISS_EDITS) <= NEAR_MISS_EDITS ? 'near-miss' : 'none';
}

/**
 * The value could not be built, the parse says why, and what structure it kept shows a top-level `framework` mapping.
 */
function unreadable(parse: YamlParse): boolean {
  const { yaml, parseDiagnostics } = parse;
  if (parseDiagnostics.length === 0 || parseDiagnostics.some((d) => d.code === Codes.tooLarge)) return false;
  if (!yaml) return true; // refused before parsing (nesting) or the parser failed: no structure to look at
  return frameworkPair(yaml.contents as Node | null) !== undefined;
}

/** The top-level `framework` key of a parsed document, when its value is a mapping (or an alias to one). */
export function frameworkPair(contents: Node | null): { key: Node; value: Node } | undefined {
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (isScalar(key) && key.value === 'framework' && value && (isMap(value) || isAlias(value))) return { key, value };
  }
  return undefined;
}

/**
 * Cheap pre-check on raw text, for deciding whether to parse a YAML file at all: the word
 * "framework" and "…penness" anywhere — spelt loosely (`/pe*n+e+s/`: "Openness", and the
 * near misses "Openess", "Opennes", "Opness", "Opennness"), so that a misspelt name still
 * gets parsed and told (`mofState`). Loose on purpose — false positives are settled by
 * `mofState` after parsing; a false negative would hide a MOF file, and the name may be
 * written in flow style, folded over lines or with YAML escapes between its words
 * (`"Model\tOpenness Framework"`), which a tighter pattern misses. (The key itself must be
 * spelt `framework` for the file to be claimed, so "framework" stays exact.)
 */
export function looksLikeMofText(text: string): boolean {
  return /framework/i.test(text) && /pe*n+e+s/i.test(text);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
