/**
 * Normalisation of messy license identifiers to SPDX ids.
 *
 * - ALIASES: free text and Hugging Face ids that name exactly one SPDX id.
 * - FAMILIES: ids without a version ("bsd", "gpl", "cc", …) with candidate SPDX ids.
 * - DEPRECATED_REPLACEMENTS: deprecated SPDX ids and what to write instead.
 * - NO_LICENSE_VALUES: placeholders such as `unknown` or `other` that name no license.
 * Lookups use `compactKey`, so case, spacing, punctuation and filler words do not matter.
 */
import { lazyMap } from './lazy';
import deprecatedIds = require('spdx-license-ids/deprecated.json'); // CommonJS import: see spdx.ts
import { compactKey } from './normalize';
import { SPDX_LICENSES } from './spdx';
import { OPEN_LICENSES_BY_ID } from './openList';

/**
 * Spelling → SPDX id. Only spellings that the automatic SPDX id/name matching does not already cover need to be here.
 */
const ALIAS_SOURCE: readonly (readonly [string, string])[] = [
  ['Apache 2.0', 'Apache-2.0'],
  ['Apache License 2.0', 'Apache-2.0'],
  ['Apache License, Version 2.0', 'Apache-2.0'],
  ['Apache Software License 2.0', 'Apache-2.0'],
  ['ASL 2.0', 'Apache-2.0'],
  ['Apache2', 'Apache-2.0'],
  ['MIT License', 'MIT'],
  ['The MIT License', 'MIT'],
  ['Expat', 'MIT'],
  ['BSD-3', 'BSD-3-Clause'],
  ['BSD 3-Clause', 'BSD-3-Clause'],
  ['3-Clause BSD', 'BSD-3-Clause'],
  ['New BSD', 'BSD-3-Clause'],
  ['BSD New', 'BSD-3-Clause'],
  ['Modified BSD', 'BSD-3-Clause'],
  ['Revised BSD', 'BSD-3-Clause'],
  ['BSD-2', 'BSD-2-Clause'],
  ['BSD 2-Clause', 'BSD-2-Clause'],
  ['2-Clause BSD', 'BSD-2-Clause'],
  ['Simplified BSD', 'BSD-2-Clause'],
  ['FreeBSD License', 'BSD-2-Clause'],
  ['cc0', 'CC0-1.0'],
  ['CC Zero', 'CC0-1.0'],
  ['Creative Commons Zero', 'CC0-1.0'],
  ['Creative Commons Attribution 4.0', 'CC-BY-4.0'],
  ['Creative Commons Attribution 3.0', 'CC-BY-3.0'],
  ['Creative Commons Attribution Share Alike 4.0', 'CC-BY-SA-4.0'],
  ['Creative Commons Attribution-ShareAlike 4.0', 'CC-BY-SA-4.0'],
  ['Creative Commons Attribution Share Alike 3.0', 'CC-BY-SA-3.0'],
  ['Creative Commons Attribution Non Commercial 4.0', 'CC-BY-NC-4.0'],
  ['Creative Commons Attribution-NonCommercial 4.0', 'CC-BY-NC-4.0'],
  ['odc-by', 'ODC-By-1.0'],
  ['ODC Attribution', 'ODC-By-1.0'],
  ['odbl', 'ODbL-1.0'],
  ['Open Database License', 'ODbL-1.0'],
  ['pddl', 'PDDL-1.0'],
  ['cdla-sharing', 'CDLA-Sharing-1.0'],
  ['c-uda', 'C-UDA-1.0'],
  ['o-uda', 'O-UDA-1.0'],
  ['lgpl-lr', 'LGPLLR'],
  ['Boost', 'BSL-1.0'],
  ['Boost Software License', 'BSL-1.0'],
  ['ISC License', 'ISC'],
  ['zlib License', 'Zlib'],
  ['PostgreSQL License', 'PostgreSQL'],
  ['Unlicense', 'Unlicense'],
  ['The Unlicense', 'Unlicense'],
  ['Mozilla Public License 2.0', 'MPL-2.0'],
  ['MPL 2', 'MPL-2.0'],
  ['Eclipse Public License 2.0', 'EPL-2.0'],
  ['WTFPL', 'WTFPL'],
];

/**
 * Family spelling → every SPDX id the name may mean, most likely first. A family is met only
 * when every member passes the test (then its spelling is only a warning): the lists must be
 * complete, or a name like `cc` (whose family has NC and ND members) or `bsd` (BSD-4-Clause is
 * not OSI-approved) would pass.
 */
