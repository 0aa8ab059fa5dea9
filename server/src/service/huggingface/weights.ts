/**
 * The weights' terms as a model card states them — `license` (a Hub id), or `license: other`
 * with `license_name` — evaluated with the same license knowledge as manifests, and reported
 * as findings on the value that states them. The Hub's lowercase ids are its canonical
 * spelling, so spelling findings are left out here (the Hub rules say when an id is not one).
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes, DiagnosticData } from '../diagnostics/codes';
import { checkLicense, LicenseFinding, licenseQualifies } from '../licenses';
import type { ParsedYamlDocument } from '../yaml/parse';
import { verbatimSpan } from '../yaml/nodes';
import { diagnostic } from '../yaml/spans';
import { CardFacts, StatedValue } from './card';
import { matchHubLicense, spdxOfHubId } from './hubLicenseMatch';
import { resolveLicense } from '../licenses/resolve';
import { codeSpan, listIds } from '../text/text';

export const WEIGHTS_PATH = 'parameters.weights.license';

export interface WeightsTerms {
  /** The value that states the terms, if any. */
  stated: StatedValue | undefined;
  /** Whether they qualify as open (OSD-conformant). */
  open: boolean;
  findings: Diagnostic[];
}

/**
 * The value that names the weights' license: `license`, or `license_name` under `license:
 * other`. A `license` written as a list (the Hub rules report it) is read by its first item
 * that is not `other`.
 */
export function statedTerms(card: CardFacts): StatedValue | undefined {
  const license = card.license?.text
    ? card.license
    : (card.licenseList.find((l) => l.text!.toLowerCase() !== 'other') ?? card.licenseList[0]);
  if (license?.text?.toLowerCase() === 'other') return card.licenseName?.text ? card.licenseName : undefined;
  // `license_name` without `license` (the Hub rules warn): the name still says which terms apply.
  if (!license?.text && card.licenseName?.text) return card.licenseName;
  return license;
}

export function weightsTerms(
  parsed: ParsedYamlDocument,
  card: CardFacts,
  treatAsOpen: readonly string[],
): WeightsTerms {
  const data: DiagnosticData = { path: WEIGHTS_PATH, requirement: WEIGHTS_PATH };
  const stated = statedTerms(card);
  if (!stated) {
    const other = card.license?.text?.toLowerCase() === 'other';
    const where =
      other && card.license?.node?.range ? card.license.node.range : (card.license?.key.range ?? card.firstLine);
    const message = other
      ? '`license: other` names no license (`license_name` is missing): nobody ' +
        'can tell whether the weights may be used, studied, modified and shared for any purpose.'
      : card.license
        ? '`license` is empty: the card states no terms for the weights, so ' +
          'nobody can tell whether they may be used, studied, modified and shared.'
        : 'The card states no license: nobody can tell whether the weights may be ' +
          'used, studied, modified and shared. Add `license:` with the Hub id of ' +
          "the weights' license.";
    return {
      stated,
      open: false,
      findings: [
        diagnostic(parsed.document, where[0], where[1], DiagnosticSeverity.Error, Codes.missing, message, data),
      ],
    };
  }
  const text = stated.text!;
  if (text.toLowerCase() === 'unknown') {
    const [start, end] = stated.node!.range!;
    return {
      stated,
      open: false,
      findings: [
        diagnostic(
          parsed.document,
          start,
          end,
          DiagnosticSeverity.Error,
          Codes.unknownLicense,
          "`license: unknown`: the weights' terms are not known, so they cannot count as open.",
          data,
        ),
      ],
    };
  }
  // A Hub id is read as the SPDX id it stands for (`odc-by` is ODC-By-1.0, `gpl-3.0` GPL-3.0-only):
  // the Hub's spelling is right on a card, so only what the terms are is reported, not how they are written.
  const hubSpdx = spdxOfHubId(text.toLowerCase());
  const family = !hubSpdx && resolveLicense(text).kind === 'family';
  const findings = checkLicense(hubSpdx ?? text, 'open', { extraOpen: treatAsOpen }).filter(
    (f) => f.severity === 'error' || (family && f.code === Codes.nonCanonical),
  );
  const base =
    verbatimSpan(parsed.text, stated.node) ??
    (stated.node?.range ? [stated.node.range[0], stated.node.range[1]] : card.firstLine);
  const out = findings.map((f) => {
    // Offsets inside the written text hold only when it was evaluated as written.
    const [start, end] =
      !hubSpdx && verbatimSpan(parsed.text, stated.node) ? [base[0] + f.start, base[0] + f.end] : base;
    return f.severity === 'error'
      ? diagnostic(parsed.document, start, end, DiagnosticSeverity.Error, f.code, weightsMessage(f, stated), data)
      : diagnostic(parsed.document, start, end, DiagnosticSeverity.Warning, f.code, familyMessage(stated, f), data);
  });
  return { stated, open: !out.some((d) => d.severity === DiagnosticSeverity.Error), findings: out };
}

/** The Hub's id of an SPDX id, where it lists one (`CC-BY-4.0` → `cc-by-4.0`). */
export function hubSpelling(id: string): string {
  const match = matchHubLicense(id);
  return match.kind === 'spelling' ? match.ids[0] : id;
}

/** A family whose every member is open: the weights are open, but the card should name the exact license. */
function familyMessage(stated: StatedValue, f: LicenseFinding): string {
  return (
    `${codeSpan(stated.text!)} names a family of licenses, not one; each of ` +
    `them is open, but write the Hub id of the exact license: ${listIds(f.replacements.map(hubSpelling))}.`
  );
}

/** A family with a member that is not open: the card cannot show that the weights are open. */
function ambiguousMessage(stated: StatedValue, f: LicenseFinding): string {
  const open = f.replacements.filter((c) => licenseQualifies(c, 'open'));
  const notOpen = f.replacements.filter((c) => !licenseQualifies(c, 'open'));
  return (
    `${codeSpan(stated.text!)} names a family of licenses, not one: the ` +
    `card does not say which terms the weights are under, and the family ` +
    `includes terms that are not open (${listIds(notOpen.map(hubSpelling))}` +
    `). Write the Hub id of the exact license` +
    `${open.length ? `: ${listIds(open.map(hubSpelling))} would be open` : ''}.`
  );
}

function weightsMessage(f: LicenseFinding, stated: StatedValue): string {
  if (f.code === Codes.ambiguous) return ambiguousMessage(stated, f);
  if (f.code !== 'license/unknown') return f.message;
  const key = (stated.key as { value?: unknown }).value === 'license_name' ? 'license_name' : 'license';
  return (
    `${codeSpan(`${key}: ${stated.text}`)} is not a license this checker ` +
    `knows: the weights' terms decide whether they are open, so review ` +
    `them. If they let anyone use, study, modify and share for any purpose, ` +
    `add the name to the setting \`osaiManifest.licenses.treatAsOpen\`.`
  );
}
