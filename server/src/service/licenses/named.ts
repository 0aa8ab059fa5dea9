/**
 * Licenses recognised by name rather than by SPDX id: AI model licenses, research
 * licenses and a few others that manifests and model cards name. None has an SPDX id;
 * each is matched by its Hugging Face id, the `license_name` values seen on model cards,
 * its ScanCode `LicenseRef-scancode-…` id or a common free-text spelling,
 * case-insensitively and ignoring punctuation (`compactKey`).
 *
 * Every entry says how it fails (`kind`), because the checker reports the kinds with
 * different codes:
 * - `use-restricted` — acceptable-use policies, field-of-use bans, user or revenue
 *   thresholds, "no use to improve other models" (RAIL, Llama, Gemma, Falcon, Qwen, …):
 *   `license/restricted` under both tests (table in `restricted.ts`).
 * - `non-commercial` — non-commercial, research-only or evaluation-only grants;
 * - `no-redistribution` — no right to modify or share (arXiv's distribution licence);
 * - `permissive` — permissive terms that are neither OSI-approved nor on the reviewed
 *   open list (Apple Sample Code License): not open until a person reviews them.
 *   These three are `license/not-osi-approved` for code and `license/not-open` for
 *   parameters, data information and documentation (table in `namedNotOpen.ts`).
 */
import { lazyMap } from './lazy';
import { NAMED_NOT_OPEN_LICENSES } from './namedNotOpen';
import { compactKey } from './normalize';
import { RESTRICTED_LICENSES } from './restricted';
import type { NamedLicense } from './types';

/** Every license recognised by name: the use-restricted ones first, then the others. */
export const NAMED_LICENSES: readonly NamedLicense[] = Object.freeze([
  ...RESTRICTED_LICENSES,
  ...NAMED_NOT_OPEN_LICENSES,
]);

/** Every way an entry may be written. */
export function namedSpellings(entry: NamedLicense): string[] {
  return [
    entry.id,
    entry.name,
    ...entry.huggingFace,
    ...(entry.licenseNames ?? []),
    ...entry.scancode,
    ...entry.spellings,
  ];
}

function buildIndex(): ReadonlyMap<string, NamedLicense> {
  const map = new Map<string, NamedLicense>();
  for (const entry of NAMED_LICENSES) {
    for (const spelling of namedSpellings(entry)) {
      const key = compactKey(spelling);
      const existing = map.get(key);
      if (existing && existing !== entry)
        throw new Error(`named-license spelling clash: ${spelling} (${existing.id} and ${entry.id})`);
      map.set(key, entry);
    }
  }
  return map;
}

/** Compact key → license recognised by name. */
export const NAMED_BY_KEY: ReadonlyMap<string, NamedLicense> = lazyMap(buildIndex);

/** The license recognised by name that `text` names, if any. */
export function lookupNamed(text: string): NamedLicense | undefined {
  const key = compactKey(text);
  return key.length > 0 ? NAMED_BY_KEY.get(key) : undefined;
}