const BSD = ['BSD-3-Clause', 'BSD-2-Clause', 'BSD-4-Clause', 'BSD-3-Clause-Clear', '0BSD', 'BSD-1-Clause'];
const GPL = [
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-1.0-only',
  'GPL-1.0-or-later',
];
const LGPL = [
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-2.0-only',
  'LGPL-2.0-or-later',
];
const AGPL = ['AGPL-3.0-only', 'AGPL-3.0-or-later', 'AGPL-1.0-only', 'AGPL-1.0-or-later'];
const GFDL = [
  'GFDL-1.3-only',
  'GFDL-1.3-or-later',
  'GFDL-1.3-no-invariants-only',
  'GFDL-1.3-no-invariants-or-later',
  'GFDL-1.2-only',
  'GFDL-1.2-or-later',
  'GFDL-1.1-only',
  'GFDL-1.1-or-later',
];
const CC = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'CC-BY-NC-4.0',
  'CC-BY-ND-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-NC-ND-4.0',
];
const CC_BY = ['CC-BY-4.0', 'CC-BY-3.0', 'CC-BY-2.5', 'CC-BY-2.0', 'CC-BY-1.0'];
const APACHE = ['Apache-2.0', 'Apache-1.1', 'Apache-1.0'];
const MPL = ['MPL-2.0', 'MPL-1.1', 'MPL-1.0'];
const OGL_UK = ['OGL-UK-3.0', 'OGL-UK-2.0', 'OGL-UK-1.0'];
const FAMILY_SOURCE: readonly (readonly [string, readonly string[]])[] = [
  ['bsd', BSD],
  ['BSD License', BSD],
  ['gpl', GPL],
  ['GNU General Public License', GPL],
  ['GNU GPL', GPL],
  ['lgpl', LGPL],
  ['GNU Lesser General Public License', LGPL],
  ['agpl', AGPL],
  ['GNU Affero General Public License', AGPL],
  ['gfdl', GFDL],
  ['GNU Free Documentation License', GFDL],
  ['cc', CC],
  ['Creative Commons', CC],
  ['cc-by', CC_BY],
  ['Creative Commons Attribution', CC_BY],
  ['cc-by-sa', ['CC-BY-SA-4.0', 'CC-BY-SA-3.0', 'CC-BY-SA-2.5', 'CC-BY-SA-2.0', 'CC-BY-SA-1.0']],
  ['cc-by-nc', ['CC-BY-NC-4.0', 'CC-BY-NC-3.0', 'CC-BY-NC-2.5', 'CC-BY-NC-2.0', 'CC-BY-NC-1.0']],
  ['cc-by-nc-sa', ['CC-BY-NC-SA-4.0', 'CC-BY-NC-SA-3.0', 'CC-BY-NC-SA-2.5', 'CC-BY-NC-SA-2.0', 'CC-BY-NC-SA-1.0']],
  ['cc-by-nd', ['CC-BY-ND-4.0', 'CC-BY-ND-3.0', 'CC-BY-ND-2.5', 'CC-BY-ND-2.0', 'CC-BY-ND-1.0']],
  ['cc-by-nc-nd', ['CC-BY-NC-ND-4.0', 'CC-BY-NC-ND-3.0', 'CC-BY-NC-ND-2.5', 'CC-BY-NC-ND-2.0', 'CC-BY-NC-ND-1.0']],
  ['cdla-permissive', ['CDLA-Permissive-2.0', 'CDLA-Permissive-1.0']],
  ['cdla', ['CDLA-Permissive-2.0', 'CDLA-Sharing-1.0', 'CDLA-Permissive-1.0']],
  ['apache', APACHE],
  ['Apache License', APACHE],
  ['mpl', MPL],
  ['Mozilla Public License', MPL],
  ['epl', ['EPL-2.0', 'EPL-1.0']],
  ['eupl', ['EUPL-1.2', 'EUPL-1.1', 'EUPL-1.0']],
  ['Artistic', ['Artistic-2.0', 'Artistic-1.0']],
  ['ogl', OGL_UK],
  ['Open Government Licence', OGL_UK],
  ['openmdw', ['OpenMDW-1.1', 'OpenMDW-1.0']],
];

/**
 * Deprecated SPDX id → replacements (ids or expressions), best first.
 * Ids missing here that have `-only` / `-or-later` successors get those automatically.
 */
const DEPRECATED_SOURCE: ReadonlyMap<string, readonly string[]> = new Map([
  ['BSD-2-Clause-FreeBSD', ['BSD-2-Clause-Views']],
  ['BSD-2-Clause-NetBSD', ['BSD-2-Clause']],
  ['GPL-2.0-with-GCC-exception', ['GPL-2.0-only WITH GCC-exception-2.0', 'GPL-2.0-or-later WITH GCC-exception-2.0']],
  [
    'GPL-2.0-with-autoconf-exception',
    ['GPL-2.0-only WITH Autoconf-exception-2.0', 'GPL-2.0-or-later WITH Autoconf-exception-2.0'],
  ],
  [
    'GPL-2.0-with-bison-exception',
    ['GPL-2.0-only WITH Bison-exception-2.2', 'GPL-2.0-or-later WITH Bison-exception-2.2'],
  ],
  [
    'GPL-2.0-with-classpath-exception',
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0'],
  ],
  ['GPL-2.0-with-font-exception', ['GPL-2.0-only WITH Font-exception-2.0', 'GPL-2.0-or-later WITH Font-exception-2.0']],
  ['GPL-3.0-with-GCC-exception', ['GPL-3.0-only WITH GCC-exception-3.1', 'GPL-3.0-or-later WITH GCC-exception-3.1']],
  [
    'GPL-3.0-with-autoconf-exception',
    ['GPL-3.0-only WITH Autoconf-exception-3.0', 'GPL-3.0-or-later WITH Autoconf-exception-3.0'],
  ],
  ['Net-SNMP', []],
  ['Nunit', ['zlib-acknowledgement']],
  ['StandardML-NJ', ['SMLNJ']],
  ['bzip2-1.0.5', ['bzip2-1.0.6']],
  ['eCos-2.0', ['GPL-2.0-or-later WITH eCos-exception-2.0']],
  ['wxWindows', ['LGPL-2.0-or-later WITH WxWindows-exception-3.1']],
]);

