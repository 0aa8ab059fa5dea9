/**
 * What a format hands the online checks: each component whose location is on a host (a URL,
 * or a Hub id such as a card's `datasets` entry), with the license it declares — the evidence
 * target's fields, and where the host is asked.
 */
import type { Node } from 'yaml';
import type { EvidenceTarget } from '../evidence/targets';
import { statedValue } from '../evidence/targets';
import { scalarText } from '../yaml/nodes';
import { onlineTarget, type OnlineTarget } from './targets';

export interface OnlineEvidenceTarget extends EvidenceTarget {
  location: { text: string; span: [number, number] };
  where: OnlineTarget;
  /**
   * A listing entry (a card's `datasets`): what the host records for it is shown on the entry
   * even when nothing is declared to compare it with.
   */
  listing?: true;
}

/** A location a host can be asked about: a stated value that is an http(s) URL of a repository or any other page. */
export function onlineLocation(
  source: string,
  node: Node | null | undefined,
): { location: { text: string; span: [number, number] }; where: OnlineTarget } | undefined {
  const text = scalarText(node);
  if (text === undefined || !/^\s*https?:\/\//i.test(text)) return undefined;
  const where = onlineTarget(text);
  const location = where && statedValue(source, node);
  return where && location ? { location, where } : undefined;
}

/** A Hub repository id as cards write them (`owner/name`; older ids have no owner). */
const HUB_ID = /^(?:[\w.-]{1,96}\/)?[\w.-]{1,96}$/;

export function hubIdLocation(
  source: string,
  node: Node | null | undefined,
  kind: 'model' | 'dataset',
): { location: { text: string; span: [number, number] }; where: OnlineTarget } | undefined {
  const location = statedValue(source, node);
  if (!location) return undefined;
  if (/^https?:\/\//i.test(location.text)) return onlineLocation(source, node);
  if (!HUB_ID.test(location.text)) return undefined;
  return { location, where: { host: 'hub', kind, id: location.text } };
}

/** Where a target's location is shown to people: the URL as written, or the Hub page of an id. */
export function targetUrl(where: OnlineTarget, hubPage = 'https://huggingface.co'): string {
  switch (where.host) {
    case 'web':
      return where.url;
    case 'github':
      return `https://github.com/${where.owner}/${where.repo}`;
    case 'hub':
      return `${hubPage}/${where.kind === 'dataset' ? 'datasets/' : ''}${where.id}`;
  }
}
