/**
 * The Hub's own metadata rules for cards (codes `hf/…`): the license keys as the Hub reads
 * them, empty ids in `datasets` / `base_model`, misspelt keys. Each finding carries the
 * edits of its quick fixes, so that the fixes (fixes.ts) are computed from the same reading.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { CodeDoc, DiagnosticData } from '../diagnostics/codes';
import { closest, editDistance } from '../text/suggest';
import { codeSpan } from '../text/text';
import { findPair, verbatimSpan } from '../yaml/nodes';
import type { ParsedYamlDocument } from '../yaml/parse';
import { diagnostic } from '../yaml/spans';
import { readCard } from './card';
import {
  dashBefore,
  holdsComment,
  insertLineAfterPair,
  insertLineBefore,
  movableScalar,
  nodeSpan,
  OffsetEdit,
  removeBlockItem,
  removeFlowItem,
  removePair,
  replaceValue,
} from './cardText';
import { matchHubLicense } from './hubLicenseMatch';
import { ALL_CARD_KEYS, cardKeys, isDatasetCardValue, isModelCardValue } from './keys';

export type CardKind = 'model' | 'dataset';

export const HubCodes = {
  licenseId: 'hf/license-id',
  licenseOtherUnnamed: 'hf/license-other-unnamed',
  licenseNameWithoutOther: 'hf/license-name-without-other',
  licenseList: 'hf/license-list',
  emptyId: 'hf/empty-id',
  unknownKey: 'hf/unknown-key',
} as const;

/** The documented words for each code (docs/diagnostic-codes.md). */
const DOCS: Readonly<Record<string, CodeDoc>> = {
  [HubCodes.licenseId]: {
    severity: 'error',
    meaning:
      "a card's `license` is not one of the Hub's 83 license ids, so the Hub " +
      'rejects the metadata: another spelling (`MIT`, `Apache-2.0`), an SPDX ' +
      'id the Hub does not list, or an unknown name',
    fix: 'the Hub id; `license: other` with `license_name`',
  },
  [HubCodes.licenseOtherUnnamed]: {
    severity: 'warning',
    meaning: '`license: other` without `license_name`: the card does not say which license it is',
    fix: 'add `license_name: TODO`',
  },
  [HubCodes.licenseNameWithoutOther]: {
    severity: 'warning',
    meaning: '`license_name` or `license_link` without `license: other`, the only license they go with',
    fix: 'change `license` to `other` (or add it); remove the key when `license` is a listed id',
  },
  [HubCodes.licenseList]: {
    severity: 'warning',
    meaning: "a model card's `license` written as a list, where the Hub documents one id",
    fix: "the list's only id",
  },
  [HubCodes.emptyId]: {
    severity: 'warning',
    meaning: "an empty or non-string item in a model card's `datasets` or `base_model`",
    fix: 'remove it',
  },
  [HubCodes.unknownKey]: {
    severity: 'warning',
    meaning: 'a card key within two edits of a key the Hub knows (`languages`, `licence`); the Hub ignores it',
    fix: 'rename to the known key',
  },
};

const MODEL_CODES = Object.values(HubCodes);
const DATASET_CODES = MODEL_CODES.filter((c) => c !== HubCodes.emptyId && c !== HubCodes.licenseList);

/** The codes a kind of card reports, with their documentation (each format's `codes`). */
export function hubCodeDocs(kind: CardKind): Readonly<Record<string, CodeDoc>> {
  return Object.fromEntries((kind === 'model' ? MODEL_CODES : DATASET_CODES).map((c) => [c, DOCS[c]]));
}

const SEVERITY: Readonly<Record<CodeDoc['severity'], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A quick fix of a finding that is not a plain replacement of its range. */
export interface HubFix {
  title: string;
  edits: OffsetEdit[];
}

export interface HubFinding {
  diagnostic: Diagnostic;
  /** "Rename" for keys, "Change" for values: the verb of the replacement fixes (`data.replacements`). */
  verb: 'Rename' | 'Change';
  fixes: HubFix[];
}

export function hubMetadataDiagnostics(parsed: ParsedYamlDocument, kind: CardKind): Diagnostic[] {
  return hubFindings(parsed, kind).map((f) => f.diagnostic);
}

