/**
 * A card's evidence target: the license its metadata states, against a license file in the
 * card's own folder (a Hub repository's `LICENSE`). Only that folder: a card checked inside
 * another project must not be judged by the project's license. No file there is no finding —
 * on the Hub, the metadata is where a repository states its license.
 */
import type { EvidenceTarget } from '../evidence/targets';
import { isPlaceholder } from '../osaid/placeholders';
import type { ParsedYamlDocument } from '../yaml/parse';
import { innerSpan } from '../yaml/nodes';
import { readCard } from './card';
import { spdxOfHubId } from './hubLicenseMatch';
import type { CardKind } from './rules';
import { hubSpelling, statedTerms, WEIGHTS_PATH } from './weights';

export function cardEvidenceTargets(parsed: ParsedYamlDocument, kind: CardKind): EvidenceTarget[] {
  if (!parsed.yaml || parsed.value === undefined) return [];
  const card = readCard(parsed);
  const terms = kind === 'model' ? statedTerms(card) : card.license;
  const text = terms?.text;
  const span = innerSpan(parsed.text, terms?.node);
  const usable =
    text !== undefined && text.toLowerCase() !== 'unknown' && text.toLowerCase() !== 'other' && !isPlaceholder(text);
  const key = terms && (terms.key as { value?: unknown }).value === 'license_name' ? 'license_name' : 'license';
  return [
    {
      label: kind === 'model' ? `The weights (the card's \`${key}\`)` : `The dataset (the card's \`${key}\`)`,
      locationPath: key,
      licensePath: kind === 'model' ? WEIGHTS_PATH : 'license',
      ...(kind === 'model' ? { requirement: WEIGHTS_PATH } : {}),
      test: 'open',
      // The weights' terms decide a model card's verdict; a dataset's terms are reported, not required open.
      weight: kind === 'model' ? 'decides' : 'informative',
      ...(usable && span ? { declared: { text: spdxOfHubId(text.toLowerCase()) ?? text, span } } : {}),
      anchor:
        span ?? (card.license?.key.range ? [card.license.key.range[0], card.license.key.range[1]] : card.firstLine),
      ownFolderOnly: true,
      // A fix writes the Hub's id in `license`; `license_name` takes the name as SPDX writes it.
      ...(key === 'license' ? { spell: hubSpelling } : {}),
    },
  ];
}
