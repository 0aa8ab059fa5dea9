/**
 * The official CycloneDX JSON schemas, as @cyclonedx/cyclonedx-library ships them
 * (res/schema/bom-1.6.SNAPSHOT.schema.json, bom-1.7…, and the SPDX, JSF and cryptography
 * schemas they refer to), compiled with ajv: no schema of our own.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const DIR = join(ROOT, 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');
const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

const compiled = new Map<string, ValidateFunction>();

export function cyclonedxValidator(version: '1.6' | '1.7'): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // Formats draft 7 names that ajv-formats does not check: accepted as written.
    for (const format of ['iri-reference', 'idn-email']) ajv.addFormat(format, true);
    for (const file of [
      'spdx.SNAPSHOT.schema.json',
      'jsf-0.82.SNAPSHOT.schema.json',
      'cryptography-defs.SNAPSHOT.schema.json',
    ])
      ajv.addSchema({ ...load(file), $id: `http://cyclonedx.org/schema/${file}` });
    validate = ajv.compile(load(`bom-${version}.SNAPSHOT.schema.json`));
    compiled.set(version, validate);
  }
  return validate;
}