/** Every Hub metadata finding of a card, with its fixes. */
export function hubFindings(parsed: ParsedYamlDocument, kind: CardKind): HubFinding[] {
  const map = readCard(parsed).map;
  if (!map) return [];
  const ctx: Context = { parsed, text: parsed.text, map, block: !map.flow, kind, findings: [] };
  licenseRules(ctx);
  if (kind === 'model') for (const key of ['datasets', 'base_model']) emptyIds(ctx, key);
  unknownKeys(ctx);
  return ctx.findings;
}

interface Context {
  parsed: ParsedYamlDocument;
  text: string;
  map: YAMLMap;
  /** A block mapping: lines may be inserted and removed (not in `{ … }` front matter). */
  block: boolean;
  kind: CardKind;
  findings: HubFinding[];
}

function report(
  ctx: Context,
  span: [number, number],
  code: string,
  message: string,
  data: DiagnosticData,
  fixes: HubFix[] = [],
  verb: HubFinding['verb'] = 'Change',
): void {
  const d = diagnostic(ctx.parsed.document, span[0], span[1], SEVERITY[DOCS[code].severity], code, message, data);
  ctx.findings.push({ diagnostic: d, verb, fixes });
}

function fix(title: string, ...edits: Array<OffsetEdit | undefined>): HubFix[] {
  return edits.every((e): e is OffsetEdit => e !== undefined) && edits.length > 0 ? [{ title, edits }] : [];
}

/** The user's text in a code span, shortened (a message stays small whatever the card says). */
const code = (text: string): string => codeSpan(text);

// ---------------------------------------------------------------------------------------
// License keys

function licenseRules(ctx: Context): void {
  const { text, map } = ctx;
  const license = findPair(map, 'license');
  const name = findPair(map, 'license_name');
  const link = findPair(map, 'license_link');
  const value = license?.value ?? null;
  const written = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : undefined;

  if (license && isSeq(value)) licenseList(ctx, license as Pair<Node, YAMLSeq>);
  else if (license && value && written !== '') licenseId(ctx, license, value, 'license', !!name);

  if (
    written === 'other' &&
    !(isScalar(name?.value) && typeof name.value.value === 'string' && name.value.value.trim() !== '')
  ) {
    const span = nodeSpan(text, value)!;
    const linked = link ? ' (`license_link` says where its text is, but not what it is called)' : '';
    report(
      ctx,
      span,
      HubCodes.licenseOtherUnnamed,
      `\`license: other\` without \`license_name\`: the card does not name its ` +
        `license${linked}. Add \`license_name:\` with an id for it, such as \`my-license-1.0\`.`,
      { path: 'license' },
      !name && ctx.block
        ? fix('Add `license_name: TODO`', insertLineAfterPair(text, license!, 'license_name: TODO'))
        : [],
    );
  }

  // `license_name` / `license_link` go with `license: other` only (a misspelt `Other` is `hf/license-id`'s business).
  if (written?.toLowerCase() === 'other') return;
  const strays = [name, link].filter((p): p is Pair<Node, Node | null> => !!p);
  if (strays.length === 0) return;
  let toOther: HubFix[] = [];
  if (license) {
    // Only when a name says which license `other` is: a link alone would leave `other` unnamed, and a listed id lost.
    if (name) toOther = fix('Change `license` to `other`', replaceValue(text, license, 'other'));
  } else if (ctx.block) {
    const first = strays.reduce((a, b) => ((a.key.range?.[0] ?? 0) <= (b.key.range?.[0] ?? 0) ? a : b));
    toOther = fix('Add `license: other`', insertLineBefore(text, first.key, 'license: other'));
  }
  // A listed id says it all: the stray key can go.
  const listed = written !== undefined && matchHubLicense(written).kind === 'hub' && written !== 'unknown';
  const now = license ? (written ? code(`license: ${written}`) : 'this `license`') : 'no `license`';
  for (const stray of strays) {
    const key = String((stray.key as { value?: unknown }).value);
    const span = nodeSpan(text, stray.key)!;
    const remove = listed && ctx.block && keepsKind(ctx, key) ? fix(`Remove \`${key}\``, removePair(text, stray)) : [];
    report(
      ctx,
      span,
      HubCodes.licenseNameWithoutOther,
      `\`${key}\` goes with \`license: other\` only, and the card has ${now}. ` +
        `For a license on the Hub's list, \`license\` alone says it; for another, ` +
        `write \`license: other\` and name it here.`,
      { path: key },
      [...toOther, ...remove],
    );
  }
}

