/**
 * Licenses recognised by name that fail for a reason other than a use restriction (see
 * `named.ts`): non-commercial or research-only grants, no right to redistribute, or
 * permissive terms nobody has reviewed. They are `license/not-osi-approved` for code and
 * `license/not-open` for parameters, data information and documentation.
 *
 * `url` is the text that was read to write `restriction`; the comment above each entry
 * says which clause decides it.
 */
import type { NamedLicense } from './types';

export const NAMED_NOT_OPEN_LICENSES: readonly NamedLicense[] = Object.freeze([
  {
    // Read: QwenLM/Qwen "Tongyi Qianwen RESEARCH LICENSE AGREEMENT" (release date 2023-11-30), §1(i), §2, §4(b).
    id: 'tongyi-qianwen-research',
    kind: 'non-commercial',
    name: 'Tongyi Qianwen Research License Agreement',
    url: 'https://github.com/QwenLM/Qwen/blob/2df8e8ac450fa185c421a08b0090ef81826caa6e/Tongyi%20Qianwen%20RESEARCH%20LICENSE%20AGREEMENT',
    restriction:
      'research or evaluation purposes only; commercial use needs a separate ' +
      'licence; no use to improve other large language models',
    huggingFace: [],
    licenseNames: ['tongyi-qianwen-research'],
    scancode: [],
    spellings: ['Tongyi Qianwen RESEARCH LICENSE AGREEMENT', 'Tongyi Qianwen Research License'],
  },
  {
    // "Qwen RESEARCH LICENSE AGREEMENT" (release date 2024-09-19, Qwen2.5-3B and Qwen2.5-Coder-3B): the
    // Tongyi Qianwen research agreement under the Qwen name; its "Non-Commercial" definition and the
    // "FOR NON-COMMERCIAL PURPOSES ONLY" grant were checked against the LICENSE file on the Hub.
    id: 'qwen-research',
    kind: 'non-commercial',
    name: 'Qwen Research License Agreement',
    url: 'https://huggingface.co/Qwen/Qwen2.5-Coder-3B-Instruct/blob/main/LICENSE',
    restriction: 'research or evaluation purposes only; commercial use needs a separate licence',
    huggingFace: [],
    licenseNames: ['qwen-research'],
    scancode: [],
    spellings: ['Qwen RESEARCH LICENSE AGREEMENT', 'Qwen Research License'],
  },
  {
    // Read: facebookresearch/metaseq projects/OPT/MODEL_LICENSE.md, §1(a), §2(a), §7(b).
    id: 'opt-175b',
    kind: 'non-commercial',
    name: 'OPT-175B License Agreement',
    url: 'https://github.com/facebookresearch/metaseq/blob/67a3a81165f78f9d1843900749d4727e41e88fef/projects/OPT/MODEL_LICENSE.md',
    restriction:
      'non-commercial research purposes only; no military, surveillance or ' +
      'biometric-processing use; Meta may revoke it at any time',
    huggingFace: [],
    scancode: [],
    spellings: ['OPT-175B License', 'OPT-175B License Agreement', 'OPT-175B license'],
  },
  {
    // Read: facebookresearch/MobileLLM LICENSE, "FAIR Noncommercial Research License" (2025-04-10), §1(b)(i) and (iv).
    id: 'fair-noncommercial-research-license',
    kind: 'non-commercial',
    name: 'FAIR Noncommercial Research License',
    url: 'https://github.com/facebookresearch/MobileLLM/blob/8b9769db377dc1f67ab967cfc11b08cb06feeffc/LICENSE',
    restriction: 'noncommercial research uses only; FAIR acceptable-use policy',
    huggingFace: ['fair-noncommercial-research-license'],
    licenseNames: ['fair-noncommercial-research'],
    scancode: [],
    spellings: ['FAIR Noncommercial Research License v1', 'FAIR Non-Commercial Research License'],
  },
  {
    // Read: apple/ml-fastvlm LICENSE_MODEL, "License Scope" (the Hub calls it "Apple Model License for Research").
    id: 'apple-amlr',
    kind: 'non-commercial',
    name: 'Apple Machine Learning Research Model License Agreement',
    url: 'https://github.com/apple/ml-fastvlm/blob/592b4add3c1c8a518e77d95dc6248e76c1dd591f/LICENSE_MODEL',
    restriction:
      'research purposes only: non-commercial scientific research, no ' +
      'commercial exploitation, product development or use in a commercial product',
    huggingFace: ['apple-amlr'],
    scancode: [],
    spellings: ['Apple Model License for Research', 'Apple Machine Learning Research Model License'],
  },
  {
    // Microsoft Research License Terms as published with Phi-1.5 and Phi-2 (the cards' license_link, a .docx):
    // non-commercial research purposes, and §1(c) "you may use the model(s), but you may not distribute the
    // models" (quoted in the discussion on microsoft/phi-2). Other Microsoft Research License Terms
    // (CNTK 1-bit SGD, MIND) also grant non-commercial use only.
    id: 'microsoft-research-license',
    kind: 'non-commercial',
    name: 'Microsoft Research License Terms',
    url: 'https://huggingface.co/microsoft/phi-1_5/resolve/main/Research%20License.docx',
    restriction:
      'non-commercial research purposes only; the terms published with ' +
      'Phi-1.5 and Phi-2 also forbid distributing the models',
    huggingFace: [],
    licenseNames: ['microsoft-research-license'],
    scancode: [],
    spellings: ['Microsoft Research License', 'Microsoft Research License Agreement', 'MSR-LA'],
  },
  {
    // Read: Stability-AI/StableCascade WEIGHTS_LICENSE (2023-11-28), definition of "Non-Commercial Uses", §1(a) and
    // (b).
    id: 'sai-nc-community',
    kind: 'non-commercial',
    name: 'Stability AI Non-Commercial Research Community License Agreement',
    url: 'https://github.com/Stability-AI/StableCascade/blob/7a7d341f729ccaa042920a1fac3e7b9326079aca/WEIGHTS_LICENSE',
    restriction:
      'non-commercial uses only: no production use and no hosted service or ' +
      'API for third parties; acceptable-use policy',
    huggingFace: [],
    licenseNames: ['sai-nc-community', 'stable-cascade-nc-community'],
    scancode: [],
    spellings: [
      'Stability AI Non-Commercial Research Community License',
      'Stable Non-Commercial Research Community License Agreement',
    ],
  },
  {
    // The licence text could not be found; the Hub lists it (Hub id h-research) among the research-only licences.
    id: 'h-research',
    kind: 'non-commercial',
    name: 'H Research License',
    url: 'https://huggingface.co/docs/hub/repositories-licenses',
    restriction:
      'a research licence (its text was not reviewed here; the Hub lists it with the research-only licences)',
    huggingFace: ['h-research'],
    scancode: [],
    spellings: [],
  },
  {
    // Read: Intel/llava-gemma-7b LICENSE.md, §2 and §2.1.
    id: 'intel-research',
    kind: 'non-commercial',
    name: 'Intel Research Use License Agreement',
    url: 'https://huggingface.co/Intel/llava-gemma-7b/blob/main/LICENSE.md',
    restriction: 'research purposes only, with no right to modify and no reverse engineering',
    huggingFace: ['intel-research'],
    scancode: [],
    spellings: ['Intel Research Use License', 'Intel Research License'],
  },
  {
    // Read: arxiv.org/licenses/nonexclusive-distrib/1.0/ — the submitter grants arXiv.org "a perpetual,
    // non-exclusive license to distribute this article"; nothing is granted to readers. arXiv treats the
    // licence assumed for submissions before 2004 (licenses/assumed-1991-2003/) as equivalent.
    id: 'arxiv-nonexclusive-distrib-1.0',
    kind: 'no-redistribution',
    name: 'arXiv.org perpetual, non-exclusive license to distribute',
    url: 'https://arxiv.org/licenses/nonexclusive-distrib/1.0/license.html',
    restriction:
      'grants arXiv alone the right to distribute the article; readers get no right to modify or redistribute it',
    huggingFace: [],
    scancode: [],
    spellings: [
      'arXiv.org perpetual, non-exclusive license to distribute this article',
      'arXiv.org perpetual, non-exclusive license',
      'arXiv.org perpetual, non-exclusive license 1.0',
      'arXiv.org - Non-exclusive license to distribute',
      'arXiv.org - Non-exclusive license',
      'arXiv non-exclusive license to distribute',
      'arXiv non-exclusive license',
      'arXiv non-exclusive distribution license',
      'arxiv-non-excluse-1.0',
      'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
      'https://arxiv.org/licenses/nonexclusive-distrib/1.0/',
      'arxiv.org/licenses/nonexclusive-distrib/1.0',
      'arXiv.org - Assumed non-exclusive license to distribute',
      'http://arxiv.org/licenses/assumed-1991-2003/',
    ],
  },
  {
    // Read: the Apple sample-code notice (apple/ml-fastvlm LICENSE, same text on apple/OpenELM): "use,
    // reproduce, modify and redistribute the Apple Software, with or without modifications"; no patent
    // licence. The text is SPDX's `AML` (Apple MIT License) with Apple Inc. as licensor.
    id: 'apple-ascl',
    kind: 'permissive',
    name: 'Apple Sample Code License',
    url: 'https://github.com/apple/ml-fastvlm/blob/592b4add3c1c8a518e77d95dc6248e76c1dd591f/LICENSE',
    restriction:
      'use, copy, modify and redistribute with the notice kept, but no patent ' +
      'licence; the same terms as SPDX `AML` (Apple MIT License)',
    huggingFace: ['apple-ascl'],
    licenseNames: ['apple-sample-code-license'],
    scancode: [],
    spellings: [],
  },
]);
