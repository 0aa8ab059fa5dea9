/**
 * Findings from what the hosts answered, on the value they are about: a location that is not
 * there, gated, private or archived (on the location), a license the host records that is not
 * the declared one (on the declared license, the same rule as for the release's own files), and
 * — never an error on the release — what no host answered: one information for a run without a
 * connection or a host's used-up rate limit, one per location for the rest.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes, type DiagnosticData } from '../diagnostics/codes';
import type { TargetEvidence } from '../evidence/collect';
import { compareEvidence, disagrees } from '../evidence/compare';
import { licenseName, maker, weighted, type Make } from '../evidence/diagnostics';
import { spdxOfHubId } from '../huggingface/hubLicenseMatch';
import { licenseQualifies } from '../licenses';
import { requirement } from '../licenses/verdict';
import { codeSpan } from '../text/text';
import type { ParsedYamlDocument } from '../yaml/parse';
import type { Unanswered } from './check';
import type { OnlineEvidence, OnlineItem } from './collect';

const HOST_NAMES = { hub: 'the Hugging Face Hub', github: 'GitHub' } as const;

/** The license a host records, as an expression the license tests read; and how it is shown. */
export function hostLicense(item: OnlineItem): { expression: string; shown: string } | undefined {
  const { result } = item;
  if (result.kind === 'hub' && result.finding.state === 'exists') {
    const { license, licenseName: named } = result.finding;
    if (!license || license === 'unknown') return undefined;
    if (license === 'other')
      return named ? { expression: named, shown: `\`other\` with \`license_name: ${named}\`` } : undefined;
    return { expression: spdxOfHubId(license.toLowerCase()) ?? license, shown: codeSpan(license) };
  }
  if (result.kind === 'github' && result.finding.state === 'exists') {
    const { license } = result.finding;
    if (!license || license === 'NOASSERTION') return undefined;
    return { expression: license, shown: codeSpan(license) };
  }
  return undefined;
}

/** What a host records, as the evidence the local files would be: compared with the declaration by the same rule. */
export function hostEvidence(item: OnlineItem, recorded: { expression: string }): TargetEvidence {
  const { target } = item;
  return {
    target,
    state: 'found',
    resolved: target.location.text,
    found: [{ source: 'host', uri: target.location.text, expression: recorded.expression }],
  };
}

/** "`allenai/dolma` on the Hugging Face Hub", "`allenai/OLMo` on GitHub". */
export function repositoryName(item: OnlineItem): string {
  const { where } = item.target;
  if (where.host === 'hub') return `${codeSpan(where.id)} on ${HOST_NAMES.hub}`;
  if (where.host === 'github') return `${codeSpan(`${where.owner}/${where.repo}`)} on ${HOST_NAMES.github}`;
  return codeSpan(where.url);
}

