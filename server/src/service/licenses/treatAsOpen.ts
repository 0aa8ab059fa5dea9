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

export type TreatAsOpenRefusal =
  | 'empty'
  | 'too-long'
  | 'too-many'
  | 'expression'
  | 'already-open'
  | 'not-open'
  | 'judged'
  | 'ambiguous'
  | 'no-license';

/**
 * Bounds on the list: no license name is longer, and no organisation reviews more; beyond them
 * an entry is refused, so a workspace's settings cannot make every license check slow.
 */
export const MAX_TREAT_AS_OPEN_ENTRIES = 200;
export const MAX_TREAT_AS_OPEN_LENGTH = 200;

export type TreatAsOpenJudgment =
  | { readonly entry: string; readonly accepted: true; readonly key: string }
  | {
      readonly entry: string;
      readonly accepted: false;
      readonly refusal: TreatAsOpenRefusal;
      readonly message: string;
    };

/** The keys an entry is matched by: a custom id, a license recognised by name, or free text. */
export const customKey = (canonical: string): string => `ref:${canonical.toLowerCase()}`;
export const namedKey = (id: string): string => `named:${id.toLowerCase()}`;
export const textKey = (text: string): string => `text:${compactKey(text)}`;

const EXPRESSION = /\s(?:AND|OR|WITH)\s/i;

/** Whether one entry of the list is accepted, and if not, why (a sentence that names it). */
export function judgeTreatAsOpen(written: string): TreatAsOpenJudgment {
  const entry = written.trim();
  const shown = quote(entry);
  const refuse = (refusal: TreatAsOpenRefusal, why: string): TreatAsOpenJudgment => ({
    entry,
    accepted: false,
    refusal,
    message: `${shown} ${why}`,
  });
  if (entry === '') return { entry, accepted: false, refusal: 'empty', message: 'An empty entry names no license.' };
  if (entry.length > MAX_TREAT_AS_OPEN_LENGTH)
    return refuse(
      'too-long',
      `is ${entry.length.toLocaleString('en-US')} characters long: no license ` +
        `name is longer than ${MAX_TREAT_AS_OPEN_LENGTH}, so it is ignored.`,
    );
  if (EXPRESSION.test(entry)) return refuse('expression', 'is an expression: list each license on its own.');
  const exception = resolveException(entry);
  if (exception.kind === 'custom') return { entry, accepted: true, key: customKey(exception.canonical) };
  const r = resolveLicense(entry);
  switch (r.kind) {
    case 'custom':
      return { entry, accepted: true, key: customKey(r.canonical) };
    case 'spdx': {
      if (isOpen(r.id))
        return refuse(
          'already-open',
          `is already open (${r.id === entry ? 'the checker knows it' : `\`${r.id}\``}); it needs no entry.`,
        );
      const why = notOpenReason(r.id);
      return why
        ? refuse('not-open', `is known not to be open: ${why}. No setting can make it open.`)
        : refuse(
            'judged',
            `is an SPDX license the checker already judges: it is neither OSI-approved ` +
              `nor one of the reviewed open data/content licenses. The setting is for ` +
              `licenses the checker does not know (\`LicenseRef-…\` ids and unrecognised ` +
              `names); to have an SPDX license reviewed as open, see docs/license-policy.md.`,
          );
    }
    case 'family':
      return refuse(
        'ambiguous',
        `names a family of licenses (${listIds(r.candidates)}), not one: list the exact license.`,
      );
    case 'restricted':
      return refuse(
        'not-open',
        `is the ${r.entry.name}, which restricts use (${r.entry.restriction}). No setting can make it open.`,
      );
    case 'not-open':
      if (r.entry.kind === 'permissive') return { entry, accepted: true, key: namedKey(r.entry.id) };
      return refuse(
        'not-open',
        `is the ${r.entry.name}, which is not open (${r.entry.restriction}). No setting can make it open.`,
      );
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

const judged = new WeakMap<readonly string[], TreatAsOpen>();

/**
 * The judged list, once per list: the settings' own array (a settings change brings a new one),
 * so a license check finds it without reading the list again.
 */
export function treatAsOpenFor(list: readonly string[] | undefined): TreatAsOpen {
  if (!list || list.length === 0) return NO_TREAT_AS_OPEN;
  let result = judged.get(list);
  if (!result) judged.set(list, (result = judge(list)));
  return result;
}

function judge(list: readonly string[]): TreatAsOpen {
  const judgments = list.slice(0, MAX_TREAT_AS_OPEN_ENTRIES).map(judgeTreatAsOpen);
  if (list.length > MAX_TREAT_AS_OPEN_ENTRIES) {
    const rest = list.length - MAX_TREAT_AS_OPEN_ENTRIES;
    judgments.push({
      entry: `${rest.toLocaleString('en-US')} more`,
      accepted: false,
      refusal: 'too-many',
      message:
        `The list has ${list.length.toLocaleString('en-US')} entries; only the first ` +
        `${MAX_TREAT_AS_OPEN_ENTRIES} are read, and the ${rest.toLocaleString('en-US')}` +
        ` after them are ignored.`,
    });
  }
  const keys = new Set<string>();
  const refused = new Map<string, string>();
  for (const j of judgments) {
    if (j.accepted) {
      keys.add(j.key);
      continue;
    }
    if (j.refusal === 'empty' || j.refusal === 'too-long' || j.refusal === 'too-many') continue;
    refused.set(textKey(j.entry), j.message);
    const r = resolveLicense(j.entry);
    if (r.kind === 'spdx') refused.set(textKey(r.id), j.message);
    if (r.kind === 'restricted' || r.kind === 'not-open') refused.set(textKey(r.entry.id), j.message);
  }
  return { keys, refused, judgments };
}

/** Why the list's mention of a license written as `text` (resolving to `id`) does not apply, if it is refused. */
export function refusalFor(treat: TreatAsOpen, text: string, id?: string): string | undefined {
  if (treat.refused.size === 0) return undefined;
  return treat.refused.get(textKey(text)) ?? (id ? treat.refused.get(textKey(id)) : undefined);
}
