/**
 * OSAID manifests (`osai.yaml`, `*.osai.yaml`): the release manifest this project defines,
 * checked against the OSAID 1.0 requirements table (osaid/requirements.ts) from which its
 * schema, hovers, completion and quick-fix skeletons are all derived.
 */
import { requirementFor } from '../../osaid/requirements';
import { verdictLens } from '../../verdict/verdict';
import { findDocumentSymbols } from '../../yaml/symbols';
import { DocumentFormat } from '../format';
import { manifestChecklist } from './checklist';
import { getCodeActions } from './codeActions';
import { doComplete } from './completion';
import { describeManifest } from './describe';
import { manifestEvidenceTargets, manifestOnlineTargets } from './evidence';
import { isManifestFileName, MANIFEST_LANGUAGE_ID } from './fileNames';
import { doHover } from './hover';
import { newManifestText } from './newManifest';
import { validate } from './validate';

export const manifestFormat: DocumentFormat = {
  id: 'osai',
  label: 'OSAID manifest',
  recognise: ({ uri, languageId }) => (languageId === MANIFEST_LANGUAGE_ID || isManifestFileName(uri) ? 'yes' : 'no'),
  validate: (parsed, settings) => validate(parsed, settings),
  hover: (parsed, position, settings) => doHover(parsed, position, settings),
  complete: (parsed, position, options) => doComplete(parsed, position, options),
  codeActions: (parsed, request) => getCodeActions(parsed, request),
  symbols: (parsed) => findDocumentSymbols(parsed, (path) => requirementFor(path)?.title),
  evidenceTargets: (parsed) => manifestEvidenceTargets(parsed),
  onlineTargets: (parsed) => manifestOnlineTargets(parsed),
  describeRelease: (parsed) => describeManifest(parsed),
  codeLenses: (parsed, diagnostics) => [verdictLens(manifestChecklist(parsed, diagnostics).verdict.title)],
  checklist: (parsed, diagnostics) => manifestChecklist(parsed, diagnostics),
  summary(parsed, diagnostics) {
    const { verdict } = manifestChecklist(parsed, diagnostics);
    return { verdict: { meets: verdict.meets, state: verdict.state, title: verdict.title }, headline: verdict.title };
  },
  newDocument: () => ({ languageId: MANIFEST_LANGUAGE_ID, text: newManifestText() }),
};
