/**
 * Normalisation of free-text license names into comparison keys.
 *
 * `compactKey` lower-cases, unifies "licence"/"license", drops filler words
 * ("license", "agreement", "the", "version", a `v` before a version number),
 * strips trailing `.0` from version numbers and removes every separator, so
 * "Apache License, Version 2.0", "apache-2.0" and "Apache 2" all become `apache2`.
 * `+` is kept because it changes the meaning (`GPL-2.0+`).
 */

const FILLER_WORDS: ReadonlySet<string> = new Set(['license', 'licenses', 'agreement', 'the', 'version', 'ver', 'v']);

export function compactKey(text: string): string {
  const lowered = text
    .toLowerCase()
    .replace(/licence/g, 'license')
    // "gplv3", "lgplv2.1" → "gpl 3", "lgpl 2.1"
    // (a fixed-length lookbehind: `([a-z]{2,})v` backtracks quadratically on long words)
    .replace(/(?<=[a-z]{2})v(?=\d)/g, ' ');
  const words = lowered.split(/[^a-z0-9.+]+/).filter((w) => w.length > 0);
  const kept: string[] = [];
  for (let word of words) {
    word = word.replace(/^\.+|\.+$/g, '');
    if (/^v\d/.test(word)) word = word.slice(1);
    if (word.length === 0 || FILLER_WORDS.has(word)) continue;
    // "2.0" → "2", "1.0.0" → "1", "2.1" stays; "3.0+" → "3+"
    word = word.replace(/(\d)(?:\.0)+(?=\+?$)/, '$1');
    kept.push(word);
  }
  return kept.join('');
}
