/**
 * AI model licenses have no SPDX text: each is told by passages of its own text — its title
 * and the date or version line that sets it apart from its siblings (Llama 3 from 3.1) — read
 * from the copy named beside it. A text holding every passage of an entry, in the words
 * `licenseWords` leaves, is that license. More specific entries come first (a research
 * agreement before the agreement whose title it extends).
 */
import { licenseWords } from './normalize';

export interface AiLicenseText {
  /** The id of the license recognised by name (licenses/restricted.ts, namedNotOpen.ts). */
  id: string;
  /** The copy the passages were read from. */
  source: string;
  matches(words: readonly string[]): boolean;
}

export function aiLicenseText(id: string, source: string, passages: readonly string[]): AiLicenseText {
  // Normalised on first use, like the SPDX index: a start that reads no license file pays nothing.
  let wanted: string[] | undefined;
  return {
    id,
    source,
    matches: (words) => {
      wanted ??= passages.map((p) => ` ${licenseWords(p).join(' ')} `);
      const joined = ` ${words.join(' ')} `;
      return wanted.every((p) => joined.includes(p));
    },
  };
}

const META = 'https://github.com/meta-llama/llama-models/blob/a9c89c471f793423afd4cc3ca8671d6e56fe64cb/models';
const QWEN = 'https://github.com/QwenLM/Qwen/blob/2df8e8ac450fa185c421a08b0090ef81826caa6e';

export const AI_LICENSE_TEXTS: readonly AiLicenseText[] = [
  aiLicenseText('llama2', 'https://github.com/meta-llama/llama/blob/689c7f261b9c5514636ecc3c5fefefcbb3e6eed7/LICENSE', [
    'LLAMA 2 COMMUNITY LICENSE AGREEMENT',
    'Llama 2 Version Release Date: July 18, 2023',
  ]),
  aiLicenseText(
    'llama3',
    'https://github.com/meta-llama/llama3/blob/a0940f9cf7065d45bb6675660f80d305c041a754/LICENSE',
    ['META LLAMA 3 COMMUNITY LICENSE AGREEMENT', 'Meta Llama 3 Version Release Date: April 18, 2024'],
  ),
  aiLicenseText('llama3.1', `${META}/llama3_1/LICENSE`, [
    'LLAMA 3.1 COMMUNITY LICENSE AGREEMENT',
    'Llama 3.1 Version Release Date: July 23, 2024',
  ]),
  aiLicenseText('llama3.2', `${META}/llama3_2/LICENSE`, [
    'LLAMA 3.2 COMMUNITY LICENSE AGREEMENT',
    'Llama 3.2 Version Release Date: September 25, 2024',
  ]),
  aiLicenseText('llama3.3', `${META}/llama3_3/LICENSE`, [
    'LLAMA 3.3 COMMUNITY LICENSE AGREEMENT',
    'Llama 3.3 Version Release Date: December 6, 2024',
  ]),
  aiLicenseText('llama4', `${META}/llama4/LICENSE`, [
    'LLAMA 4 COMMUNITY LICENSE AGREEMENT',
    'Llama 4 Version Effective Date: April 5, 2025',
  ]),
  aiLicenseText('gemma', 'https://ai.google.dev/gemma/terms', [
    'Gemma Terms of Use',
    '"Gemma" means the set of machine learning language models, trained model weights and parameters',
  ]),
  aiLicenseText('tongyi-qianwen-research', `${QWEN}/Tongyi%20Qianwen%20RESEARCH%20LICENSE%20AGREEMENT`, [
    'Tongyi Qianwen RESEARCH LICENSE AGREEMENT',
  ]),
  aiLicenseText('tongyi-qianwen', `${QWEN}/Tongyi%20Qianwen%20LICENSE%20AGREEMENT`, [
    'Tongyi Qianwen LICENSE AGREEMENT',
    'Tongyi Qianwen Release Date',
  ]),
  aiLicenseText(
    'yi-license',
    'https://github.com/01-ai/Yi/blob/90fe5676d3ec5f9e5b54601de4aa5f80a13d5f79/MODEL_LICENSE_AGREEMENT.txt',
    ['Yi Series Models Community License Agreement'],
  ),
  aiLicenseText(
    'deepseek',
    'https://github.com/deepseek-ai/DeepSeek-LLM/blob/6712a86bfb7dd25c73383c5ad2eb7a8db540258b/LICENSE-MODEL',
    ['DEEPSEEK LICENSE AGREEMENT', 'Section I: PREAMBLE'],
  ),
  aiLicenseText(
    'openrail++',
    'https://github.com/Stability-AI/stablediffusion/blob/cf1d67a6fd5ea1aa600c4df58e5b47da45f6bdbf/LICENSE-MODEL',
    ['CreativeML Open RAIL++-M License', 'dated November 24, 2022'],
  ),
  aiLicenseText(
    'creativeml-openrail-m',
    'https://github.com/CompVis/stable-diffusion/blob/21f890f9da3cfbeaba8e2ac3c425ee9e998d5229/LICENSE',
    ['CreativeML Open RAIL-M', 'dated August 22, 2022'],
  ),
  // Not in the test corpus (their texts live on Hugging Face or TII's site, not in git): their titles, from the copies
  // named.
  aiLicenseText('falcon-180b-tii-license-1.0', 'https://www.ollama.com/library/falcon:180b-text/blobs/8e8cf4b25d47', [
    'FALCON 180B TII LICENSE VERSION 1.0',
    'Use of Falcon180B for hosted services may require a separate license',
  ]),
  aiLicenseText('bigscience-bloom-rail-1.0', 'https://huggingface.co/spaces/bigscience/license', [
    'BigScience RAIL License v1.0',
    'dated May 19, 2022',
  ]),
  aiLicenseText('bigcode-openrail-m', 'https://huggingface.co/spaces/bigcode/bigcode-model-license-agreement', [
    'BigCode Open RAIL-M v1 License Agreement',
  ]),
  aiLicenseText(
    'apple-amlr',
    'https://github.com/apple/ml-fastvlm/blob/592b4add3c1c8a518e77d95dc6248e76c1dd591f/LICENSE_MODEL',
    ['This Apple Machine Learning Research Model is specifically developed and released by Apple Inc.'],
  ),
  aiLicenseText(
    'fair-noncommercial-research-license',
    'https://github.com/facebookresearch/spiritlm/blob/52fb2f4d585811450f192732a1c81760208b9fd0/LICENSE',
    [
      'FAIR Noncommercial Research License',
      'means the terms and conditions for use, reproduction, distribution and modification of the Research Materials',
    ],
  ),
];
