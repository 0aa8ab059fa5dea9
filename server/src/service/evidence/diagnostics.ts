/**
 * Findings from the evidence, on the value they are about: a location that does not exist or
 * leaves the repository (on the location), a license found that disagrees with the declared
 * one (on the declared license, with the found ids as fixes), no license evidence at all, and a
 * license file that matches nothing well. Their weight follows the component's: an error only
 * where the verdict needs the component and what was found fails its test.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes, type DiagnosticData } from '../diagnostics/codes';
import { lookupLicense } from '../licenses';
import { requirement } from '../licenses/verdict';
import { codeSpan, listIds } from '../text/text';
import type { ParsedYamlDocument } from '../yaml/parse';
import { diagnostic } from '../yaml/spans';
import type { Evidence, FoundLicense, TargetEvidence } from './collect';
import { compareEvidence, disagrees, type FoundComparison } from './compare';
import type { EvidenceTarget } from './targets';
import { nameOf, shownUri } from './uris';

const EvidenceCodes = {
  notFound: Codes.locationNotFound,
  outsideRoot: Codes.locationOutsideRoot,
  mismatch: Codes.evidenceMismatch,
  noLicenseFile: Codes.evidenceNoLicenseFile,
  unrecognised: Codes.evidenceUnrecognised,
} as const;

/** A finding's severity as its component weighs: information for a dataset's terms, at most a warning for support. */
export function weighted(target: EvidenceTarget, severity: DiagnosticSeverity): DiagnosticSeverity {
  if (target.weight === 'informative') return DiagnosticSeverity.Information;
  if (target.weight === 'supporting' && severity === DiagnosticSeverity.Error) return DiagnosticSeverity.Warning;
  return severity;
}

/** A license's name with its id and what else is said of it: "the MIT License (`MIT`, 98% match)". */
export function licenseName(id: string, more = ''): string {
  const name = lookupLicense(id)?.name;
  const details = `${codeSpan(id)}${more ? `, ${more}` : ''}`;
  if (!name || name === id) return more ? `${codeSpan(id)} (${more})` : codeSpan(id);
  return `${/^the\b/i.test(name) ? '' : 'the '}${name} (${details})`;
}

/** "`./train/LICENSE` is the MIT License (`MIT`, 98% match)" — what one piece of evidence says. */
export function evidenceSentence(found: FoundLicense, comparison: FoundComparison | undefined, root: string): string {
  const where = codeSpan(shownUri(found.uri, root));
  if (found.source === 'spdx-header') return `${where} says \`SPDX-License-Identifier: ${found.expression}\``;
  if (found.source === 'package') return `${where} states ${codeSpan(found.expression ?? '')} (its license field)`;
  if (!comparison) return `${where}`;
  const confidence = comparison.confidence !== undefined ? `${Math.floor(comparison.confidence * 100)}% match` : '';
  const kind = found.identification?.kind;
  if (kind === 'notice')
    return (
      `${where} names ${comparison.ids.map((id) => licenseName(id)).join(' or ')}` +
      ` (a notice, without the license text)`
    );
  const also = comparison.ids.length > 1 ? `; the same text is ${listIds(comparison.ids.slice(1))}` : '';
  const part = kind === 'contains' ? ' holds' : ' is';
  return `${where}${part} ${licenseName(comparison.ids[0], confidence)}${also}`;
}

/** Makes a diagnostic over a span of the document. */
export type Make = (
  span: [number, number],
  severity: DiagnosticSeverity,
  code: string,
  message: string,
  d: DiagnosticData,
) => Diagnostic;

export function maker(parsed: ParsedYamlDocument): Make {
  return (span, severity, code, message, d) =>
    diagnostic(parsed.document, span[0], span[1], severity, code, message, d);
}

export function evidenceDiagnostics(
  parsed: ParsedYamlDocument,
  evidence: Evidence | undefined,
  extraOpen: readonly string[],
): Diagnostic[] {
  if (!evidence) return [];
  const out: Diagnostic[] = [];
  for (const item of evidence.items) out.push(...itemDiagnostics(parsed, item, evidence.root, extraOpen));
  return out;
}

