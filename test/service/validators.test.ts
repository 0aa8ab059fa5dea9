/**
 * The committed standalone validators are what the schemas generate now (run `npm run schema`
 * after changing a requirement or a schema), and they judge like ajv compiling the schema at
 * run time would.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import mofSchema from '../../schemas/mof-model.schema.json';
import { buildManifestSchema } from '../../server/src/service/formats/manifest/schema';
import validateManifest from '../../server/src/service/formats/manifest/generated/validateManifest';
import validateMof from '../../server/src/service/formats/mof/generated/validateMof';
import { ROOT } from '../helpers';
import { GENERATED_VALIDATORS, VALIDATOR_OPTIONS } from '../../scripts/validators';

for (const validator of GENERATED_VALIDATORS) {
  test(`${validator.module}: the committed code is what \`npm run schema\` generates now`, () => {
    for (const [path, text] of validator.files()) {
      assert.equal(readFileSync(join(ROOT, path), 'utf8'), text, `${path} is stale: run \`npm run schema\``);
    }
  });
}

test('the standalone validators report the errors a run-time compilation reports', () => {
  const ajv = new Ajv(VALIDATOR_OPTIONS);
  const cases: Array<[string, typeof validateManifest, object, unknown[]]> = [
    [
      'manifest',
      validateManifest,
      buildManifestSchema({ variant: 'validation' }),
      [
        {},
        { osaid: 1 },
        { osaid: '2.0', system: { name: 3 }, x: 1 },
        { code: { supporting_libraries: [1, { name: 'a', licence: 'MIT' }] } },
        [],
        'text',
      ],
    ],
    [
      'mof',
      validateMof,
      mofSchema,
      [
        {},
        { framework: { name: 'Model Openness Framework' } },
        { framework: { name: 1 }, release: { components: 'x' } },
        { release: { components: [{ name: 'Model card', license: 3 }] } },
      ],
    ],
  ];
  for (const [name, standalone, schema, values] of cases) {
    const compiled = ajv.compile(schema);
    for (const value of values) {
      const expected = compiled(value);
      const expectedErrors = JSON.stringify(compiled.errors);
      assert.equal(standalone(value), expected, `${name}: ${JSON.stringify(value)}`);
      assert.equal(JSON.stringify(standalone.errors), expectedErrors, `${name}: ${JSON.stringify(value)}`);
    }
    assert.ok(
      values.some((v) => !standalone(v)),
      `${name}: some value is rejected`,
    );
  }
});
