/**
 * What a Hugging Face card's front matter states, read once per parse: the license keys, the
 * datasets and base models, as values with their nodes (for ranges). Shared by the model and
 * dataset card formats.
 */
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import type { ParsedYamlDocument } from '../yaml/parse';
import { findPair } from '../yaml/nodes';

export interface StatedValue {
  /** The text, when the value is a non-empty string. */
  text: string | undefined;
  node: Node | null;
  key: Node;
}

export interface CardFacts {
  map: YAMLMap | undefined;
  license: StatedValue | undefined;
  /** `license` written as a list (against the Hub's rules): its string items. */
  licenseList: StatedValue[];
  licenseName: StatedValue | undefined;
  licenseLink: StatedValue | undefined;
  /** `datasets` items that are non-empty strings (others are the Hub rules' business). */
  datasets: Array<{ id: string; node: Node }>;
  baseModels: Array<{ id: string; node: Node }>;
  /** Where the front matter's first line is (`---`): findings about the whole card go there. */
  firstLine: [number, number];
}

const cache = new WeakMap<object, CardFacts>();

export function readCard(parsed: ParsedYamlDocument): CardFacts {
  const key = parsed.yaml ?? parsed;
  let facts = cache.get(key);
  if (!facts) cache.set(key, (facts = build(parsed)));
  return facts;
}

function stated(map: YAMLMap | undefined, key: string): StatedValue | undefined {
  const pair = map ? findPair(map, key) : undefined;
  if (!pair) return undefined;
  const node = (pair.value as Node | null) ?? null;
  const text =
    isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '' ? node.value.trim() : undefined;
  return { text, node, key: pair.key as Node };
}

function ids(map: YAMLMap | undefined, key: string): Array<{ id: string; node: Node }> {
  const pair: Pair<Node, Node | null> | undefined = map ? findPair(map, key) : undefined;
  const value = pair?.value;
  const items = isSeq(value) ? (value.items as Array<Node | null>) : value ? [value] : [];
  return items.flatMap((item) =>
    isScalar(item) && typeof item.value === 'string' && item.value.trim() !== ''
      ? [{ id: item.value.trim(), node: item }]
      : [],
  );
}

function build(parsed: ParsedYamlDocument): CardFacts {
  const root = parsed.yaml?.contents as Node | null | undefined;
  const map = isMap(root) ? root : undefined;
  const lineEnd = parsed.text.search(/\r?\n/);
  const licensePair = map ? findPair(map, 'license') : undefined;
  const licenseList = isSeq(licensePair?.value)
    ? (licensePair.value.items as Array<Node | null>).flatMap((item) =>
        isScalar(item) && typeof item.value === 'string' && item.value.trim() !== ''
          ? [{ text: item.value.trim(), node: item, key: licensePair.key as Node }]
          : [],
      )
    : [];
  return {
    map,
    licenseList,
    license: stated(map, 'license'),
    licenseName: stated(map, 'license_name'),
    licenseLink: stated(map, 'license_link'),
    datasets: ids(map, 'datasets'),
    baseModels: ids(map, 'base_model'),
    firstLine: [0, lineEnd < 0 ? parsed.text.length : lineEnd],
  };
}

/** The Hub page of a model or dataset id. */
export function hubUrl(kind: 'model' | 'dataset', id: string): string {
  return `https://huggingface.co/${kind === 'dataset' ? 'datasets/' : ''}${id}`;
}