function itemDiagnostics(
  parsed: ParsedYamlDocument,
  item: TargetEvidence,
  root: string,
  extraOpen: readonly string[],
): Diagnostic[] {
  const { target } = item;
  const at = target.location?.span ?? target.anchor;
  const data = (path: string, replacements?: string[]): DiagnosticData => ({
    path,
    ...(target.requirement ? { requirement: target.requirement } : {}),
    ...(replacements?.length ? { replacements } : {}),
  });
  const make = maker(parsed);
  const written = target.location ? codeSpan(target.location.text) : "The document's folder";
  switch (item.state) {
    case 'not-found':
      return [
        make(
          at,
          weighted(target, DiagnosticSeverity.Error),
          EvidenceCodes.notFound,
          `${written} does not exist in the release (looked for ${codeSpan(shownUri(item.resolved, root))} ` +
            `in the repository ${codeSpan(nameOf(root))}): ${target.label} cannot be ` +
            `obtained from this location.`,
          data(target.locationPath),
        ),
      ];
    case 'outside-root':
      return [
        make(
          at,
          DiagnosticSeverity.Warning,
          EvidenceCodes.outsideRoot,
          `${written} leads outside the repository ${codeSpan(nameOf(root))}, so it ` +
            `is not followed and nothing shows what it holds. Give a location inside ` +
            `the repository, or a URL.`,
          data(target.locationPath),
        ),
      ];
    case 'no-evidence': {
      if (target.ownFolderOnly) return [];
      const declared = target.declared
        ? ` that the declared ${codeSpan(target.declared.text)} is its license`
        : ' what its license is';
      return [
        make(
          at,
          weighted(target, DiagnosticSeverity.Warning),
          EvidenceCodes.noLicenseFile,
          `No license file, \`SPDX-License-Identifier:\` or package license found ` +
            `for ${written} (in ${codeSpan(shownUri(item.resolved, root))} or the folders ` +
            `above it, up to the repository root): nothing in the release shows${declared}. Add a LICENSE file.`,
          data(target.locationPath),
        ),
      ];
    }
    case 'found': {
      const out: Diagnostic[] = [];
      for (const found of item.found) {
        if (found.problem)
          out.push(
            make(
              at,
              DiagnosticSeverity.Information,
              EvidenceCodes.unrecognised,
              `${codeSpan(shownUri(found.uri, root))}: ${found.problem.replace(/^[^ ]+ /, '')}.`,
              data(target.locationPath),
            ),
          );
        else if (found.identification?.kind === 'unrecognised') {
          const closest = found.identification.closest.filter((c) => c.confidence >= 0.5);
          out.push(
            make(
              at,
              DiagnosticSeverity.Information,
              EvidenceCodes.unrecognised,
              `${codeSpan(shownUri(found.uri, root))} matches no license this checker ` +
                `knows well enough to name it` +
                closestCandidates(closest) +
                `: review it.`,
              data(target.locationPath),
            ),
          );
        }
      }
      if (!target.declared) return out;
      const comparisons = compareEvidence(item, extraOpen);
      const disagreeing = comparisons.filter(disagrees);
      if (disagreeing.length === 0) return out;
      const fails = disagreeing.some((c) => !c.passes);
      const severity = weighted(target, fails ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
      const said = disagreeing.map((c) => evidenceSentence(c.found, c, root)).join('; ');
      const failing = disagreeing.find((c) => !c.passes);
      const why = failing ? ` What was found does not pass: ${requirement(target.test)}` : '';
      const fixes = [...new Set(disagreeing.map((c) => (target.spell ? target.spell(c.ids[0]) : c.ids[0])))];
      out.push(
        make(
          target.declared.span,
          severity,
          EvidenceCodes.mismatch,
          `${target.label} is declared ${codeSpan(target.declared.text)}, but ${said}.${why}`,
          data(target.licensePath, fixes),
        ),
      );
      return out;
    }
  }
}

/** ` (closest: `MIT` 62%, …)`, or nothing. */
function closestCandidates(closest: ReadonlyArray<{ ids: readonly string[]; confidence: number }>): string {
  if (closest.length === 0) return '';
  return ` (closest: ${closest.map((c) => `${codeSpan(c.ids[0])} ${Math.round(c.confidence * 100)}%`).join(', ')})`;
}
