/** The diagnostic codes of SPDX 3 AI-BOMs (their documentation: `spdx3Format.codes`). */
export const Spdx3Codes = {
  unlicensed: 'spdx3/unlicensed',
  unknownElement: 'spdx3/unknown-element',
  notAi: 'spdx3/not-ai-bom',
} as const;
