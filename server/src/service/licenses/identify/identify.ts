/**
 * Which license a license file holds: its word set against the SPDX license texts (the
 * generated index) and the AI licenses' own passages (aiTexts.ts).
 *
 * - A text whose words match one license's closely (Dice coefficient over word sets, as
 *   GitHub's licensee scores) is that license, with the score as its confidence.
 * - Otherwise, the licenses whose whole text is in it (nearly all of their words are): a file
 *   holding two licenses (MIT and Apache-2.0), or one with third-party notices appended. A
 *   license found this way whose words all belong to a longer one found too is part of it.
 * - Otherwise it is unrecognised, with the closest licenses — never a guess.
 *
 * Texts that SPDX lists under several ids (GPL-2.0-only and -or-later have one text) are one
 * match with all of them: the text cannot tell them apart, so it contradicts none.
 */
import { decodeIndices } from './encoding';
import { SPDX_TEXT_INDEX } from './generated/spdxTexts';
import { licenseWords } from './normalize';
import { AI_LICENSE_TEXTS } from './aiTexts';
import { readNotice } from './notices';
import { deprecatedReplacements } from '../resolve';

/**
 * A match at or above this is the license (the SPDX texts against real copies: copyright lines, titles and appendices
 * differ).
 */
export const MATCH_THRESHOLD = 0.9;
/** A license whose words are this much in a longer text is contained in it. */
const CONTAINED = 0.97;

export interface LicenseMatch {
  /** The ids the text stands for (one text may be several SPDX ids, or an AI license's id). */
  ids: readonly string[];
  /** 0–1: the Dice score, or for a contained license the share of its words found. */
  confidence: number;
}

export type Identification =
  | { kind: 'match'; match: LicenseMatch }
  /** Several licenses in one file, or one with other text around it. */
  | { kind: 'contains'; matches: LicenseMatch[]; otherText: boolean }
  /** No license text, but a notice naming the license (`join`: all apply, or a choice). */
  | { kind: 'notice'; ids: string[]; join: 'and' | 'or' }
  | { kind: 'unrecognised'; closest: LicenseMatch[] };

interface IndexedText {
  ids: readonly string[];
  length: number;
  words: Uint16Array;
}

let index: { vocabulary: Map<string, number>; texts: IndexedText[] } | undefined;

/** The index as it is being decoded (`prepareLicenseIndex`), before `index` is complete. */
let partial:
  { vocabulary: Map<string, number>; raw: Array<[string, number, string]>; texts: IndexedText[] } | undefined;

/** Texts decoded per step of `prepareLicenseIndex`: a step takes a few milliseconds. */
const DECODE_CHUNK = 120;

/**
 * Decodes the next part of the index; true once it is complete. A host that must stay
 * responsive (the language server) calls it between pauses before the first identification,
 * rather than decoding it all at once in `identifyLicenseText`.
 */
export function prepareLicenseIndex(): boolean {
  if (index) return true;
  if (!partial) {
    const data = JSON.parse(SPDX_TEXT_INDEX) as { vocabulary: string; texts: Array<[string, number, string]> };
    partial = {
      vocabulary: new Map(data.vocabulary.split(' ').map((w, i) => [w, i] as const)),
      raw: data.texts,
      texts: [],
    };
    return false;
  }
  const { raw, texts } = partial;
  for (const [ids, length, words] of raw.slice(texts.length, texts.length + DECODE_CHUNK))
    texts.push({ ids: ids.split(' '), length, words: decodeIndices(words) });
  if (texts.length < raw.length) return false;
  index = { vocabulary: partial.vocabulary, texts };
  partial = undefined;
  return true;
}

