/**
 * "Create osai.yaml from this card": an OSAID manifest pre-filled with what a model card
 * states — the weights' license, the training datasets, a name — with a comment on each
 * pre-filled value saying where it came from, and `TODO` for everything else. Every element
 * of a new manifest is there, in the requirements table's order, so the manifest's own
 * diagnostics are the to-do list. Pure: the client writes the file (the code action only
 * names the command that does).
 */
import { CodeAction } from 'vscode-languageserver-types';
import { isMap, isSeq, Node, parse as parseYamlValue } from 'yaml';
import { CREATE_MANIFEST_FROM_CARD_COMMAND, CREATE_MANIFEST_FROM_CARD_KIND } from '../../../protocol';
import { admits } from '../../edits/actions';
import { CardFacts, hubUrl, readCard } from '../../huggingface/card';
import { statedTerms } from '../../huggingface/weights';
import { spdxOfHubId } from '../../huggingface/hubLicenseMatch';
import { OPEN_LICENSES } from '../../licenses';
import { KnownItem, KnownValue, KnownValues, manifestLines } from '../../osaid/skeleton';
import { frontMatterEnd } from '../../yaml/frontMatter';
import { findPair, scalarText } from '../../yaml/nodes';
import type { CodeActionRequest, ParsedDocument } from '../format';

export const CREATE_MANIFEST_TITLE = 'Create osai.yaml from this card';

/** A whole-file action: in VS Code's "Source Action…" menu, not in the light bulb on every line of prose. */
export const CREATE_MANIFEST_KIND = CREATE_MANIFEST_FROM_CARD_KIND;

export function createManifestActions(parsed: ParsedDocument, request?: Pick<CodeActionRequest, 'only'>): CodeAction[] {
  if (!admits(request?.only, CREATE_MANIFEST_KIND)) return [];
  return [
    {
      title: CREATE_MANIFEST_TITLE,
      kind: CREATE_MANIFEST_KIND,
      command: {
        title: CREATE_MANIFEST_TITLE,
        command: CREATE_MANIFEST_FROM_CARD_COMMAND,
        arguments: [parsed.document.uri],
      },
    },
  ];
}

export interface CardManifest {
  text: string;
  fileName: 'osai.yaml';
}

/** The manifest a model card makes: what the card states, TODO for the rest, in the card's line endings. */
export function manifestFromCard(parsed: ParsedDocument): CardManifest {
  const card = readCard(parsed);
  const header = [
    '# Open Source AI release manifest, checked against the Open Source AI Definition 1.0.',
    `# Made from the model card ` +
      `${comment(fileName(parsed.document.uri) ?? 'README.md')}: a value the ` +
      `card states says so in a comment.`,
    '# Replace every TODO; hover a key to see what OSAID asks for there.',
  ];
  const eol = /\r\n/.test(firstLineBreak(parsed.text)) ? '\r\n' : '\n';
  return { text: [...header, ...manifestLines(prefill(parsed, card))].join(eol) + eol, fileName: 'osai.yaml' };
}

// ---------------------------------------------------------------------------------------------
// What the card states, by manifest path.

/** A value the card states, as YAML, with a comment saying where in the card it came from. */
function stated(value: string, from?: string): KnownValue {
  return from ? { value, comment: `from ${comment(from)}` } : { value };
}

/** A Hub repository id: `owner/name`, or a legacy `name`. */
const HUB_ID = /^(?:[A-Za-z0-9][\w.-]*\/)?[A-Za-z0-9][\w.-]*$/;

