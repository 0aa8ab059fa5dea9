/**
 * A card's evidence target: the license its metadata states, against a license file in the
 * card's own folder (a Hub repository's `LICENSE`). Only that folder: a card checked inside
 * another project must not be judged by the project's license. No file there is no finding —
 * on the Hub, the metadata is where a repository states its license.
 */
import type { EvidenceTarget } from '../evidence/targets';
import { hubIdLocation, targetUrl, type OnlineEvidenceTarget } from '../online/locations';
import { onlineTarget } from '../online/targets';
import { codeSpan } from '../text/text';
import { isPlaceholder } from '../osaid/placeholders';
import type { ParsedYamlDocument } from '../yaml/parse';
import { innerSpan } from '../yaml/nodes';
import { readCard, type CardFacts } from './card';
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

/**
 * A card's online targets: the card's own repository when the card was read from the Hub (its
 * URI is the Hub's: `osai-check hf:org/model`), each `base_model` and each listed dataset.
 */
export function cardOnlineTargets(parsed: ParsedYamlDocument, kind: CardKind): OnlineEvidenceTarget[] {
  if (!parsed.yaml || parsed.value === undefined) return [];
  const card = readCard(parsed);
  const targets: OnlineEvidenceTarget[] = [];
  const own = onlineTarget(parsed.document.uri);
  if (own?.host === 'hub' && own.kind === kind) {
    const [local] = cardEvidenceTargets(parsed, kind);
    const where = { host: 'hub' as const, kind, id: own.id, ...(own.revision ? { revision: own.revision } : {}) };
    targets.push({
      ...local,
      ownFolderOnly: undefined,
      location: { text: targetUrl(where), span: local.anchor },
      where,
    });
  }
  const listed = (items: CardFacts['datasets'], listedKind: 'model' | 'dataset', label: string) => {
    for (const { id, node } of items) {
      const located = hubIdLocation(parsed.text, node, listedKind);
      if (!located) continue;
      targets.push({
        label: `${label} ${codeSpan(id)}`,
        locationPath: listedKind === 'dataset' ? 'datasets' : 'base_model',
        // The card checklist's listing of training data.
        ...(listedKind === 'dataset' ? { requirement: 'data_information.training_data' } : {}),
        licensePath: listedKind === 'dataset' ? 'datasets' : 'base_model',
        test: 'open',
        // A listed dataset that is not there, or gated, is a warning: the listing says where to obtain the data.
        weight: listedKind === 'dataset' ? 'supporting' : 'informative',
        anchor: located.location.span,
        listing: true,
        ...located,
      });
    }
  };
  if (kind === 'model') {
    listed(card.datasets, 'dataset', 'The training dataset');
    listed(card.baseModels, 'model', 'The base model');
  }
  return targets;
}