/** The index, parsed and decoded on first use (no start pays for it). */
function loaded() {
  while (!prepareLicenseIndex()) {
    /* decoded at once: the caller did not prepare it */
  }
  return index!;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Which vocabulary words a text has (and how many distinct words it has in all). */
function presence(words: readonly string[], vocabulary: Map<string, number>): { present: Uint8Array; size: number } {
  const present = new Uint8Array(vocabulary.size);
  const seen = new Set<string>();
  for (const w of words) {
    if (seen.has(w)) continue;
    seen.add(w);
    const i = vocabulary.get(w);
    if (i !== undefined) present[i] = 1;
  }
  return { present, size: seen.size };
}

function share(words: Uint16Array, of: Uint8Array | Set<number>): number {
  let n = 0;
  if (of instanceof Uint8Array) for (let k = 0; k < words.length; k++) n += of[words[k]];
  else for (let k = 0; k < words.length; k++) if (of.has(words[k])) n++;
  return n / words.length;
}

/** Shorter texts than this are not looked for inside others: their words are in too many texts. */
const MIN_CONTAINED_WORDS = 40;
/** A second license in a file brings this share of its words that the licenses found before it do not have. */
const OWN_WORDS = 0.1;
/** A license this long (GPL, Apache, MPL, Creative Commons) after another's terms is a second license, not a notice. */
const LONG_LICENSE_WORDS = 300;
/** What each of a candidate's words missing from the file costs it against the words it explains. */
const MISSING_COST = 3;

/** The share of a text's words present in the file and not among `covered`. */
function ownWords(words: Uint16Array, present: Uint8Array, covered: Set<number>): number {
  let n = 0;
  for (let k = 0; k < words.length; k++) if (present[words[k]] && !covered.has(words[k])) n++;
  return n / words.length;
}

/** A deprecated SPDX id (`GPL-2.0+`): its text is a variant of a current one, never a license of its own in a file. */
function isDeprecated(id: string): boolean {
  return deprecatedReplacements(id).length > 0;
}

export function identifyLicenseText(text: string): Identification {
  const whole = licenseWords(text, true);
  const ai = AI_LICENSE_TEXTS.find((entry) => entry.matches(whole));
  if (ai) return { kind: 'match', match: { ids: [ai.id], confidence: 1 } };
  const { vocabulary, texts } = loaded();
  // The license at the top: its terms, up to their end (what follows is how to apply them, or other texts).
  const terms = presence(licenseWords(text), vocabulary);
  if (terms.size === 0) return { kind: 'unrecognised', closest: [] };
  const all = presence(whole, vocabulary);
  const scored = texts.map((t) => {
    const overlap = share(t.words, terms.present) * t.words.length;
    return { t, dice: (2 * overlap) / (terms.size + t.words.length), contained: share(t.words, all.present) };
  });
  scored.sort((a, b) => b.dice - a.dice);
  const best = scored[0];
  const primary = best.dice >= MATCH_THRESHOLD ? best : undefined;
  // Other whole licenses in the file (a second license, texts appended): each must bring words
  // of its own — one whose words the licenses already found hold is part of them (MIT's words in a longer permissive
  // text).
  const covered = new Set<number>(primary ? primary.t.words : []);
  const kept: typeof scored = [];
  let candidates = scored.filter(
    (s) =>
      s !== primary &&
      s.contained >= CONTAINED &&
      s.t.words.length >= MIN_CONTAINED_WORDS &&
      !s.t.ids.every(isDeprecated) &&
      // After the terms of the license at the top, only another whole long license counts: short texts there are
      // bundled software's notices.
      (!primary || s.t.words.length >= LONG_LICENSE_WORDS || share(s.t.words, terms.present) >= CONTAINED),
  );
  // Greedily, the license that explains most of what is not explained yet, less what it lacks
  // (BSD-3-Clause before BSD-2-Clause, whose words it holds; MIT before a variant missing more of the file's words).
  while (candidates.length > 0) {
    const worth = (s: (typeof scored)[number]) =>
      ownWords(s.t.words, all.present, covered) * s.t.words.length -
      MISSING_COST * (1 - s.contained) * s.t.words.length;
    candidates = candidates.filter(
      (s) => share(s.t.words, covered) < CONTAINED && ownWords(s.t.words, all.present, covered) >= OWN_WORDS,
    );
    if (candidates.length === 0) break;
    const next = candidates.reduce((a, b) =>
      worth(b) > worth(a) || (worth(b) === worth(a) && b.t.words.length > a.t.words.length) ? b : a,
    );
    kept.push(next);
    for (const w of next.t.words) covered.add(w);
    candidates = candidates.filter((s) => s !== next);
  }
  if (primary && kept.length === 0)
    return { kind: 'match', match: { ids: primary.t.ids, confidence: round(primary.dice) } };
  if (primary || kept.length > 0) {
    const found = [...(primary ? [primary] : []), ...kept];
    const words = new Set<number>();
    for (const f of found) for (const w of f.t.words) words.add(w);
    const otherText = (all.size - words.size) / all.size > 0.1;
    return {
      kind: 'contains',
      matches: found.map((f) => ({ ids: f.t.ids, confidence: round(f === primary ? f.dice : f.contained) })),
      otherText,
    };
  }
  const notice = readNotice(whole);
  if (notice) return { kind: 'notice', ...notice };
  return {
    kind: 'unrecognised',
    closest: scored.slice(0, 3).map((s) => ({ ids: s.t.ids, confidence: round(s.dice) })),
  };
}

let classes: Map<string, readonly string[]> | undefined;

/** The other ids SPDX lists with the same text as `id` (GPL-3.0-only: GPL-3.0-or-later, GPL-3.0, GPL-3.0+). */
export function sameTextIds(id: string): readonly string[] {
  if (!classes) {
    classes = new Map();
    for (const { ids: all } of loaded().texts) {
      if (all.length > 1)
        for (const one of all)
          classes.set(
            one,
            all.filter((other) => other !== one),
          );
    }
  }
  return classes.get(id) ?? [];
}
