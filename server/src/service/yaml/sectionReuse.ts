/**
 * Section reuse (sections.ts): a version parsed one top-level entry at a time, reusing the
 * previous version's unchanged entries, and a whole parse cut into the entries the next
 * version reuses.
 */
import { Document, isMap, Node, YAMLMap } from 'yaml';
import { parseBounded } from './bounded';
import { combineSections, moveSection, splitSections, YamlSection } from './sections';

/**
 * The document parsed one top-level entry at a time (sections.ts), reusing the previous
 * version's sections whose text is unchanged (matched from the start and from the end);
 * undefined when it cannot be split or its sections do not combine (errors, aliases).
 */
export function parseBySections(
  text: string,
  previous: readonly YamlSection[],
  budget: { left: number },
): { yaml: Document.Parsed; sections: YamlSection[] } | undefined {
  const ranges = splitSections(text);
  if (!ranges) return undefined;
  const old = previous;
  const same = (i: number, j: number) =>
    j >= 0 &&
    j < old.length &&
    old[j].text.length === ranges[i][1] - ranges[i][0] &&
    text.startsWith(old[j].text, ranges[i][0]);
  let head = 0;
  while (head < ranges.length && same(head, head)) head++;
  let tail = 0;
  while (
    tail < ranges.length - head &&
    tail < old.length - head &&
    same(ranges.length - 1 - tail, old.length - 1 - tail)
  )
    tail++;
  const sections: YamlSection[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const [start, end] = ranges[i];
    const from = i < head ? i : i >= ranges.length - tail ? old.length - (ranges.length - i) : -1;
    const reused = from >= 0 ? old[from] : undefined;
    if (reused) {
      // The document start the lexer reads first is counted in the first section only (a whole
      // parse reads it once; a later section parsed alone skips its own): a section reused at
      // the top or moved off it gains or loses that token.
      const tokens = reused.tokens + (i === 0 ? 1 : 0) - (from === 0 ? 1 : 0);
      // Over the budget, the section is parsed again below: it stops at the very token a whole parse stops at.
      if (tokens <= budget.left) {
        budget.left -= tokens;
        moveSection(reused, start - reused.start);
        sections.push(tokens === reused.tokens ? reused : { ...reused, tokens });
        continue;
      }
    }
    const sectionText = text.slice(start, end);
    const before = budget.left;
    const { doc, anchors } = parseBounded(sectionText, budget, start, i === 0);
    // An error may mean the split was wrong (a quote or a bracket left open across it), and the
    // whole parse recovers differently; an alias may refer to another section: parse whole. (A guard that stops a later
    // section stops
    // the whole parse at the same token: up to it, the sections were clean, so lexed alike.)
    if (anchors || doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
    sections.push({ text: sectionText, start, doc, tokens: before - budget.left, anchors });
  }
  const yaml = combineSections(sections, text);
  return yaml ? { yaml, sections } : undefined;
}

/**
 * The sections of a clean whole parse (a block mapping, no error, warning, anchor or alias):
 * its top-level entries grouped by the ranges they start in, so that the next version reuses
 * them as if they had been parsed one by one. Undefined when the parse does not qualify.
 */
export function sectionsOf(
  doc: Document.Parsed,
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  tokens: readonly number[],
): YamlSection[] | undefined {
  const map = doc.contents;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(map) || map.flow || !map.range) return undefined;
  const groups: Array<YAMLMap['items']> = ranges.map(() => []);
  let range = 0;
  for (const pair of map.items) {
    const at = (pair.key as Node | null)?.range?.[0];
    if (at === undefined) return undefined;
    while (range + 1 < ranges.length && at >= ranges[range + 1][0]) range++;
    groups[range].push(pair);
  }
  if (groups.some((g) => g.length === 0)) return undefined;
  return ranges.map(([start, end], i) => {
    const part = new YAMLMap(doc.schema);
    part.items = groups[i];
    const first = (groups[i][0].key as Node).range![0];
    // Where this entry's mapping ends: the next one's start, or the whole mapping's end for the last.
    part.range =
      i + 1 < ranges.length ? [i === 0 ? map.range![0] : first, end, end] : [first, map.range![1], map.range![2]];
    const section = {
      contents: part,
      errors: [],
      warnings: [],
      schema: doc.schema,
      range: [start, end, end],
    } as unknown as Document.Parsed;
    return { text: text.slice(start, end), start, doc: section, tokens: tokens[i], anchors: false };
  });
}
