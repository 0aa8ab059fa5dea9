/** What the hosts answered, as plain data (the command line's JSON): one entry per location. */
import type { OnlineEvidence } from './collect';
import { hostLicense } from './diagnostics';

export interface OnlineDescription {
  /** The location as written, and its line (1-based). */
  location: string;
  line: number;
  host: 'hub' | 'github' | 'web';
  /**
   * `exists`, `not-found` (also a missing revision, file or folder, a repository the Hub disabled, a page answering 404
   * or 410), `restricted` (a page only for signed-in callers), `unanswered`.
   */
  state: 'exists' | 'not-found' | 'restricted' | 'unanswered';
  gated?: 'auto' | 'manual';
  private?: boolean;
  archived?: boolean;
  /** The license the host records (the Hub's id, `other` with its name, GitHub's SPDX id or `NOASSERTION`). */
  license?: string;
  /** Why nothing was said (`unanswered`). */
  reason?: string;
  /** Answered from the per-user cache. */
  cached: boolean;
}

export function describeOnline(online: OnlineEvidence, lineOf: (offset: number) => number): OnlineDescription[] {
  return online.items.map((item): OnlineDescription => {
    const { result, target } = item;
    const base = {
      location: target.location.text,
      line: lineOf(target.location.span[0]) + 1,
      host: target.where.host,
      cached: item.cached,
    };
    if (result.kind === 'unanswered') return { ...base, state: 'unanswered', reason: result.reason };
    if (result.kind === 'web') return { ...base, state: result.state === 'reachable' ? 'exists' : result.state };
    const { finding } = result;
    if (finding.state === 'gated-no-access') return { ...base, state: 'exists', gated: 'manual' };
    if (finding.state === 'forbidden') return { ...base, state: 'unanswered', reason: 'forbidden' };
    if (finding.state !== 'exists') return { ...base, state: 'not-found' };
    const recorded = hostLicense(item);
    const license =
      result.kind === 'github' && 'license' in finding && finding.license === 'NOASSERTION'
        ? 'NOASSERTION'
        : recorded?.shown.replace(/`/g, '');
    return {
      ...base,
      state: result.path === 'missing' ? 'not-found' : 'exists',
      ...('gated' in finding && finding.gated ? { gated: finding.gated } : {}),
      ...('private' in finding && finding.private ? { private: true } : {}),
      ...('archived' in finding && finding.archived ? { archived: true } : {}),
      ...(license ? { license } : {}),
    };
  });
}
