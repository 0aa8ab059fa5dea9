/**
 * Every online location of a document asked of its host, together (the client keeps each
 * host to a few requests at a time), each location once however often it is written.
 */
import { checkLocation, type OnlineResult } from './check';
import type { OnlineClient } from './client';
import type { OnlineEvidenceTarget } from './locations';

export interface OnlineItem {
  target: OnlineEvidenceTarget;
  result: OnlineResult;
  /** Answered from the per-user cache. */
  cached: boolean;
}

export interface OnlineEvidence {
  items: OnlineItem[];
  /** When the hosts were asked (ms). */
  checkedAt: number;
  /** No host could be reached at all: the checks were skipped, nothing is said about the locations. */
  offline: boolean;
}

export async function collectOnline(
  targets: readonly OnlineEvidenceTarget[],
  client: OnlineClient,
  signal?: AbortSignal,
): Promise<OnlineEvidence> {
  const asked = new Map<string, ReturnType<typeof checkLocation>>();
  const items = await Promise.all(
    targets.map(async (target): Promise<OnlineItem> => {
      const key = JSON.stringify(target.where);
      let checking = asked.get(key);
      if (!checking) {
        checking = checkLocation(target.where, client, signal);
        asked.set(key, checking);
      }
      const { result, cached } = await checking;
      return { target, result, cached };
    }),
  );
  const offline =
    items.length > 0 && items.every((i) => i.result.kind === 'unanswered' && i.result.reason === 'network');
  return { items, checkedAt: client.now(), offline };
}

/** What a target's online evidence depends on in the document: its component, location and declared license. */
function targetKey(target: OnlineEvidenceTarget): string {
  return `${target.locationPath}\u0000${target.location.text}\u0000${target.declared?.text ?? ''}`;
}

export function onlineKey(targets: readonly OnlineEvidenceTarget[]): string {
  return targets.map(targetKey).join('\u0001');
}

/** An earlier collection for this version's targets: each target as before keeps what its host said (new spans). */
export function reuseOnline(
  previous: OnlineEvidence | undefined,
  targets: readonly OnlineEvidenceTarget[],
): OnlineEvidence | undefined {
  if (!previous) return undefined;
  const before = new Map(previous.items.map((item) => [targetKey(item.target), item] as const));
  const items = targets.flatMap((target) => {
    const item = before.get(targetKey(target));
    return item ? [{ ...item, target }] : [];
  });
  return { ...previous, items };
}

/** Whether two collections say the same. */
export function sameOnline(a: OnlineEvidence | undefined, b: OnlineEvidence | undefined): boolean {
  const summary = (e: OnlineEvidence | undefined) =>
    JSON.stringify(e ? [e.offline, e.items.map((i) => [targetKey(i.target), i.result])] : null);
  return summary(a) === summary(b);
}
