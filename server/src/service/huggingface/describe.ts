/**
 * A dataset card as a release description (aibom/release.ts): one dataset, under the license
 * its metadata states (the Hub's id written as SPDX where it is one), at its Hub address when
 * the card was read from the Hub.
 */
import type { ReleaseDescription } from '../aibom/release';
import { isPlaceholder } from '../osaid/placeholders';
import { onlineTarget } from '../online/targets';
import type { ParsedYamlDocument } from '../yaml/parse';
import { readCard } from './card';
import { spdxOfHubId } from './hubLicenseMatch';

export function describeDatasetCard(parsed: ParsedYamlDocument): ReleaseDescription | undefined {
  if (parsed.value === undefined) return undefined;
  const card = readCard(parsed);
  const value = parsed.value as Record<string, unknown> | null;
  const pretty =
    typeof value?.pretty_name === 'string' && value.pretty_name.trim() ? value.pretty_name.trim() : undefined;
  const hub = onlineTarget(parsed.document.uri);
  const id = hub?.host === 'hub' && hub.kind === 'dataset' ? hub.id : undefined;
  // `license` as a one-item list (seen on the Hub) states one license; several leave unsaid how they combine.
  const stated = card.license?.text ?? (card.licenseList.length === 1 ? card.licenseList[0].text : undefined);
  const license =
    stated && !isPlaceholder(stated) && stated !== 'other' && stated !== 'unknown'
      ? (spdxOfHubId(stated.toLowerCase()) ?? stated)
      : card.licenseName?.text;
  const name = pretty ?? id ?? 'dataset';
  return {
    name,
    subject: 'dataset',
    components: [
      {
        key: 'dataset',
        role: 'dataset',
        name,
        ...(id ? { location: `https://huggingface.co/datasets/${id}` } : {}),
        ...(license ? { license } : {}),
      },
    ],
  };
}
