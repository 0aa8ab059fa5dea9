/**
 * License notices: a file that names its license instead of holding its text — the GNU
 * licenses' own notice ("under the terms of the GNU General Public License … either version 2
 * of the License, or (at your option) any later version"), or a short pointer ("dual-licensed
 * under the Unlicense and MIT licenses"). Read from the words `licenseWords` leaves.
 */

/** A GNU license named with its version, and whether later versions are allowed. */
const GNU =
  / (?:gnu )?(affero |lesser |library )?(?:general public licens(?:e )?|(a|l)?gpl(?:v?(\d))? (?:licens(?:e )?)?)(?:as published by the free software foundation )?(?:either )?(?:version |v)([1-3])(?: ([01]))?(?: of the licens(?:e)?)?( or at your option any later version| or later| or any later version| only)?/;

/** Short names a pointer uses, and the SPDX id each stands for. */
const NAMES: ReadonlyArray<[RegExp, string]> = [
  [/ unlicens(?:e)? /, 'Unlicense'],
  [/ mit /, 'MIT'],
  [/ apache (?:licens(?:e )?)?(?:version )?2(?: 0)? /, 'Apache-2.0'],
  [/ isc /, 'ISC'],
  [/ bsd 3 clause /, 'BSD-3-Clause'],
  [/ bsd 2 clause /, 'BSD-2-Clause'],
  [/ mpl 2 0 | mozilla public licens(?:e)? (?:version )?2 0 /, 'MPL-2.0'],
  [/ cc0 /, 'CC0-1.0'],
];

/** Longer texts are not a pointer: a name in them may be anything (a list of bundled software). */
const MAX_POINTER_WORDS = 60;

export interface Notice {
  /** The ids named, each an SPDX id; `or` when the notice offers a choice. */
  ids: string[];
  /** Several ids: all apply (`and`) or any one (`or`). */
  join: 'and' | 'or';
}

export function readNotice(words: readonly string[]): Notice | undefined {
  const text = ` ${words.join(' ')} `;
  const gnu = GNU.exec(text);
  if (gnu) {
    const [, qualifier, short, , major, minor, later] = gnu;
    const kind =
      qualifier === 'affero ' || short === 'a'
        ? 'AGPL'
        : qualifier === 'lesser ' || qualifier === 'library ' || short === 'l'
          ? 'LGPL'
          : 'GPL';
    const version = `${major}.${minor ?? (qualifier === 'lesser ' && major === '2' ? '1' : '0')}`;
    const suffix = later && later !== ' only' ? 'or-later' : 'only';
    return { ids: [`${kind}-${version}-${suffix}`], join: 'and' };
  }
  if (words.length > MAX_POINTER_WORDS) return undefined;
  const ids = NAMES.filter(([pattern]) => pattern.test(text)).map(([, id]) => id);
  if (ids.length === 0) return undefined;
  return { ids, join: / either | dual licens| any of | choice /.test(text) ? 'or' : 'and' };
}
