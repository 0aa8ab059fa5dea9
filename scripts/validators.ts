/** The formats' generated validators: where each lives and what generates it (`npm run schema`; checked by validators.test.ts). */
import mofSchema from '../schemas/mof-model.schema.json';
import { buildManifestSchema } from '../server/src/service/formats/manifest/schema';
import { STANDALONE_DECLARATION, standaloneValidator } from '../server/src/service/schema/standalone';

export interface GeneratedValidator {
  /** The module path without extension, from the repository root. */
  module: string;
  /** [path, text] of the module and its declaration. */
  files(): Array<[string, string]>;
}

function generated(module: string, schema: () => object, source: string): GeneratedValidator {
  return { module, files: () => [[`${module}.js`, standaloneValidator(schema(), source)], [`${module}.d.ts`, STANDALONE_DECLARATION]] };
}

export const GENERATED_VALIDATORS: readonly GeneratedValidator[] = [
  generated('server/src/service/formats/manifest/generated/validateManifest', () => buildManifestSchema({ variant: 'validation' }), 'the requirements table (formats/manifest/schema.ts)'),
  generated('server/src/service/formats/mof/generated/validateMof', () => mofSchema, 'schemas/mof-model.schema.json'),
];