/** `license` (or one of its list items) that is not a Hub id. */
function licenseId(
  ctx: Context,
  license: Pair<Node, Node | null> | undefined,
  node: Node,
  path: string,
  named: boolean,
): void {
  const { text } = ctx;
  // Inside its quotes, as every format's license findings: a replacement keeps the user's quoting (and so how the next
  // line parses).
  const span = verbatimSpan(text, node) ?? nodeSpan(text, node);
  if (!span) return;
  const data: DiagnosticData = { path };
  if (!isScalar(node) || typeof node.value !== 'string') {
    if (isScalar(node) && node.value === null) return;
    report(
      ctx,
      span,
      HubCodes.licenseId,
      `\`${path}\` must be one license id from the Hub's list (such as ` +
        `\`apache-2.0\`), not ` +
        `${isScalar(node) ? `the ${typeof node.value} ${code(String(node.value))}` : 'a mapping'}` +
        `.`,
      data,
    );
    return;
  }
  const written = node.value.trim();
  const match = matchHubLicense(written);
  if (match.kind === 'hub') return;
  const hub = 'The Hub rejects a `license` that is not on its list';
  // `license: other` with `license_name: <name>` (or the card's own `license_name`): only for `license` itself.
  const toOther = (licenseName: string): HubFix[] => {
    if (!license) return [];
    if (named) return fix('Change to `other` (the card has a `license_name`)', replaceValue(text, license, 'other'));
    if (!ctx.block) return [];
    return fix(
      `Change to \`other\` and add ${code(`license_name: ${licenseName}`)}`,
      replaceValue(text, license, 'other'),
      insertLineAfterPair(text, license, `license_name: ${licenseName}`),
    );
  };
  if (match.kind === 'spelling') {
    const ids = match.ids.map((id) => `\`${id}\``).join(' or ');
    report(
      ctx,
      span,
      HubCodes.licenseId,
      `${code(written)} is not how the Hub writes this license: its id is ${ids}. ${hub}.`,
      { ...data, replacements: match.ids },
    );
  } else if (match.kind === 'unlisted') {
    report(
      ctx,
      span,
      HubCodes.licenseId,
      `${code(written)} (SPDX \`${match.spdx}\`) is not on the Hub's license list. ` +
        `${hub}: write \`license: other\` and name the license in \`license_name\` ` +
        `(with \`license_link\` to its text).`,
      data,
      toOther(match.name),
    );
  } else {
    const hint = match.ids.length ? ` Did you mean ${match.ids.map((id) => `\`${id}\``).join(', ')}?` : '';
    report(
      ctx,
      span,
      HubCodes.licenseId,
      `${code(written)} is not one of the Hub's license ids.${hint} ${hub}: use ` +
        `an id from the list, or \`license: other\` with \`license_name\` and \`license_link\` ` +
        `for another license.`,
      { ...data, ...(match.ids.length ? { replacements: match.ids } : {}) },
      match.name ? toOther(match.name) : [],
    );
  }
}

function licenseList(ctx: Context, license: Pair<Node, YAMLSeq>): void {
  const { text } = ctx;
  const seq = license.value!;
  const span = nodeSpan(text, seq);
  if (!span) return;
  const items = seq.items as unknown[];
  const only = items.length === 1 ? movableScalar(text, items[0]) : undefined;
  const edit =
    only === undefined
      ? undefined
      : seq.flow
        ? { start: span[0], end: span[1], text: only }
        : replaceValue(text, license, only);
  const value = only === undefined ? '' : String((items[0] as { value: unknown }).value);
  // Dataset cards wrote `license` as a list because the `datasets` library's validator asked for one
  // (huggingface/datasets#4827): not reported there.
  if (ctx.kind === 'model') {
    report(
      ctx,
      span,
      HubCodes.licenseList,
      `\`license\` is a list: the Hub documents one license id here` +
        `${items.length > 1 ? ", and the weights' terms cannot be read from several" : ''}` +
        `.`,
      { path: 'license' },
      edit && !holdsComment(text.slice(edit.start, edit.end)) ? fix(`Change to ${code(value)}`, edit) : [],
    );
  }
  items.forEach((item, i) => {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '')
      licenseId(ctx, undefined, item, `license[${i}]`, false);
  });
}