/** What the card states, by manifest path: values, the training datasets, and notes before keys. */
function prefill(parsed: ParsedDocument, card: CardFacts): KnownValues {
  const values = new Map<string, KnownValue>();
  const notes = new Map<string, string[]>();
  const lists = new Map<string, KnownItem[]>();
  const repo = repoIdOf(parsed.document.uri);

  const name = nameOf(parsed, card, repo);
  if (name) values.set('system.name', stated(scalar(name.value), name.from));
  const creator = textOf(card, 'model_creator');
  if (creator) values.set('system.producer', stated(scalar(creator), "the card's model_creator"));

  const terms = statedTerms(card);
  if (terms?.text?.toLowerCase() === 'unknown') {
    notes.set('parameters.weights.license', ["# The card's license is `unknown`: write the weights' terms here."]);
  } else if (terms?.text) {
    const other = terms === card.licenseName;
    const id = canonicalLicense(terms.text);
    const from = other
      ? `the card's license_name: ${terms.text} (license: other)`
      : `the card's license: ${terms.text}`;
    values.set('parameters.weights.license', stated(scalar(id), from));
  } else if (card.license?.text?.toLowerCase() === 'other') {
    notes.set('parameters.weights.license', [
      "# The card's license is `other` but names none (license_name): write the weights' terms here.",
    ]);
  }
  if (card.licenseLink?.text) {
    notes.set('parameters.weights.license', [
      ...(notes.get('parameters.weights.license') ?? []),
      `# The card's license_link: ${comment(card.licenseLink.text)}`,
    ]);
  }
  if (repo) {
    values.set('parameters.weights.location', stated(scalar(hubUrl('model', repo)), `the card's repository: ${repo}`));
  }

  if (card.baseModels.length > 0) {
    notes.set('parameters.weights', [
      ...card.baseModels.map(
        (b) =>
          `# from the card's base_model: ${comment(b.id)}${HUB_ID.test(b.id) ? ` (${hubUrl('model', b.id)})` : ''}`,
      ),
      `# A fine-tune inherits its base model's terms: check ` +
        `${card.baseModels.length === 1 ? "that model's license" : "those models' licenses"}` +
        ` too.`,
    ]);
  }

  if (card.datasets.length > 0) {
    lists.set(
      'data_information.training_data',
      card.datasets.map((d) => ({
        name: stated(scalar(d.id), "the card's datasets"),
        kind: stated('public'),
        ...(HUB_ID.test(d.id) ? { location: stated(scalar(hubUrl('dataset', d.id))) } : {}),
      })),
    );
  }
  return { values, lists, notes };
}

/** The system's name: the card's first level-1 heading, its `model-index` name, or its repository or folder name. */
function nameOf(
  parsed: ParsedDocument,
  card: CardFacts,
  repo: string | undefined,
): { value: string; from: string } | undefined {
  const heading = firstHeading(parsed.text, frontMatterEnd(parsed.text) ?? 0);
  if (heading) return { value: heading, from: "the card's first heading" };
  const index = card.map ? findPair(card.map, 'model-index')?.value : undefined;
  const first = isSeq(index) ? (index.items[0] as Node | null) : undefined;
  const indexName = isMap(first)
    ? scalarText(findPair(first, 'name')?.value as Node | null | undefined)?.trim()
    : undefined;
  if (indexName) return { value: indexName, from: "the card's model-index name" };
  if (repo) return { value: repo.slice(repo.lastIndexOf('/') + 1), from: `the card's repository: ${repo}` };
  const folder = folderOf(parsed.document.uri);
  return folder ? { value: folder, from: "the card's folder" } : undefined;
}

/** Headings that say nothing about the model's name. */
const GENERIC_HEADING =
  /^(?:table of contents|contents|model card|model details|model description|model summary|summary|overview|introduction|usage|license)$/i;

/**
 * The body's first level-1 heading outside code blocks, without its Markdown, when it reads as
 * a name (not "Table of Contents", not a question or a sentence).
 */