function buildDeprecated(): ReadonlyMap<string, readonly string[]> {
  const ids = new Set<string>(deprecatedIds);
  for (const l of SPDX_LICENSES.values()) if (l.deprecated) ids.add(l.id);
  const map = new Map<string, readonly string[]>();
  for (const id of ids) {
    const listed = DEPRECATED_SOURCE.get(id);
    if (listed) {
      map.set(id, Object.freeze([...listed]));
    } else if (id.endsWith('+')) {
      const base = id.slice(0, -1);
      map.set(id, SPDX_LICENSES.has(`${base}-or-later`) ? [`${base}-or-later`] : []);
    } else if (SPDX_LICENSES.has(`${id}-only`)) {
      map.set(id, Object.freeze([`${id}-only`, `${id}-or-later`].filter((r) => SPDX_LICENSES.has(r))));
    } else {
      map.set(id, []);
    }
  }
  return map;
}

/** Deprecated SPDX id (exact) → replacements, best first (may be empty). */
export const DEPRECATED_REPLACEMENTS: ReadonlyMap<string, readonly string[]> = buildDeprecated();

/** Values that do not name any license. */
const NO_LICENSE_SOURCE: readonly string[] = [
  'unknown',
  'other',
  'none',
  'NOASSERTION',
  'proprietary',
  'unlicensed',
  'all rights reserved',
  'custom',
  'see license',
  'see LICENSE file',
  'n/a',
  'na',
  'tbd',
  'todo',
  'null',
];

export type AliasTarget =
  | { readonly kind: 'single'; readonly id: string }
  | { readonly kind: 'family'; readonly candidates: readonly string[] };

function sameTarget(a: AliasTarget, b: AliasTarget): boolean {
  if (a.kind === 'single' && b.kind === 'single') return a.id === b.id;
  if (a.kind === 'family' && b.kind === 'family') return a.candidates.join(' ') === b.candidates.join(' ');
  return false;
}

function buildAliases(): ReadonlyMap<string, AliasTarget> {
  const map = new Map<string, AliasTarget>();
  const put = (spelling: string, target: AliasTarget): void => {
    const key = compactKey(spelling);
    if (key.length === 0) throw new Error(`alias with empty key: ${spelling}`);
    const existing = map.get(key);
    if (existing && !sameTarget(existing, target)) throw new Error(`conflicting alias: ${spelling}`);
    map.set(key, target);
  };
  for (const [spelling, id] of ALIAS_SOURCE) {
    if (!SPDX_LICENSES.has(id)) throw new Error(`alias to unknown id: ${id}`);
    put(spelling, { kind: 'single', id });
  }
  for (const [spelling, candidates] of FAMILY_SOURCE) {
    for (const c of candidates)
      if (!SPDX_LICENSES.has(c) && !OPEN_LICENSES_BY_ID.has(c)) throw new Error(`family candidate unknown: ${c}`);
    put(spelling, { kind: 'family', candidates: Object.freeze([...candidates]) });
  }
  return map;
}

/** Compact key → alias target. */
export const ALIASES: ReadonlyMap<string, AliasTarget> = lazyMap(buildAliases);

/** Compact keys of the values that name no license. */
export const NO_LICENSE_KEYS: ReadonlySet<string> = new Set(NO_LICENSE_SOURCE.map(compactKey));

function buildSpdxKeyIndex(): ReadonlyMap<string, readonly string[]> {
  // Compact key of every SPDX id and full name → ids; non-deprecated ids win over deprecated ones.
  const raw = new Map<string, Set<string>>();
  const add = (key: string, id: string): void => {
    if (key.length === 0) return;
    let set = raw.get(key);
    if (!set) raw.set(key, (set = new Set()));
    set.add(id);
  };
  for (const l of SPDX_LICENSES.values()) {
    add(compactKey(l.id), l.id);
    add(compactKey(l.name), l.id);
  }
  const map = new Map<string, readonly string[]>();
  for (const [key, set] of raw) {
    const ids = [...set];
    const current = ids.filter((id) => !SPDX_LICENSES.get(id)?.deprecated);
    map.set(key, Object.freeze(current.length > 0 ? current : ids));
  }
  return map;
}

/** Compact key of SPDX ids and names → ids (usually one). */
export const SPDX_BY_KEY: ReadonlyMap<string, readonly string[]> = lazyMap(buildSpdxKeyIndex);