// ---------------------------------------------------------------------------------------
// `datasets` and `base_model`

function emptyIds(ctx: Context, key: string): void {
  const { text, map } = ctx;
  const pair = findPair(map, key);
  if (!pair) return;
  const value = pair.value;
  const what = key === 'datasets' ? 'a dataset id' : 'a model id';
  if (!isSeq(value)) {
    const problem = problemOf(value);
    if (!problem) return;
    const span = nodeSpan(text, value);
    const at = span && span[1] > span[0] ? span : nodeSpan(text, pair.key)!;
    report(
      ctx,
      at,
      HubCodes.emptyId,
      `\`${key}\` is ${problem}, not ${what}: the Hub links nothing from it.`,
      { path: key },
      ctx.block && keepsKind(ctx, key) ? fix(`Remove \`${key}\``, removePair(text, pair)) : [],
    );
    return;
  }
  value.items.forEach((item, i) => {
    const problem = problemOf(item as Node | null);
    if (!problem) return;
    const span = nodeSpan(text, item as Node | null);
    const dash = value.flow ? undefined : dashBefore(text, span?.[0] ?? (item as Node | null)?.range?.[0] ?? -1);
    const at =
      span && span[1] > span[0] ? span : dash !== undefined ? ([dash, dash + 1] as [number, number]) : undefined;
    if (!at) return;
    const edit = value.flow
      ? removeFlowItem(text, value.items, i)
      : dash !== undefined
        ? removeBlockItem(text, item as Node | null, dash)
        : undefined;
    report(
      ctx,
      at,
      HubCodes.emptyId,
      `Item ${i + 1} of \`${key}\` is ${problem}, not ${what}: the Hub links nothing from it.`,
      { path: `${key}[${i}]` },
      fix(`Remove item ${i + 1} of \`${key}\``, edit),
    );
  });
}

/** Why an id is not one: empty, or not a string. Undefined for a non-empty string. */
function problemOf(node: Node | null | undefined): string | undefined {
  if (!node || (isScalar(node) && (node.value === null || node.value === undefined))) return 'empty';
  if (isScalar(node)) {
    if (typeof node.value === 'string') return node.value.trim() === '' ? 'empty' : undefined;
    return `the ${typeof node.value} ${code(String(node.value))}`;
  }
  return isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'not a string';
}

/** Whether the card stays the same kind without `key` (a key that tells the kind apart may be the only one). */
function keepsKind(ctx: Context, key: string): boolean {
  const value = ctx.parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const rest = { ...(value as Record<string, unknown>) };
  delete rest[key];
  return ctx.kind === 'model' ? isModelCardValue(rest) : isDatasetCardValue(rest);
}

// ---------------------------------------------------------------------------------------
// Misspelt keys

function unknownKeys(ctx: Context): void {
  const { text, map, kind } = ctx;
  const present = new Set(map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : undefined)));
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    if (ALL_CARD_KEYS.has(key)) continue;
    const lower = key.toLowerCase();
    const near = closest(key, cardKeys(kind)).filter((k) => editDistance(lower, k, 2) <= 2);
    if (near.length === 0) continue;
    const span = nodeSpan(text, keyNode);
    if (!span) continue;
    const free = near.filter((k) => !present.has(k));
    const taken = near.filter((k) => present.has(k));
    const already =
      free.length === 0 ? ` (the card already has ${taken.map((k) => `\`${k}\``).join(', ')}: merge the two)` : '';
    report(
      ctx,
      span,
      HubCodes.unknownKey,
      `${code(key)} is not a ${kind} card key: did you mean ` +
        `${near.map((k) => `\`${k}\``).join(' or ')}?${already} The Hub ignores ` +
        `keys it does not know, so this one does nothing.`,
      { path: key, ...(free.length ? { replacements: free } : {}) },
      [],
      'Rename',
    );
  }
}
