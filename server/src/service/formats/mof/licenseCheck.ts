/**
 * License findings for MOF components. The verdict follows MOT (exact ids; OSI-approved,
 * FSF-libre, MOT's open-data list or OpenMDW-1.0); the project's license service explains
 * why a string fails (restricted AI license, non-canonical spelling, unknown id) and
 * supplies canonical ids for quick fixes.
 */
import { evaluateLicense, licenseQualifies, lookupLicense, notOpenReason, restrictionPredicate } from '../../licenses';
import { codeSpan, listIds, quoteUserText as shown } from '../../text/text';
import { isMotOpen, isTypeAppropriate, motOpenReasons, MotContentType, typeAppropriateLicenses } from './tables';

export const MofCodes = {
  missing: 'mof/missing',
  unknownComponent: 'mof/unknown-component',
  duplicateComponent: 'mof/duplicate-component',
  licenseType: 'mof/license-type',
  unlicensed: 'mof/unlicensed',
} as const;

export type Severity = 'error' | 'warning' | 'information';

/**
 * A license finding about one license text, as data: the text as shown (`subject`, empty
 * when the sentence does not start with it) and what is said of it (`predicate`). The caller
 * renders it for where the license comes from: `licenseSentence` for a component's own
 * license, "… inherits X from Y: it <predicate>" for an inherited one.
 */
export interface MofLicenseFinding {
  code: string;
  severity: Severity;
  subject: string;
  predicate: string;
  /** Replacement ids for the license text, best first (MOT-open ones first). */
  replacements: string[];
}

/** The finding as one sentence about the license text. */
export function licenseSentence(f: MofLicenseFinding): string {
  return f.subject ? `${f.subject} ${f.predicate}` : f.predicate;
}

/** `unlicensed` in any letter case: MOT's marker for "included, but no license". */
export function isUnlicensedMarker(text: string): boolean {
  return text.trim().toLowerCase() === 'unlicensed';
}

function motOpenFirst(ids: readonly string[]): string[] {
  return [...ids.filter(isMotOpen), ...ids.filter((id) => !isMotOpen(id))];
}

const EXPRESSION = /\s(?:AND|OR|WITH)\s/;
const NOT_INCLUDED = /not\s+includ/i;
const PLACEHOLDER = /^(?:undisclosed|proprietary|other(?:\s+license)?|unknown|none|n\/?a|license|tbd)$/i;

/**
 * Spelling findings (non-canonical / deprecated ids), for a license string that MOT does
 * not count as open. Reported where the string is written.
 */
export function spellingFindings(text: string): MofLicenseFinding[] {
  if (isMotOpen(text) || isUnlicensedMarker(text)) return [];
  const out: MofLicenseFinding[] = [];
  for (const f of evaluateLicense(text, 'open').findings) {
    if (f.code !== 'license/non-canonical' && f.code !== 'license/deprecated') continue;
    const replacements = motOpenFirst(f.replacements);
    const fixesVerdict = replacements.length > 0 && isMotOpen(replacements[0]);
    out.push({
      code: f.code,
      severity: fixesVerdict ? 'error' : 'warning',
      subject: '',
      predicate: fixesVerdict
        ? `${endSentence(f.message)} MOT compares license ids exactly, so it counts ` +
          `${shown(text)} as not open; with ${listIds(replacements.filter(isMotOpen))}` +
          ` it is open (${motOpenReasons(replacements[0]).join(', ')}).`
        : f.message,
      replacements,
    });
  }
  return out;
}

/**
 * The verdict finding for a license that MOT does not count as open (undefined when it
 * does, or when the only problem is a spelling that `spellingFindings` reports and whose
 * fix makes it open).
 */
