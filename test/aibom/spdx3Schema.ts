/**
 * The official SPDX 3.0.1 JSON schema (test/fixtures/spdx3/spdx-json-schema.json, copied
 * unmodified: see ATTRIBUTION.md beside it), compiled with ajv in draft 2020-12 mode: no schema
 * of our own.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

export const SPDX3_FIXTURES = join(ROOT, 'test', 'fixtures', 'spdx3');

let compiled: ValidateFunction | undefined;

export function spdx3Validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(join(SPDX3_FIXTURES, 'spdx-json-schema.json'), 'utf8')));
  }
  return compiled;
}
