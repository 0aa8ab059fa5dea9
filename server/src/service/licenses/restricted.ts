/**
 * AI-specific licenses with use restrictions, recognised by name (kind `use-restricted`,
 * see `named.ts`). None has an SPDX id; they are matched by Hugging Face id, `license_name`
 * value, ScanCode `LicenseRef-scancode-…` id or common free-text spelling,
 * case-insensitively and ignoring punctuation. None of them passes either test: each
 * limits who may use the model or for what, and is reported as `license/restricted`.
 *
 * `url` is the text that was read to write `restriction`.
 */
import type { NamedLicense } from './types';

/** A license with use restrictions (the `use-restricted` entries of the named-license table). */
export type RestrictedLicense = NamedLicense;

const LLAMA_CLAUSES = 'acceptable-use policy; 700-million-monthly-active-user clause';
const RAIL_CLAUSES = 'behavioural use restrictions that must be passed on to every derivative';

export const RESTRICTED_LICENSES: readonly RestrictedLicense[] = Object.freeze([
  {
    id: 'llama2',
    kind: 'use-restricted',
    name: 'Llama 2 Community License Agreement',
    url: 'https://ai.meta.com/llama/license/',
    restriction: `${LLAMA_CLAUSES}; no use to improve other large language models`,
    huggingFace: ['llama2'],
    scancode: ['LicenseRef-scancode-llama-2-license-2023'],
    spellings: [
      'Llama 2 Community License',
      'Llama 2 Community License Agreement',
      'LLAMA 2 COMMUNITY LICENSE AGREEMENT',
      'Meta Llama 2 Community License',
      'Llama 2 License',
    ],
  },
  {
    id: 'llama3',
    kind: 'use-restricted',
    name: 'Meta Llama 3 Community License Agreement',
    url: 'https://github.com/meta-llama/llama3/blob/main/LICENSE',
    restriction: `${LLAMA_CLAUSES}; no use to improve other large language models`,
    huggingFace: ['llama3'],
    scancode: ['LicenseRef-scancode-llama-3-license-2024'],
    spellings: [
      'Llama 3 Community License',
      'Llama 3 Community License Agreement',
      'META LLAMA 3 COMMUNITY LICENSE AGREEMENT',
      'Meta Llama 3 Community License',
      'Llama 3 License',
    ],
  },
  {
    id: 'llama3.1',
    kind: 'use-restricted',
    name: 'Llama 3.1 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama3.1'],
    scancode: ['LicenseRef-scancode-llama-3.1-license-2024'],
    spellings: [
      'Llama 3.1 Community License',
      'Llama 3.1 Community License Agreement',
      'LLAMA 3.1 COMMUNITY LICENSE AGREEMENT',
      'Llama 3.1 License',
    ],
  },
  {
    id: 'llama3.2',
    kind: 'use-restricted',
    name: 'Llama 3.2 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama3.2'],
    scancode: ['LicenseRef-scancode-llama-3.2-license-2024'],
    spellings: [
      'Llama 3.2 Community License',
      'Llama 3.2 Community License Agreement',
      'LLAMA 3.2 COMMUNITY LICENSE AGREEMENT',
      'Llama 3.2 License',
    ],
  },
  {
    id: 'llama3.3',
    kind: 'use-restricted',
    name: 'Llama 3.3 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama3.3'],
    scancode: ['LicenseRef-scancode-llama-3.3-license-2024'],
    spellings: [
      'Llama 3.3 Community License',
      'Llama 3.3 Community License Agreement',
      'LLAMA 3.3 COMMUNITY LICENSE AGREEMENT',
      'Llama 3.3 License',
    ],
  },
  {
    id: 'llama4',
    kind: 'use-restricted',
    name: 'Llama 4 Community License Agreement',
    url: 'https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE',
    restriction: LLAMA_CLAUSES,
    huggingFace: ['llama4'],
    scancode: ['LicenseRef-scancode-llama-4-license-2025'],
    spellings: [
      'Llama 4 Community License',
      'Llama 4 Community License Agreement',
      'LLAMA 4 COMMUNITY LICENSE AGREEMENT',
      'Llama 4 License',
    ],
  },
  // The first LLaMA licence and the DeepFloyd IF licence are non-commercial research licences;
  // they are reported as `license/restricted` (not `license/not-open` like the research licences
  // in `namedNotOpen.ts`) because their findings predate that distinction and are pinned by tests.
  {
    id: 'llama-license-2023',
    kind: 'use-restricted',
    name: 'LLaMA License Agreement (first LLaMA release)',
    url: 'https://github.com/facebookresearch/llama',
    restriction: 'non-commercial research use only',
    huggingFace: [],
    scancode: ['LicenseRef-scancode-llama-license-2023'],
    spellings: ['LLaMA License', 'LLaMA License Agreement'],
  },
  {
    id: 'gemma',
    kind: 'use-restricted',
    name: 'Gemma Terms of Use',
    url: 'https://ai.google.dev/gemma/terms',
    restriction: 'prohibited-use policy that the licensor may update; restrictions carry over to derivatives',
    huggingFace: ['gemma'],
    scancode: [],
    spellings: ['Gemma Terms of Use', 'Gemma License', 'Gemma Terms', 'Google Gemma Terms of Use'],
  },
  {
    id: 'openrail',
    kind: 'use-restricted',
    name: 'OpenRAIL license family',
    url: 'https://www.licenses.ai/',
    restriction: RAIL_CLAUSES,
    huggingFace: ['openrail'],
    scancode: [],
    spellings: ['OpenRAIL', 'Open RAIL', 'Open Responsible AI License', 'RAIL', 'Responsible AI License'],
  },
  {
    id: 'openrail-m',
    kind: 'use-restricted',
    name: 'OpenRAIL-M License',
    url: 'https://www.licenses.ai/ai-pubs-open-railm-vz1',
    restriction: RAIL_CLAUSES,
    huggingFace: [],
    scancode: [],
    spellings: ['OpenRAIL-M', 'Open RAIL-M', 'AI Pubs Open RAIL-M'],
  },
  {
    id: 'openrail++',
    kind: 'use-restricted',
    name: 'CreativeML OpenRAIL++-M License',
    url: 'https://huggingface.co/stabilityai/stable-diffusion-2/blob/main/LICENSE-MODEL',
    restriction: RAIL_CLAUSES,
    huggingFace: ['openrail++'],
    scancode: [],
    spellings: ['OpenRAIL++', 'OpenRAIL++-M', 'Open RAIL++-M', 'CreativeML Open RAIL++-M'],
  },
  {
    id: 'creativeml-openrail-m',
    kind: 'use-restricted',
    name: 'CreativeML OpenRAIL-M License',
    url: 'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
    restriction: RAIL_CLAUSES,
    huggingFace: ['creativeml-openrail-m'],
    scancode: [],
    spellings: ['CreativeML OpenRAIL-M', 'CreativeML Open RAIL-M', 'Creative ML OpenRAIL-M'],
  },
  {
    id: 'bigscience-openrail-m',
    kind: 'use-restricted',
    name: 'BigScience OpenRAIL-M License',
    url: 'https://bigscience.huggingface.co/blog/bigscience-openrail-m',
    restriction: RAIL_CLAUSES,
    huggingFace: ['bigscience-openrail-m'],
    scancode: ['LicenseRef-scancode-bigscience-open-rail-m'],
    spellings: ['BigScience OpenRAIL-M', 'BigScience Open RAIL-M'],
  },
  {
    id: 'bigscience-bloom-rail-1.0',
    kind: 'use-restricted',
    name: 'BigScience BLOOM RAIL License v1.0',
    url: 'https://huggingface.co/spaces/bigscience/license',
    restriction: RAIL_CLAUSES,
    huggingFace: ['bigscience-bloom-rail-1.0'],
    scancode: ['LicenseRef-scancode-bigscience-rail-1.0'],
    spellings: ['BigScience BLOOM RAIL 1.0', 'BigScience RAIL License v1.0', 'BigScience RAIL 1.0', 'BLOOM RAIL 1.0'],
  },
  {
    id: 'bigcode-openrail-m',
    kind: 'use-restricted',
    name: 'BigCode OpenRAIL-M License v1',
    url: 'https://huggingface.co/spaces/bigcode/bigcode-model-license-agreement',
    restriction: RAIL_CLAUSES,
    huggingFace: ['bigcode-openrail-m'],
    scancode: ['LicenseRef-scancode-bigcode-open-rail-m-v1'],
    spellings: ['BigCode OpenRAIL-M', 'BigCode Open RAIL-M', 'BigCode Open RAIL-M v1', 'CodeML OpenRAIL-M'],
  },
  {
    id: 'deepfloyd-if-license',
    kind: 'use-restricted',
    name: 'DeepFloyd IF Research License Agreement',
    url: 'https://huggingface.co/spaces/DeepFloyd/deepfloyd-if-license',
    restriction: 'non-commercial research use only',
    huggingFace: ['deepfloyd-if-license'],
    scancode: [],
    spellings: ['DeepFloyd IF License', 'DeepFloyd IF Research License', 'DeepFloyd IF Research License Agreement'],
  },
  {
    id: 'grok2',
    kind: 'use-restricted',
    name: 'Grok 2 Community License Agreement',
    url: 'https://huggingface.co/xai-org/grok-2/blob/main/LICENSE',
    restriction: 'acceptable-use policy; no use to build or improve other AI models',
    huggingFace: ['grok2', 'grok-2', 'grok2-community'],
    scancode: [],
    // Renamed "xAI Community License Agreement" on 2025-11-04 (same grant and restrictions).
    spellings: [
      'Grok 2 Community License',
      'Grok 2 Community License Agreement',
      'Grok-2 Community License',
      'xAI Community License Agreement',
    ],
  },
  {
    // Read: the licence as redistributed with Falcon-180B (Space tiiuae/falcon-180b-license, LICENSE.txt and
    // ACCEPTABLE_USE_POLICY.txt): §5.1 use must comply with the Acceptable Use Policy, §5.3 the policy may be
    // updated from time to time; the introductory note says hosted use may require a separate licence.
    id: 'falcon-180b-tii-license-1.0',
    kind: 'use-restricted',
    name: 'Falcon-180B TII License Version 1.0',
    url: 'https://huggingface.co/spaces/tiiuae/falcon-180b-license/blob/main/LICENSE.txt',
    restriction: 'acceptable-use policy that TII may update at any time; hosted use may need a separate licence',
    huggingFace: [],
    scancode: [],
    spellings: [
      'Falcon-180B TII License',
      'Falcon 180B TII License',
      'FALCON 180B TII LICENSE VERSION 1.0',
      'Falcon-180B License',
    ],
  },
  {
    // "TII Falcon License 2.0" on the Falcon2-11B model card; the text is titled
    // "Falcon 2 11B TII License Version 1.0" (read in ScanCode's copy, key falcon-2-11b-1.0).
    id: 'falcon-2-11b-1.0',
    kind: 'use-restricted',
    name: 'TII Falcon License 2.0 (Falcon 2 11B TII License)',
    url: 'https://scancode-licensedb.aboutcode.org/falcon-2-11b-1.0.html',
    restriction: 'acceptable-use policy that TII may update at any time, to be imposed on every derivative',
    huggingFace: [],
    scancode: ['LicenseRef-scancode-falcon-2-11b-1.0'],
    spellings: [
      'TII Falcon License 2.0',
      'TII Falcon License Version 2.0',
      'Falcon 2 11B TII License',
      'Falcon 2 11B TII License Version 1.0',
    ],
  },
  {
    // Read: "TII Falcon License" (December 2024), the text behind `license_name: falcon-llm-license` on the
    // Falcon 3 and Falcon-H1 cards (a verbatim snapshot of falconllm.tii.ae/falcon-terms-and-conditions.html,
    // at the url below): §5.1 every use must comply with the Acceptable Use Policy, §5.2 no output may be used
    // for a purpose that conflicts with it, §5.3 TII may update it at any time, §4.1.1 its restrictions must be
    // made enforceable in every licence of a derivative.
    id: 'falcon-llm-license',
    kind: 'use-restricted',
    name: 'TII Falcon License (Falcon 3)',
    url: 'https://github.com/jshahbazi/boros/blob/38675c5f23a5a65a10d2f675798ed161fab99a49/licenses/models/Falcon-LLM-LICENSE.md',
    restriction:
      'acceptable-use policy that TII may update at any time, binding outputs ' +
      'too and to be imposed on every derivative',
    huggingFace: [],
    licenseNames: ['falcon-llm-license'],
    scancode: [],
    spellings: [
      'TII Falcon License',
      'Falcon-LLM License',
      'Falcon LLM License 2.0',
      'TII Falcon License December 2024',
    ],
  },
  {
    // "TII Falcon Mamba 7B License 1.0" (`license_name: falcon-mamba-7b-license`; the GGUF builds write
    // `falcon-mamba-license`). Its page, falconllm.tii.ae/falcon-mamba-7b-terms-and-conditions.html, could not be read
    // here; the publisher's technical report (arXiv 2410.05355, §8) describes it as an Apache-2.0-based licence "which
    // includes an acceptable use policy", with the policy at falcon-mamba-7b-acceptable-use-policy.html — the
    // clause that fails, as in TII's other 2024 licences above and below.
    id: 'falcon-mamba-7b-license',
    kind: 'use-restricted',
    name: 'TII Falcon Mamba 7B License 1.0',
    url: 'https://falconllm.tii.ae/falcon-mamba-7b-terms-and-conditions.html',
    restriction: 'acceptable-use policy',
    huggingFace: [],
    licenseNames: ['falcon-mamba-7b-license', 'falcon-mamba-license'],
    scancode: [],
    spellings: [
      'TII Falcon Mamba 7B License',
      'TII Falcon Mamba 7B License 1.0',
      'TII Falcon-Mamba License 2.0',
      'TII Falcon Mamba License',
    ],
  },
  {
    // Read: QwenLM/Qwen "Tongyi Qianwen LICENSE AGREEMENT" (release date 2023-08-03), §4 and §5(b).
    id: 'tongyi-qianwen',
    kind: 'use-restricted',
    name: 'Tongyi Qianwen License Agreement',
    url: 'https://github.com/QwenLM/Qwen/blob/2df8e8ac450fa185c421a08b0090ef81826caa6e/Tongyi%20Qianwen%20LICENSE%20AGREEMENT',
    restriction:
      'products with more than 100 million monthly active users need a ' +
      'separate licence; no use of the model or its output to improve other large language models',
    huggingFace: [],
    licenseNames: ['tongyi-qianwen', 'tongyi-qianwen-license', 'tongyi-qianwen-license-agreement', 'tongyi-qwen'],
    scancode: ['LicenseRef-scancode-tongyi-qianwen-2023'],
    spellings: ['Tongyi Qianwen LICENSE AGREEMENT', 'Tongyi Qianwen License'],
  },
  {
    // Read: "Qwen LICENSE AGREEMENT" (release date 2024-09-19) as in ScanCode (key qwen-2024), §4.
    id: 'qwen',
    kind: 'use-restricted',
    name: 'Qwen License Agreement',
    url: 'https://huggingface.co/Qwen/Qwen2.5-72B/blob/main/LICENSE',
    restriction: 'products with more than 100 million monthly active users need a separate licence',
    huggingFace: [],
    licenseNames: ['qwen'],
    scancode: ['LicenseRef-scancode-qwen-2024'],
    spellings: ['Qwen LICENSE AGREEMENT', 'Qwen License'],
  },
  {
    // Read: 01-ai/Yi MODEL_LICENSE_AGREEMENT.txt, version 2.1 of 2023-11-23 (§2); versions 1.0 and 2.0
    // were named "Yi Series Models License Agreement". Yi models moved to Apache-2.0 in 2024.
    id: 'yi-license',
    kind: 'use-restricted',
    name: 'Yi Series Models Community License Agreement',
    url: 'https://github.com/01-ai/Yi/blob/90fe5676d3ec5f9e5b54601de4aa5f80a13d5f79/MODEL_LICENSE_AGREEMENT.txt',
    restriction:
      'no military or unlawful use; commercial use only under a separate commercial licence from 01.AI; revocable',
    huggingFace: [],
    licenseNames: ['yi-license'],
    scancode: [],
    spellings: [
      'Yi Series Models Community License Agreement',
      'Yi Series Models Community License',
      'Yi Series Models License Agreement',
    ],
  },
  {
    // Read: deepseek-ai/DeepSeek-LLM LICENSE-MODEL, "DEEPSEEK LICENSE AGREEMENT" version 1.0 of 2023-10-23, §4(a), §5,
    // Attachment A.
    id: 'deepseek',
    kind: 'use-restricted',
    name: 'DeepSeek License Agreement',
    url: 'https://github.com/deepseek-ai/DeepSeek-LLM/blob/f8b3d77beb4449d77932eccc6abe08826ad3c608/LICENSE-MODEL',
    restriction:
      'use-based restrictions (Attachment A, among them no military use) that must be imposed on every derivative',
    huggingFace: [],
    licenseNames: ['deepseek', 'deepseek-license', 'deepseek-model-agreement'],
    scancode: ['LicenseRef-scancode-deepseek-la-1.0'],
    spellings: ['DeepSeek License Agreement', 'DeepSeek Model License', 'DeepSeek Model License Agreement'],
  },
  {
    // The licence text is a PDF (in Chinese) on the model repository; the restriction is taken from the
    // publisher's own summary in baichuan-inc/Baichuan2 README_EN.md, "License".
    id: 'baichuan2-community-license',
    kind: 'use-restricted',
    name: 'Community License for Baichuan 2 Model',
    url: 'https://huggingface.co/baichuan-inc/Baichuan2-7B-Base/blob/main/Baichuan%202%E6%A8%A1%E5%9E%8B%E7%A4%BE%E5%8C%BA%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE.pdf',
    restriction:
      'commercial use only with written authorisation, and only for services ' +
      'under 1 million daily active users run by neither software nor cloud service providers',
    huggingFace: [],
    licenseNames: ['baichuan2-community-license'],
    scancode: [],
    spellings: ['Baichuan 2 Community License', 'Baichuan 2 Model Community License Agreement'],
  },
  {
    // Read: NVIDIA Open Model License Agreement, version of 2025-10-24 (ScanCode key nvidia-open-model-2025), §2.1 and
    // §2.3.
    id: 'nvidia-open-model-license',
    kind: 'use-restricted',
    name: 'NVIDIA Open Model License Agreement',
    url: 'https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
    restriction:
      "use must follow NVIDIA's Trustworthy AI terms; the licence ends if a " +
      'safety guardrail is bypassed; NVIDIA may change the terms',
    huggingFace: [],
    licenseNames: ['nvidia-open-model-license'],
    scancode: ['LicenseRef-scancode-nvidia-open-model-2025'],
    spellings: ['NVIDIA Open Model License', 'NVIDIA Open Model License Agreement'],
  },
  {
    // Read: "STABILITY AI COMMUNITY LICENSE AGREEMENT", last updated 2024-07-05 (Stability-AI/stable-fast-3d
    // LICENSE.md), §III and §IV(b).
    id: 'stabilityai-ai-community',
    kind: 'use-restricted',
    name: 'Stability AI Community License Agreement',
    url: 'https://github.com/Stability-AI/stable-fast-3d/blob/ff21fc491b4dc5314bf6734c7c0dabd86b5f5bb2/LICENSE.md',
    restriction:
      'the licence ends once you earn more than US$1,000,000 a year; ' +
      'acceptable-use policy; no use to create or improve other foundational generative AI models',
    huggingFace: [],
    licenseNames: ['stabilityai-ai-community', 'stabilityai-community-license'],
    scancode: [],
    spellings: ['Stability AI Community License', 'Stability AI Community License Agreement'],
  },
]);
