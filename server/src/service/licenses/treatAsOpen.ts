/**
 * The treat-as-open list (setting `osaiManifest.licenses.treatAsOpen`, CLI `--treat-as-open`):
 * licenses a user's organisation reviewed as OSD-conformant. It may only fill gaps in the
 * built-in knowledge — `LicenseRef-…` ids, names the checker does not recognise, and permissive
 * licenses recognised by name that nobody has reviewed — never overrule it: an SPDX id, a
 * family name or a license known not to be open is refused, with why, so that no setting can
 * turn a release green.
 */
import { compactKey } from './normalize';
import { resolveException, resolveLicense } from './resolve';
import { isOpen } from './verdict';
import { notOpenReason } from './openList';
import { listIds, quoteUserText as quote } from '../text/text';

export type TreatAsOpenRefusal = 'empty' | 'expression' | 'already-open' | 'not-open' | 'judged' | 'ambiguous' | 'no-license';

export type TreatAsOpenJudgment =
  | { readonly entry: string; readonly accepted: true; readonly key: string }
  | { readonly entry: string; readonly accepted: false; readonly refusal: TreatAsOpenRefusal; readonly message: string };

/** The keys an entry is matched by: a custom id, a license recognised by name, or free text. */
export const customKey = (canonical: string): string => `ref:${canonical.toLowerCase()}`;
export const namedKey = (id: string): string => `named:${id.toLowerCase()}`;
export const textKey = (text: string): string => `text:${compactKey(text)}`;

const EXPRESSION = /\s(?:AND|OR|WITH)\s/i;

/** Whether one entry of the list is accepted, and if not, why (a sentence that names it). */
export function judgeTreatAsOpen(written: string): TreatAsOpenJudgment {
  const entry = written.trim();
  const shown = quote(entry);
  const refuse = (refusal: TreatAsOpenRefusal, why: string): TreatAsOpenJudgment => ({ entry, accepted: false, refusal, message: `${shown} ${why}` });
  if (entry === '') return { entry, accepted: false, refusal: 'empty', message: 'An empty entry names no license.' };
  if (EXPRESSION.test(entry)) return refuse('expression', 'is an expression: list each license on its own.');
  const exception = resolveException(entry);
  if (exception.kind === 'custom') return { entry, accepted: true, key: customKey(exception.canonical) };
  const r = resolveLicense(entry);
  switch (r.kind) {
    case 'custom':
      return { entry, accepted: true, key: customKey(r.canonical) };
    case 'spdx': {
      if (isOpen(r.id)) return refuse('already-open', `is already open (${r.id === entry ? 'the checker knows it' : `\`${r.id}\``}); it needs no entry.`);
      const why = notOpenReason(r.id);
      return why
        ? refuse('not-open', `is known not to be open: ${why}. No setting can make it open.`)
        : refuse('judged', `is an SPDX license the checker already judges: it is neither OSI-approved nor one of the reviewed open data/content licenses. The setting is for licenses the checker does not know (\`LicenseRef-…\` ids and unrecognised names); to have an SPDX license reviewed as open, see docs/license-policy.md.`);
    }
    case 'family':
      return refuse('ambiguous', `names a family of licenses (${listIds(r.candidates)}), not one: list the exact license.`);
    case 'restricted':
      return refuse('not-open', `is the ${r.entry.name}, which restricts use (${r.entry.restriction}). No setting can make it open.`);
    case 'not-open':
      if (r.entry.kind === 'permissive') return { entry, accepted: true, key: namedKey(r.entry.id) };
      return refuse('not-open', `is the ${r.entry.name}, which is not open (${r.entry.restriction}). No setting can make it open.`);
    case 'none':
      return refuse('no-license', 'names no license.');
    case 'unknown':
      return { entry, accepted: true, key: textKey(entry) };
  }
}

/** A treat-as-open list, judged: the keys of the accepted entries and why each other one is refused. */
export interface TreatAsOpen {
  readonly keys: ReadonlySet<string>;
  /** `textKey` of each refused entry (and of the id it resolves to) → why. */
  readonly refused: ReadonlyMap<string, string>;
  readonly judgments: readonly TreatAsOpenJudgment[];
}

export const NO_TREAT_AS_OPEN: TreatAsOpen = { keys: new Set(), refused: new Map(), judgments: [] };

let last: { list: readonly string[]; joined: string; result: TreatAsOpen } | undefined;

/** The judged list; the last one is kept (settings change rarely, and every license check asks). */
export function treatAsOpenFor(list: readonly string[] | undefined): TreatAsOpen {
  if (!list || list.length === 0) return NO_TREAT_AS_OPEN;
  if (last?.list === list) return last.result;
  const joined = list.join('\u0001');
  if (last?.joined === joined) { last = { ...last, list }; return last.result; }
  const judgments = list.map(judgeTreatAsOpen);
  const keys = new Set<string>();
  const refused = new Map<string, string>();
  for (const j of judgments) {
    if (j.accepted) { keys.add(j.key); continue; }
    if (j.refusal === 'empty') continue;
    refused.set(textKey(j.entry), j.message);
    const r = resolveLicense(j.entry);
    if (r.kind === 'spdx') refused.set(textKey(r.id), j.message);
    if (r.kind === 'restricted' || r.kind === 'not-open') refused.set(textKey(r.entry.id), j.message);
  }
  const result: TreatAsOpen = { keys, refused, judgments };
  last = { list, joined, result };
  return result;
}

/** Why the list's mention of a license written as `text` (resolving to `id`) does not apply, if it is refused. */
export function refusalFor(treat: TreatAsOpen, text: string, id?: string): string | undefined {
  if (treat.refused.size === 0) return undefined;
  return treat.refused.get(textKey(text)) ?? (id ? treat.refused.get(textKey(id)) : undefined);
}
