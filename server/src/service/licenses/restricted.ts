/**
 * AI-specific licenses with use restrictions, recognised by name. None has an
 * SPDX id; they are matched by Hugging Face id, ScanCode `LicenseRef-scancode-…`
 * id or common free-text spelling, case-insensitively and ignoring punctuation.
 * None of them passes either test: each limits who may use the model or for what.
 */
import { compactKey } from './normalize';

export interface RestrictedLicense {
  /** Stable id: the Hugging Face id when there is one. */
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** The restriction, in a few words. */
  readonly restriction: string;
  readonly huggingFace: readonly string[];
  readonly scancode: readonly string[];
  /** Other spellings seen in the wild. */
  readonly spellings: readonly string[];
}

const LLAMA_CLAUSES = 'acceptable-use policy; 700-million-monthly-active-user clause';
const RAIL_CLAUSES = 'behavioural use restrictions that must be passed on to every derivative';

export const RESTRICTED_LICENSES: readonly RestrictedLicense[] = Object.freeze([
  {
    id: 'llama2',
    name: 'Llama 2 Community License Agreement',
    url: 'https://ai.meta.com/llama/license/',
    restriction: `${LLAMA_CLAUSES}; no use to improve other large language models`,
    huggingFace: ['llama2'],
    scancode: ['LicenseRef-scancode-llama-2-license-2023'],
    spellings: ['Llama 2 Community License', 'Llama 2 Community License Agreement', 'LLAMA 2 COMMUNITY LICENSE AGREEMENT', 'Meta Llama 2 Community License', 'Llama 2 License'],
  },
  {
    id: 'llama3',
    name: 'Meta Llama 3 Community License Agreement',
    url: 'https://github.com/meta-llama/llama3/blob/main/LICENSE',
    restriction: `${LLAMA_CLAUSES}; no use to improve other large language models`,
    huggingFace: ['llama3'],
    scancode: ['LicenseRef-scancode-llama-3-license-2024'],
    spellings: ['Llama 3 Community License', 'Llama 3 Community License Agreement', 'META LLAMA 3 COMMUNITY LICENSE AGREEMENT', 'Meta Llama 3 Community License', 'Llama 3 License'],
  },
  {
    id: 'llama3.1',
    name: 'Llama 3.1 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama3.1'],
    scancode: ['LicenseRef-scancode-llama-3.1-license-2024'],
    spellings: ['Llama 3.1 Community License', 'Llama 3.1 Community License Agreement', 'LLAMA 3.1 COMMUNITY LICENSE AGREEMENT', 'Llama 3.1 License'],
  },
  {
    id: 'llama3.2',
    name: 'Llama 3.2 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama3.2'],
    scancode: ['LicenseRef-scancode-llama-3.2-license-2024'],
    spellings: ['Llama 3.2 Community License', 'Llama 3.2 Community License Agreement', 'LLAMA 3.2 COMMUNITY LICENSE AGREEMENT', 'Llama 3.2 License'],
  },
  {
    id: 'llama3.3',
    name: 'Llama 3.3 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama3.3'],
    scancode: ['LicenseRef-scancode-llama-3.3-license-2024'],
    spellings: ['Llama 3.3 Community License', 'Llama 3.3 Community License Agreement', 'LLAMA 3.3 COMMUNITY LICENSE AGREEMENT', 'Llama 3.3 License'],
  },
  {
    id: 'llama4',
    name: 'Llama 4 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama4'],
    scancode: ['LicenseRef-scancode-llama-4-license-2025'],
    spellings: ['Llama 4 Community License', 'Llama 4 Community License Agreement', 'LLAMA 4 COMMUNITY LICENSE AGREEMENT', 'Llama 4 License'],
  },
  {
    id: 'llama-license-2023',
    name: 'LLaMA License Agreement (first LLaMA release)',
    url: 'https://github.com/facebookresearch/llama',
    restriction: 'non-commercial research use only',
    huggingFace: [],
    scancode: ['LicenseRef-scancode-llama-license-2023'],
    spellings: ['LLaMA License', 'LLaMA License Agreement'],
  },
  {
    id: 'gemma',
    name: 'Gemma Terms of Use',
    url: 'https://ai.google.dev/gemma/terms',
    restriction: 'prohibited-use policy that the licensor may update; restrictions carry over to derivatives',
    huggingFace: ['gemma'],
    scancode: [],
    spellings: ['Gemma Terms of Use', 'Gemma License', 'Gemma Terms', 'Google Gemma Terms of Use'],
  },
  {
    id: 'openrail',
    name: 'OpenRAIL license family',
    url: 'https://www.licenses.ai/',
    restriction: RAIL_CLAUSES,
    huggingFace: ['openrail'],
    scancode: [],
    spellings: ['OpenRAIL', 'Open RAIL', 'Open Responsible AI License', 'RAIL', 'Responsible AI License'],
  },
  {
    id: 'openrail-m',
    name: 'OpenRAIL-M License',
    url: 'https://www.licenses.ai/ai-pubs-open-railm-vz1',
    restriction: RAIL_CLAUSES,
    huggingFace: [],
    scancode: [],
    spellings: ['OpenRAIL-M', 'Open RAIL-M', 'AI Pubs Open RAIL-M'],
  },
  {
    id: 'openrail++',
    name: 'CreativeML OpenRAIL++-M License',
    url: 'https://huggingface.co/stabilityai/stable-diffusion-2/blob/main/LICENSE-MODEL',
    restriction: RAIL_CLAUSES,
    huggingFace: ['openrail++'],
    scancode: [],
    spellings: ['OpenRAIL++', 'OpenRAIL++-M', 'Open RAIL++-M', 'CreativeML Open RAIL++-M'],
  },
  {
    id: 'creativeml-openrail-m',
    name: 'CreativeML OpenRAIL-M License',
    url: 'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
    restriction: RAIL_CLAUSES,
    huggingFace: ['creativeml-openrail-m'],
    scancode: [],
    spellings: ['CreativeML OpenRAIL-M', 'CreativeML Open RAIL-M', 'Creative ML OpenRAIL-M'],
  },
  {
    id: 'bigscience-openrail-m',
    name: 'BigScience OpenRAIL-M License',
    url: 'https://bigscience.huggingface.co/blog/bigscience-openrail-m',
    restriction: RAIL_CLAUSES,
    huggingFace: ['bigscience-openrail-m'],
    scancode: ['LicenseRef-scancode-bigscience-open-rail-m'],
    spellings: ['BigScience OpenRAIL-M', 'BigScience Open RAIL-M'],
  },
  {
    id: 'bigscience-bloom-rail-1.0',
    name: 'BigScience BLOOM RAIL License v1.0',
    url: 'https://huggingface.co/spaces/bigscience/license',
    restriction: RAIL_CLAUSES,
    huggingFace: ['bigscience-bloom-rail-1.0'],
    scancode: ['LicenseRef-scancode-bigscience-rail-1.0'],
    spellings: ['BigScience BLOOM RAIL 1.0', 'BigScience RAIL License v1.0', 'BigScience RAIL 1.0', 'BLOOM RAIL 1.0'],
  },
  {
    id: 'bigcode-openrail-m',
    name: 'BigCode OpenRAIL-M License v1',
    url: 'https://huggingface.co/spaces/bigcode/bigcode-model-license-agreement',
    restriction: RAIL_CLAUSES,
    huggingFace: ['bigcode-openrail-m'],
    scancode: ['LicenseRef-scancode-bigcode-open-rail-m-v1'],
    spellings: ['BigCode OpenRAIL-M', 'BigCode Open RAIL-M', 'BigCode Open RAIL-M v1', 'CodeML OpenRAIL-M'],
  },
  {
    id: 'deepfloyd-if-license',
    name: 'DeepFloyd IF Research License Agreement',
    url: 'https://huggingface.co/spaces/DeepFloyd/deepfloyd-if-license',
    restriction: 'non-commercial research use only',
    huggingFace: ['deepfloyd-if-license'],
    scancode: [],
    spellings: ['DeepFloyd IF License', 'DeepFloyd IF Research License', 'DeepFloyd IF Research License Agreement'],
  },
  {
    id: 'grok2',
    name: 'Grok 2 Community License Agreement',
    url: 'https://huggingface.co/xai-org/grok-2/blob/main/LICENSE',
    restriction: 'acceptable-use policy; no use to build or improve other AI models',
    huggingFace: ['grok2', 'grok-2', 'grok2-community'],
    scancode: [],
    spellings: ['Grok 2 Community License', 'Grok 2 Community License Agreement', 'Grok-2 Community License'],
  },
]);

function buildIndex(): ReadonlyMap<string, RestrictedLicense> {
  const map = new Map<string, RestrictedLicense>();
  for (const entry of RESTRICTED_LICENSES) {
    for (const spelling of [entry.id, entry.name, ...entry.huggingFace, ...entry.scancode, ...entry.spellings]) {
      const key = compactKey(spelling);
      const existing = map.get(key);
      if (existing && existing !== entry) throw new Error(`restricted-license spelling clash: ${spelling}`);
      map.set(key, entry);
    }
  }
  return map;
}

/** Compact key → restricted license. */
export const RESTRICTED_BY_KEY: ReadonlyMap<string, RestrictedLicense> = buildIndex();

/** The restricted AI license `text` names, if any. */
export function lookupRestricted(text: string): RestrictedLicense | undefined {
  const key = compactKey(text);
  return key.length > 0 ? RESTRICTED_BY_KEY.get(key) : undefined;
}