function time(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

export function onlineDiagnostics(
  parsed: ParsedYamlDocument,
  online: OnlineEvidence | undefined,
  extraOpen: readonly string[],
): Diagnostic[] {
  if (!online || online.items.length === 0) return [];
  const make = maker(parsed);
  if (online.offline) {
    const first = online.items[0].target;
    const count = new Set(online.items.map((i) => i.target.location.text)).size;
    return [
      make(
        first.location.span,
        DiagnosticSeverity.Information,
        Codes.onlineSkipped,
        `Online checks skipped: no connection (${count} location${count === 1 ? '' : 's'} not checked). ` +
          'Nothing is said about them; the checks of the document itself are complete.',
        { path: first.locationPath },
      ),
    ];
  }
  const out: Diagnostic[] = [];
  // A host whose rate limit is used up gets one finding, on its first location, not one each.
  const limited = new Map<string, OnlineItem[]>();
  for (const item of online.items) {
    const r = item.result;
    if (r.kind === 'unanswered' && r.reason === 'rate-limited') {
      limited.set(r.host, [...(limited.get(r.host) ?? []), item]);
      continue;
    }
    out.push(...itemDiagnostics(item, extraOpen, make));
  }
  for (const [host, items] of limited) {
    const first = items[0];
    const r = first.result as Unanswered;
    const until = r.retryAfter !== undefined ? ` until ${time(online.checkedAt + r.retryAfter * 1000)}` : '';
    const token =
      first.target.where.host === 'github'
        ? ' A token (`GITHUB_TOKEN`) raises the limit.'
        : first.target.where.host === 'hub'
          ? ' A token (`HF_TOKEN`) raises the limit.'
          : '';
    out.push(
      make(
        first.target.location.span,
        DiagnosticSeverity.Information,
        Codes.onlineSkipped,
        `Online checks skipped for ${hostName(first, host)}: its rate limit is used up${until}, so ` +
          `${items.length} location${items.length === 1 ? ' was' : 's were'} not checked.${token}`,
        { path: first.target.locationPath },
      ),
    );
  }
  return out;
}

/** "GitHub (`api.github.com`)", "the Hugging Face Hub (`huggingface.co`)", or the host. */
function hostName(item: OnlineItem, host: string): string {
  const { where } = item.target;
  return where.host === 'web' ? codeSpan(host) : `${HOST_NAMES[where.host]} (${codeSpan(host)})`;
}

function itemDiagnostics(item: OnlineItem, extraOpen: readonly string[], make: Make): Diagnostic[] {
  const { target, result } = item;
  const at = target.location.span;
  const data = (path: string, replacements?: string[]): DiagnosticData => ({
    path,
    ...(target.requirement ? { requirement: target.requirement } : {}),
    ...(replacements?.length ? { replacements } : {}),
  });
  const written = codeSpan(target.location.text);
  const cannot = `${target.label} cannot be obtained from this location.`;
  const unreachable = (message: string) =>
    make(
      at,
      weighted(target, DiagnosticSeverity.Error),
      Codes.locationUnreachable,
      `${message} ${cannot}`,
      data(target.locationPath),
    );
  const { where } = target;
  switch (result.kind) {
    case 'unanswered':
      return [
        make(
          at,
          DiagnosticSeverity.Information,
          Codes.onlineUnanswered,
          `${written} was not checked online: ${result.message}.`,
          data(target.locationPath),
        ),
      ];
    case 'web':
      return result.state === 'not-found'
        ? [unreachable(`${written} answers ${result.status} (${result.status === 410 ? 'gone' : 'not found'}).`)]
        : [];
    case 'hub': {
      const { finding } = result;
      const kind = where.host === 'hub' ? where.kind : 'model';
      switch (finding.state) {
        case 'not-found':
          return [
            unreachable(
              `The Hugging Face Hub has no ${kind} repository ${repositoryId(item)}, or it is private ` +
                '(the Hub answers ' +
                'both alike to a caller without access).',
            ),
          ];
        case 'revision-not-found':
          return [unreachable(`${repositoryName(item)} has no revision ${codeSpan(revisionOf(item))}.`)];
        case 'disabled':
          return [unreachable(`${repositoryName(item)} is disabled by the Hub: nobody can download it.`)];
        case 'gated-no-access':
          return [gated(item, 'your token has not been granted access yet', make, data)];
        case 'exists': {
          const out: Diagnostic[] = [];
          if (result.path === 'missing')
            out.push(
              unreachable(`${repositoryName(item)} has no ${codeSpan(pathOf(item))} at ${codeSpan(revisionOf(item))}.`),
            );
          if (finding.private)
            out.push(
              make(
                at,
                weighted(target, DiagnosticSeverity.Error),
                Codes.locationRestricted,
                `${repositoryName(item)} is private: it was seen through your token, and nobody without access ` +
                  `can obtain ${target.label.replace(/^The /, 'the ')} from it.`,
                data(target.locationPath),
              ),
            );
          if (finding.gated)
            out.push(
              gated(
                item,
                finding.gated === 'manual'
                  ? 'its authors approve each request'
                  : 'access is granted at once, once a person has shared what the form asks',
                make,
                data,
              ),
            );
          out.push(...licenseDiagnostics(item, extraOpen, make, data));
          return out;
        }
      }
      return [];
    }
    case 'github': {
      const { finding } = result;
      if (finding.state === 'not-found')
        return [
          unreachable(
            `${HOST_NAMES.github} has no repository ${repositoryId(item)}, or it is private (GitHub answers both ` +
              'alike to a caller without access).',
          ),
        ];
      if (finding.state === 'forbidden')
        return [
          make(
            at,
            DiagnosticSeverity.Information,
            Codes.onlineUnanswered,
            `${written} was not checked online: GitHub refused the request (403).`,
            data(target.locationPath),
          ),
        ];
      const out: Diagnostic[] = [];
      if (result.path === 'missing')
        out.push(
          unreachable(`${repositoryName(item)} has no ${codeSpan(pathOf(item))} at ${codeSpan(revisionOf(item))}.`),
        );
      if (finding.archived)
        out.push(
          make(
            at,
            DiagnosticSeverity.Warning,
            Codes.locationArchived,
            `${repositoryName(item)} is archived: it is read-only and no longer maintained.`,
            data(target.locationPath),
          ),
        );
      if (finding.license === 'NOASSERTION')
        out.push(
          make(
            at,
            DiagnosticSeverity.Information,
            Codes.evidenceUnrecognised,
            `GitHub found a license file in ${repositoryId(item)} but could not name its license ` +
              '(`NOASSERTION`): review it.',
            data(target.locationPath),
          ),
        );
      out.push(...licenseDiagnostics(item, extraOpen, make, data));
      return out;
    }
  }
}

function repositoryId(item: OnlineItem): string {
  const { where } = item.target;
  return codeSpan(
    where.host === 'hub' ? where.id : where.host === 'github' ? `${where.owner}/${where.repo}` : where.url,
  );
}

function pathOf(item: OnlineItem): string {
  const { where } = item.target;
  return where.host === 'web' ? '' : (where.path ?? '');
}

function revisionOf(item: OnlineItem): string {
  const { where } = item.target;
  return where.host === 'hub' ? (where.revision ?? 'main') : where.host === 'github' ? (where.ref ?? 'HEAD') : '';
}

function gated(item: OnlineItem, how: string, make: Make, data: (path: string) => DiagnosticData): Diagnostic {
  const { target } = item;
  return make(
    target.location.span,
    weighted(target, DiagnosticSeverity.Warning),
    Codes.locationGated,
    `${repositoryName(item)} is gated: it is downloaded only after accepting conditions on the Hub (${how}). ` +
      'OSAID asks that the release can be used, studied, changed and shared without asking permission: read the ' +
      'conditions, they may stand between the release and open source AI.',
    data(target.locationPath),
  );
}

/**
 * The host's license against the declared one, as for a license file found in the release; a listing entry (a card's
 * dataset) shows it with whether it is open.
 */
function licenseDiagnostics(
  item: OnlineItem,
  extraOpen: readonly string[],
  make: Make,
  data: (path: string, replacements?: string[]) => DiagnosticData,
): Diagnostic[] {
  const { target } = item;
  const recorded = hostLicense(item);
  if (!recorded) return [];
  const host = target.where.host === 'hub' ? 'The Hub' : 'GitHub';
  const said = `${host} records ${recorded.shown}${licenseNameOf(recorded.expression)} for ${repositoryId(item)}`;
  if (!target.declared) {
    if (!target.listing) return [];
    const open = licenseQualifies(recorded.expression, target.test, { extraOpen });
    return [
      make(
        target.location.span,
        DiagnosticSeverity.Information,
        Codes.onlineHostLicense,
        `${said}: ${open ? 'open' : `not open. ${requirement(target.test)}`}`.replace(/([^.])$/, '$1.'),
        data(target.locationPath),
      ),
    ];
  }
  const disagreeing = compareEvidence(hostEvidence(item, recorded), extraOpen).filter(disagrees);
  if (disagreeing.length === 0) return [];
  const fails = disagreeing.some((c) => !c.passes);
  const why = fails ? ` What the host records does not pass: ${requirement(target.test)}` : '';
  const fixes = [...new Set(disagreeing.map((c) => (target.spell ? target.spell(c.ids[0]) : c.ids[0])))];
  return [
    make(
      target.declared.span,
      weighted(target, fails ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning),
      Codes.evidenceMismatch,
      `${target.label} is declared ${codeSpan(target.declared.text)}, but ${said.replace(/^The Hub/, 'the Hub')}.${why}`,
      data(target.licensePath, fixes),
    ),
  ];
}

/** " (the Apache License 2.0)" for a known id, else nothing. */
function licenseNameOf(expression: string): string {
  const named = licenseName(expression);
  return named === codeSpan(expression) ? '' : ` (${named.replace(/ \(`[^`]*`\)$/, '')})`;
}
