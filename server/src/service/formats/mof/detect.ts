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

const FRAMEWORK_KEY = /^framework[ \t]*:/m;
const FRAMEWORK_NAME_TEXT = /model[ \t]+openness[ \t]+framework/i;

/**
 * Cheap pre-check on raw text, for the server/client to decide whether to parse a
 * `.yml`/`.yaml` file at all: a top-level `framework:` key and the words "Model Openness
 * Framework". False positives are fine (confirmed by `frameworkNameMatches` after parsing); false negatives
 * are not, so it is loose.
 */
export function looksLikeMofText(text: string): boolean {
  return FRAMEWORK_KEY.test(text) && FRAMEWORK_NAME_TEXT.test(text);
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
