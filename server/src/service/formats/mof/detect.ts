/**
 * Recognising MOF model files by content, not by file name.
 *
 * Decision: a file is a MOF model file when its top-level `framework.name` is
 * "Model Openness Framework" compared case-insensitively and with whitespace folded
 * (`model openness  framework` counts). MOT itself requires the exact spelling; we claim
 * the near-misses too so the user sees why (a `schema/enum` error on the name with the
 * exact spelling as a quick fix) instead of silence. Anything else — including YAML files
 * that merely mention the framework in a comment or elsewhere — is not claimed.
 */
import { FRAMEWORK_NAME, normalizeName } from './tables';

/**
 * Cheap pre-check on raw text, for deciding whether to parse a YAML file at all: the words
 * "framework" and "…penness" anywhere. Loose on purpose — false positives are confirmed by
 * `frameworkNameMatches` after parsing; a false negative would hide a MOF file, and the name
 * may be written in flow style, folded over lines or with YAML escapes between its words
 * (`"Model\tOpenness Framework"`), which a tighter pattern misses.
 */
export function looksLikeMofText(text: string): boolean {
  return /framework/i.test(text) && /penness/i.test(text);
}

/** True when the parsed value's top-level `framework.name` names the Model Openness Framework. */
export function frameworkNameMatches(value: unknown): boolean {
  if (!isObject(value)) return false;
  const framework = value.framework;
  if (!isObject(framework)) return false;
  const name = framework.name;
  return typeof name === 'string' && normalizeName(name) === normalizeName(FRAMEWORK_NAME);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
