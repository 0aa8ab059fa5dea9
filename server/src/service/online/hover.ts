/** What a host answered about a location, for the hover on it. */
import { codeSpan } from '../text/text';
import type { OnlineEvidence, OnlineItem } from './collect';
import { hostLicense, repositoryName } from './diagnostics';

function when(ms: number, cached: boolean): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC${cached ? ', from the cache' : ''}`;
}

const PATH_WORDS = { exists: 'is there', missing: 'is not there', unknown: 'could not be checked' } as const;

export function onlineHoverMarkdown(item: OnlineItem, online: OnlineEvidence): string {
  const lines = [`**Online** (asked ${when(online.checkedAt, item.cached)})`, ''];
  const { result } = item;
  const name = repositoryName(item);
  switch (result.kind) {
    case 'unanswered':
      lines.push(`Not checked: ${result.message}.`);
      break;
    case 'web':
      lines.push(
        result.state === 'reachable'
          ? `${codeSpan(result.url)} answers ${result.status}.`
          : result.state === 'restricted'
            ? `${codeSpan(result.url)} answers ${result.status}: only to signed-in callers.`
            : `${codeSpan(result.url)} answers ${result.status}: nothing is there.`,
      );
      break;
    case 'hub':
    case 'github': {
      const { finding } = result;
      if (finding.state !== 'exists') {
        const why: Record<string, string> = {
          'not-found': 'does not exist, or is private',
          'revision-not-found': 'has no such revision',
          disabled: 'is disabled',
          'gated-no-access': 'is gated, and your token has no access yet',
          forbidden: 'refused the request',
        };
        lines.push(`${name} ${why[finding.state] ?? finding.state}.`);
        break;
      }
      const facts: string[] = [];
      if (result.kind === 'hub' && finding.state === 'exists' && 'gated' in finding) {
        facts.push(finding.private ? 'private' : 'public');
        facts.push(
          finding.gated === false
            ? 'not gated'
            : `gated (${finding.gated === 'manual' ? 'the authors approve each request' : 'access granted at once'})`,
        );
      }
      if (result.kind === 'github' && 'archived' in finding && finding.archived) facts.push('archived');
      const license = hostLicense(item);
      const licenseText = license
        ? `license ${license.shown}`
        : result.kind === 'github' && 'license' in finding && finding.license === 'NOASSERTION'
          ? 'a license GitHub could not name (`NOASSERTION`)'
          : 'no license recorded';
      lines.push(`${name} exists: ${[...facts, licenseText].join(', ')}.`);
      if (result.path) {
        const path = item.target.where.host !== 'web' ? (item.target.where.path ?? '') : '';
        lines.push('', `${codeSpan(path)} ${PATH_WORDS[result.path]}.`);
      }
    }
  }
  return lines.join('\n');
}
