/**
 * A license text reduced to what identifies it, after the SPDX matching guidelines
 * (https://spdx.github.io/spdx-spec/v2.3/license-matching-guidelines-and-templates/): case,
 * white space, punctuation, quotes and dashes, bullets and numbering, copyright lines, the
 * Apache appendix's placeholders, varietal spellings and Markdown markup do not count. What is
 * left is the words, in order; identification compares their sets.
 */

/** Spellings the guidelines treat as the same word (British and American, old and new). */
const VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/\blicen[cs]/g, 'licens'],
  [/\backnowledg(e?)ment/g, 'acknowledgment'],
  [/\bauthori[sz]/g, 'authoriz'],
  [/\bcopyright[- ]holders?\b/g, 'copyright holder'],
  [/\bnon[- ]?commercial/g, 'noncommercial'],
  [/\bsub[- ]?licens/g, 'sublicens'],
  [/\bwhile\b|\bwhilst\b/g, 'while'],
  [/\bper ?cent\b/g, 'percent'],
];

/**
 * Lines that only say who holds the copyright (they differ in every copy of a license):
 * `Copyright (c) 2020 …`, `Copyright 2019 …`, `Copyright [yyyy] …`, `(c) 2020 …`, `© …`. A line of
 * the license itself that starts with the word (ISC's "copyright notice and this permission
 * notice appear in all copies"), or a list item `(c)`, is kept.
 */
const COPYRIGHT_LINE =
  /^[ \t>*#-]*(?:copyright[ \t]*(?:\(c\)|©|[0-9[<{]|by\b)|\(c\)[ \t]*(?:[0-9]|copyright\b)|©|all rights reserved\b).*$/gim;

/** Where a license's terms end: what follows (how to apply them, an appendix, notices) differs from copy to copy. */
const END_OF_TERMS = /^[ \t#*]*end of terms and conditions\b/im;

/**
 * The words of a text; `whole`: also those after its first "END OF TERMS AND CONDITIONS" (what else the file holds).
 */
export function licenseWords(text: string, whole = false): string[] {
  let t = text.replace(/^\uFEFF/, '');
  const end = whole ? null : END_OF_TERMS.exec(t);
  if (end) t = t.slice(0, end.index);
  // Markdown: fences, headings, emphasis, links and images (their text stays), HTML tags.
  t = t
    .replace(/```[^\n]*$/gm, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]{1,200}>/g, ' ');
  t = t.replace(COPYRIGHT_LINE, ' ');
  t = t.toLowerCase();
  // The Apache appendix's placeholders, and other bracketed fill-ins.
  t = t.replace(
    /[[{<](?:yyyy|year|name of copyright owner|fullname|copyright holders?|owner|organization)[\]}>]/g,
    ' ',
  );
  t = t.replace(/https?:\/\//g, ' ');
  // Bullets and numbering at the start of a line: `1.`, `(a)`, `ii)`, `-`, `*`, `•`.
  t = t.replace(/^[ \t]*(?:\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,5})[.)]|[-*•·+])[ \t]+/gm, ' ');
  for (const [from, to] of VARIANTS) t = t.replace(from, to);
  return t.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** The distinct words of a text. */
export function licenseWordSet(text: string): Set<string> {
  return new Set(licenseWords(text));
}