export function verdictFinding(text: string): MofLicenseFinding | undefined {
  if (isMotOpen(text)) return undefined;
  if (isUnlicensedMarker(text)) {
    return {
      code: MofCodes.unlicensed,
      severity: 'warning',
      subject: shown(text),
      predicate:
        'marks the component as included without a license, so MOT does not ' +
        'count it. Give it an open license (e.g. Apache-2.0, MIT, CC-BY-4.0).',
      replacements: [],
    };
  }
  const spelling = spellingFindings(text);
  if (spelling.some((s) => s.severity === 'error')) return undefined;
  const evaluation = evaluateLicense(text, 'open');
  const restricted = evaluation.findings.find((f) => f.code === 'license/restricted');
  if (restricted?.restriction) {
    return {
      code: 'license/restricted',
      severity: 'error',
      subject: shown(restricted.subject),
      predicate:
        `${restrictionPredicate(restricted.restriction)} Such terms are not open: ` +
        `MOT counts the component as not open, and OSAID does not accept them.`,
      replacements: [],
    };
  }
  if (EXPRESSION.test(text)) {
    return {
      code: 'license/not-open',
      severity: 'error',
      subject: shown(text),
      predicate:
        'is an SPDX expression; MOT compares the whole string with single ' +
        'license ids, so it counts the component as not open. Give the ' +
        'component one license id (list the others in the description).',
      replacements: [],
    };
  }
  if (PLACEHOLDER.test(text.trim())) {
    return {
      code: 'license/not-open',
      severity: 'error',
      subject: shown(text),
      predicate:
        'does not name an open license, so MOT counts the component as not ' +
        'open. If the component has no license, write `unlicensed`; otherwise ' +
        'write the SPDX id of its license.',
      replacements: [],
    };
  }
  const unknown = evaluation.findings.find((f) => f.code === 'license/unknown');
  if (unknown) {
    const notIncluded = NOT_INCLUDED.test(text);
    const hint = notIncluded
      ? ' If the component is not part of the release, remove it from ' +
        '`components`; if it is included without a license, write `unlicensed`.'
      : unknown.replacements.length > 0
        ? ` Did you mean ${listIds(unknown.replacements)}?`
        : ' Use an SPDX id (https://spdx.org/licenses/).';
    return {
      code: 'license/unknown',
      severity: 'error',
      subject: shown(text),
      predicate: `is not a license id MOT knows, so MOT counts the component as not open.${hint}`,
      replacements: notIncluded ? [] : unknown.replacements,
    };
  }
  const canonical = spelling.flatMap((s) => s.replacements)[0] ?? text;
  return {
    code: 'license/not-open',
    severity: 'error',
    subject: canonical === text ? shown(text) : `${shown(text)} (${codeSpan(canonical)})`,
    predicate:
      `is not open under MOT's rules: it is not OSI-approved, not FSF-libre and ` +
      `not on MOT's open-data list${clause(canonical)}.`,
    replacements: [],
  };
}

/** An open license that is not among MOT's type-appropriate licenses for the content type. */
export function typeFinding(text: string, type: MotContentType): MofLicenseFinding | undefined {
  if (!isMotOpen(text) || isTypeAppropriate(text, type)) return undefined;
  return {
    code: MofCodes.licenseType,
    severity: 'warning',
    subject: shown(text),
    predicate:
      `is open (${motOpenReasons(text).join(', ')}) but not a license MOT lists for ` +
      `${type}; MOT still counts it, with a warning. Type-appropriate for ${type}: ` +
      `${listIds(suggested(type))}.`,
    replacements: [],
  };
}

/**
 * The OSAID view: a license MOT counts as open that fails OSAID's test for the component —
 * code needs an OSI-approved license (MOT also accepts FSF-libre and open-data licenses), the
 * rest open terms (an FSF-libre documentation license with invariant sections is not).
 */
export function osaidFinding(
  text: string,
  test: 'osi' | 'open',
  treatAsOpen: readonly string[] = [],
): MofLicenseFinding | undefined {
  if (licenseQualifies(text, test, { extraOpen: treatAsOpen })) return undefined;
  if (!isMotOpen(text)) {
    // Not open for MOT either (a spelling MOT rejects): what the shared license check says.
    const f = evaluateLicense(text, test, { extraOpen: treatAsOpen }).findings.find((x) => x.severity === 'error');
    return f ? { code: f.code, severity: 'error', subject: '', predicate: f.message, replacements: [] } : undefined;
  }
  if (test === 'osi') {
    return {
      code: 'license/not-osi-approved',
      severity: 'error',
      subject: shown(text),
      predicate:
        `is open for MOT (${motOpenReasons(text).join(', ')}) but not ` +
        `OSI-approved; OSAID 1.0 requires an OSI-approved license for code ` +
        `(e.g. Apache-2.0, MIT).`,
      replacements: [],
    };
  }
  return {
    code: 'license/not-open',
    severity: 'error',
    subject: shown(text),
    predicate:
      `is open for MOT (${motOpenReasons(text).join(', ')}) but its terms are ` +
      `not open for OSAID 1.0${clause(text)}: parameters and data information ` +
      `need OSD-conformant terms (e.g. Apache-2.0, CC-BY-4.0).`,
    replacements: [],
  };
}

const POPULAR = [
  'Apache-2.0',
  'MIT',
  'CC-BY-4.0',
  'CC0-1.0',
  'CDLA-Permissive-2.0',
  'CC-BY-SA-4.0',
  'ISC',
  'PDDL-1.0',
  'OpenMDW-1.0',
];

/** A few type-appropriate ids, the common ones first. */
function suggested(type: MotContentType): string[] {
  const ids = typeAppropriateLicenses(type);
  const rank = (id: string): number => {
    const i = POPULAR.indexOf(id);
    return i < 0 ? POPULAR.length : i;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b)).slice(0, 4);
}

/** Why a license MOT does not count as open is not open, when the license tables know (one explanation per clause). */
function clause(id: string): string {
  const why = notOpenReason(id) ?? lookupLicense(id)?.restricted;
  return why ? ` (${why})` : '';
}

/** The message as a sentence: with a final period. */
function endSentence(message: string): string {
  return message.endsWith('.') ? message : `${message}.`;
}