function firstHeading(text: string, from: number): string | undefined {
  let fence: string | undefined;
  const line = /^([ \t]*)(.*?)\r?$/gm;
  line.lastIndex = from;
  for (let m = line.exec(text); m && m.index < text.length; m = line.exec(text)) {
    if (m[0].length === 0) line.lastIndex++;
    const content = m[2];
    const opens = /^(`{3,}|~{3,})/.exec(content);
    if (fence) {
      if (opens && opens[1][0] === fence[0] && opens[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (opens) {
      fence = opens[1];
      continue;
    }
    if (m[1].length > 3) continue;
    const heading = /^#[ \t]+(.+?)[ \t#]*$/.exec(content);
    if (!heading) continue;
    const title = plainHeading(heading[1]);
    return title && !GENERIC_HEADING.test(title) && !/[?!.:]$/.test(title) && title.split(' ').length <= 10
      ? title
      : undefined;
  }
  return undefined;
}

function plainHeading(markdown: string): string | undefined {
  const text = markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^model card (?:for|of)\s+/i, '')
    .replace(/\s+model card$/i, '')
    .trim();
  return text.length > 0 && text.length <= 200 ? text : undefined;
}

/** A front matter key's text, when it is a non-empty string. */
function textOf(card: CardFacts, key: string): string | undefined {
  const node = card.map ? (findPair(card.map, key)?.value as Node | null | undefined) : undefined;
  const text = scalarText(node)?.trim();
  return text && typeof (node as { value?: unknown }).value === 'string' ? text : undefined;
}

// ---------------------------------------------------------------------------------------------
// Where the card is: a Hub address or a Hugging Face cache folder names its repository.

/**
 * The repository id when the card's address shows it unambiguously: the Hub's own
 * (`https://huggingface.co/<owner>/<name>/blob/main/README.md`) or the Hugging Face cache's
 * (`…/models--<owner>--<name>/snapshots/<revision>/README.md`). A local folder's names do not
 * make a Hub address: there the name comes from the folder and the location stays TODO.
 */
export function repoIdOf(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const segments = url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(decode);
  if (!/^readme\.md$/i.test(segments.at(-1) ?? '')) return undefined;
  if (/^(?:www\.)?huggingface\.co$/i.test(url.hostname) && (url.protocol === 'https:' || url.protocol === 'http:')) {
    const [owner, name, ...rest] = segments;
    if (!owner || !name || ['datasets', 'spaces'].includes(owner)) return undefined;
    const ok = rest.length === 1 || (rest.length === 3 && ['blob', 'raw', 'resolve'].includes(rest[0]));
    return ok && HUB_ID.test(`${owner}/${name}`) ? `${owner}/${name}` : undefined;
  }
  const cache =
    segments.length >= 4 && segments.at(-3) === 'snapshots' ? /^models--(.+)$/.exec(segments.at(-4)!) : null;
  if (cache) {
    const id = cache[1].split('--').join('/');
    return HUB_ID.test(id) ? id : undefined;
  }
  return undefined;
}

function folderOf(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol === 'untitled:') return undefined;
  const segments = url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(decode);
  const folder = segments.length >= 2 ? segments.at(-2)!.trim() : '';
  return folder.length > 0 && !/^[A-Za-z]:$/.test(folder) ? folder : undefined;
}

function fileName(uri: string): string | undefined {
  const name = decode(uri.replace(/[?#].*$/, '').replace(/^.*\//, ''));
  return name.length > 0 ? name : undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// ---------------------------------------------------------------------------------------------
// Licenses: the Hub's lowercase ids in SPDX's case where SPDX has the id.

let canonicalIds: ReadonlyMap<string, string> | undefined;

/**
 * `apache-2.0` → `Apache-2.0`, `odc-by` → `ODC-By-1.0` (the Hub's own mapping); ids SPDX does
 * not have (`llama3`, `openrail`) stay as written, curated open ids get their case.
 */
export function canonicalLicense(id: string): string {
  canonicalIds ??= new Map(OPEN_LICENSES.map((l) => [l.id.toLowerCase(), l.id] as const));
  return spdxOfHubId(id.toLowerCase()) ?? canonicalIds.get(id.toLowerCase()) ?? id;
}

// ---------------------------------------------------------------------------------------------
// The card's text as YAML.

/** A string as a YAML scalar on one line: plain when it reads back as the same string, else double-quoted. */
function scalar(text: string): string {
  const plain = /^[\p{L}\p{N}_(][\p{L}\p{N}_ .,:/+()'@-]*$/u.test(text) && !/\s$/.test(text);
  if (plain) {
    try {
      if (parseYamlValue(text) === text) return text;
    } catch {
      /* not plain */
    }
  }
  return JSON.stringify(text);
}

/** Text from the card made safe for a comment on one line. */
function comment(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function firstLineBreak(text: string): string {
  const n = text.indexOf('\n');
  return n < 0 ? '' : text.slice(Math.max(0, n - 1), n + 1);
}
