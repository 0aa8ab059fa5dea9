/**
 * `osai-check hf:org/model`: a card on the Hugging Face Hub as a target. The card is the
 * repository's README.md at a revision, downloaded where huggingface_hub downloads files
 * (`{endpoint}/{repo}/resolve/{revision}/README.md`, datasets under `datasets/`), and checked
 * under the Hub's own URL for it, so that the card's own repository is checked online too.
 */
import type { OnlineClient } from '../service';
import { onlineTarget } from '../service/online/targets';

export interface HubSource {
  kind: 'model' | 'dataset';
  id: string;
  revision: string;
  /** As the target was written (shown in the output). */
  shown: string;
}

/** A Hub repository id: `owner/name` (older ids have no owner). */
const HUB_ID = /^(?:[\w.-]{1,96}\/)?[\w.-]{1,96}$/;

/** The Hub card a target names (`hf:org/model`, `hf:datasets/org/name`, a Hub URL), or an error for one it cannot. */
export function hubSource(target: string, revision: string | undefined): HubSource | { error: string } | undefined {
  if (/^hf:/i.test(target)) {
    const rest = target.slice(3).replace(/^\/+/, '').replace(/\/+$/, '');
    const dataset = /^datasets\//.test(rest);
    const id = rest.replace(/^(?:datasets|models)\//, '');
    if (!HUB_ID.test(id))
      return { error: `${target} names no Hub repository (write hf:<owner>/<model> or hf:datasets/<owner>/<name>)` };
    return { kind: dataset ? 'dataset' : 'model', id, revision: revision ?? 'main', shown: target };
  }
  if (!/^https?:\/\//i.test(target)) return undefined;
  const where = onlineTarget(target);
  if (where?.host !== 'hub')
    return {
      error: `${target} is not a model or dataset on the Hugging Face Hub (https://huggingface.co/<owner>/<model>)`,
    };
  return { kind: where.kind, id: where.id, revision: revision ?? where.revision ?? 'main', shown: target };
}

/** The Hub's page of the card: the URI it is checked under. */
export function hubCardUri(source: Pick<HubSource, 'kind' | 'id' | 'revision'>): string {
  const prefix = source.kind === 'dataset' ? 'datasets/' : '';
  return `https://huggingface.co/${prefix}${source.id}/blob/${encodeURIComponent(source.revision)}/README.md`;
}

export type CardDownload = { kind: 'card'; text: string } | { kind: 'error'; message: string };

/** The card's text, or why there is none (as huggingface_hub tells a missing repository from a missing file). */
export async function downloadCard(
  source: Pick<HubSource, 'kind' | 'id' | 'revision'>,
  client: OnlineClient,
  maxBytes: number,
): Promise<CardDownload> {
  const prefix = source.kind === 'dataset' ? 'datasets/' : '';
  const id = source.id.split('/').map(encodeURIComponent).join('/');
  const url = `${client.config.hubEndpoint}/${prefix}${id}/resolve/${encodeURIComponent(source.revision)}/README.md`;
  const outcome = await client.fetch(url, { maxBytes });
  const what = `${source.kind === 'dataset' ? 'dataset' : 'model'} ${source.id}`;
  if (outcome.kind === 'failed') {
    const why =
      outcome.reason === 'network'
        ? `cannot reach ${new URL(url).host} (no connection)`
        : outcome.reason === 'too-large'
          ? `its README.md is larger than ${maxBytes.toLocaleString('en-US')} bytes (raise --max-file-size)`
          : outcome.message;
    return { kind: 'error', message: `the card of ${what} could not be downloaded: ${why}` };
  }
  const { status, headers, body } = outcome.answer;
  if (status >= 200 && status < 300) return { kind: 'card', text: body };
  const code = headers['x-error-code'];
  if (code === 'EntryNotFound' || (status === 404 && code !== 'RepoNotFound' && code !== 'RevisionNotFound'))
    return { kind: 'error', message: `${what} has no README.md (no card) at ${source.revision}` };
  if (code === 'RevisionNotFound') return { kind: 'error', message: `${what} has no revision ${source.revision}` };
  if (code === 'GatedRepo')
    return { kind: 'error', message: `${what} is gated: accept its conditions on the Hub, and set HF_TOKEN` };
  if (headers['x-error-message'] === 'Access to this resource is disabled.')
    return { kind: 'error', message: `${what} is disabled by the Hub` };
  if (status === 401 || status === 404 || code === 'RepoNotFound')
    return {
      kind: 'error',
      message: `the Hub has no ${what}, or it is private (set HF_TOKEN to a token that can read it)`,
    };
  return { kind: 'error', message: `the Hub answered ${status} for the card of ${what}` };
}
