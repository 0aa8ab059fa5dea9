/**
 * Resolution of one written license id (or free-text name) to what it means:
 * an SPDX id, a family of candidates, a license recognised by name (restricted,
 * or not open for another reason), a custom `LicenseRef-…`, a "no license"
 * placeholder, or nothing known.
 */
import { lazyMap } from './lazy';
import { ALIASES, DEPRECATED_REPLACEMENTS, NO_LICENSE_KEYS, SPDX_BY_KEY } from './aliases';
import { compactKey } from './normalize';
import { OPEN_LICENSES_BY_ID, OPEN_LICENSES_BY_LOWER } from './openList';
import { lookupNamed } from './named';
import type { NamedLicense } from './types';
import { SPDX_EXCEPTIONS, SPDX_EXCEPTIONS_BY_LOWER, SPDX_LICENSES, SPDX_LICENSES_BY_LOWER } from './spdx';

export type Resolution =
  /** One SPDX id (possibly deprecated). `exact` when written exactly as the canonical id. */
  | { readonly kind: 'spdx'; readonly id: string; readonly exact: boolean; readonly plus: boolean }
  /** A family or otherwise ambiguous name; the user must pick one of the candidates. */
  | { readonly kind: 'family'; readonly candidates: readonly string[]; readonly plus: boolean }
  /** A license recognised by name with use restrictions (`entry.kind` is `use-restricted`). */
  | { readonly kind: 'restricted'; readonly entry: NamedLicense }
  /**
   * A license recognised by name that is not open for another reason: non-commercial, no redistribution, or permissive
   * but unreviewed.
   */
  | { readonly kind: 'not-open'; readonly entry: NamedLicense }
  /** `LicenseRef-…` / `DocumentRef-…:LicenseRef-…`; `canonical` fixes the prefix casing. */
  | { readonly kind: 'custom'; readonly canonical: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

const CUSTOM_RE = /^(?:(documentref-)([A-Za-z0-9.-]+):)?(licenseref-)([A-Za-z0-9.-]+)$/i;
const ADDITION_RE = /^(?:(documentref-)([A-Za-z0-9.-]+):)?(additionref-)([A-Za-z0-9.-]+)$/i;

function knownId(id: string): boolean {
  return SPDX_LICENSES.has(id) || OPEN_LICENSES_BY_ID.has(id);
}

function exactOrCase(text: string): { id: string; exact: boolean } | undefined {
  if (knownId(text)) return { id: text, exact: true };
  const lower = text.toLowerCase();
  const id = SPDX_LICENSES_BY_LOWER.get(lower) ?? OPEN_LICENSES_BY_LOWER.get(lower);
  return id ? { id, exact: false } : undefined;
}

function canonicalCustom(text: string, re: RegExp, prefix: string): string | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  return (m[1] ? `DocumentRef-${m[2]}:` : '') + prefix + m[4];
}

/** Resolves a written license id or name. A trailing `+` ("or later") is understood. */
export function resolveLicense(raw: string): Resolution {
  const text = raw.trim();
  if (text.length === 0) return { kind: 'unknown' };
  const direct = exactOrCase(text);
  if (direct) return { kind: 'spdx', ...direct, plus: false };

  const plus = text.length > 1 && text.endsWith('+');
  const base = plus ? text.slice(0, -1).trimEnd() : text;
  if (plus) {
    const b = exactOrCase(base);
    if (b) return { kind: 'spdx', id: b.id, exact: b.exact && base.length === text.length - 1, plus: true };
  }

  const named = lookupNamed(text) ?? (plus ? lookupNamed(base) : undefined);
  if (named)
    return named.kind === 'use-restricted' ? { kind: 'restricted', entry: named } : { kind: 'not-open', entry: named };

  const custom = canonicalCustom(text, CUSTOM_RE, 'LicenseRef-');
  // `LicenseRef-OpenMDW-1.1`: how a license the SPDX list does not have yet is written, as its own publisher advises.
  const curated =
    custom && !custom.startsWith('DocumentRef-')
      ? OPEN_LICENSES_BY_LOWER.get(custom.slice('LicenseRef-'.length).toLowerCase())
      : undefined;
  if (curated && !SPDX_LICENSES.has(curated)) return { kind: 'spdx', id: curated, exact: true, plus: false };
  if (custom) return { kind: 'custom', canonical: custom };

  for (const [candidate, withPlus] of plus
    ? ([
        [text, false],
        [base, true],
      ] as const)
    : ([[text, false]] as const)) {
    const key = compactKey(candidate);
    if (key.length === 0) continue;
    const alias = ALIASES.get(key);
    if (alias?.kind === 'single') return { kind: 'spdx', id: alias.id, exact: false, plus: withPlus };
    if (alias?.kind === 'family') return { kind: 'family', candidates: alias.candidates, plus: withPlus };
    const ids = SPDX_BY_KEY.get(key);
    if (ids && ids.length === 1) return { kind: 'spdx', id: ids[0], exact: false, plus: withPlus };
    if (ids && ids.length > 1) return { kind: 'family', candidates: ids, plus: withPlus };
  }

  if (NO_LICENSE_KEYS.has(compactKey(text))) return { kind: 'none' };
  return { kind: 'unknown' };
}

export type ExceptionResolution =
  | { readonly kind: 'spdx'; readonly id: string; readonly exact: boolean; readonly deprecated: boolean }
  | { readonly kind: 'custom'; readonly canonical: string }
  | { readonly kind: 'unknown' };

function buildExceptionKeys(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const e of SPDX_EXCEPTIONS.values()) {
    const key = compactKey(e.id);
    if (key.length > 0 && !map.has(key)) map.set(key, e.id);
  }
  return map;
}

const EXCEPTIONS_BY_KEY: ReadonlyMap<string, string> = lazyMap(buildExceptionKeys);

/** Resolves the id written after `WITH`. */
export function resolveException(raw: string): ExceptionResolution {
  const text = raw.trim();
  const exact = SPDX_EXCEPTIONS.get(text);
  if (exact) return { kind: 'spdx', id: exact.id, exact: true, deprecated: exact.deprecated };
  const id = SPDX_EXCEPTIONS_BY_LOWER.get(text.toLowerCase()) ?? EXCEPTIONS_BY_KEY.get(compactKey(text));
  if (id) return { kind: 'spdx', id, exact: false, deprecated: SPDX_EXCEPTIONS.get(id)?.deprecated ?? false };
  const custom = canonicalCustom(text, ADDITION_RE, 'AdditionRef-');
  if (custom) return { kind: 'custom', canonical: custom };
  return { kind: 'unknown' };
}

/** Replacements for a deprecated SPDX id (may be empty). */
export function deprecatedReplacements(id: string): readonly string[] {
  return DEPRECATED_REPLACEMENTS.get(id) ?? [];
}
