import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildManifestSchema } from '../../server/src/service/formats/manifest/schema';
import { requirements } from '../../server/src/service/osaid/requirements';
import { ROOT } from '../helpers';

const published = JSON.parse(readFileSync(join(ROOT, 'schemas', 'osai-manifest.schema.json'), 'utf8'));

test('the published schema is exactly what the requirements table generates (run `npm run schema`)', () => {
  assert.deepEqual(published, buildManifestSchema({ variant: 'published' }));
});

test('every property of the published schema has a description and a markdownDescription', () => {
  let count = 0;
  type Schema = {
    properties?: Record<string, Schema>;
    items?: Schema;
    description?: unknown;
    markdownDescription?: unknown;
  };
  const walk = (schema: Schema, where: string): void => {
    for (const [key, child] of Object.entries<Schema>(schema.properties ?? {})) {
      count++;
      assert.ok(
        typeof child.description === 'string' && child.description.length > 10,
        `${where}.${key} has a description`,
      );
      assert.ok(
        typeof child.markdownDescription === 'string' && child.markdownDescription.includes('Source:'),
        `${where}.${key} has a markdownDescription`,
      );
      walk(child, `${where}.${key}`);
      if (child.items) walk(child.items, `${where}.${key}[]`);
    }
  };
  walk(published, '');
  assert.equal(count, requirements.length, 'one schema property per requirement');
});

test('the published schema requires what the table requires, conditionally for training data kinds', () => {
  assert.deepEqual(published.required, ['osaid', 'system', 'parameters', 'code', 'data_information']);
  assert.deepEqual(published.properties.code.required, [
    'data_processing',
    'training',
    'evaluation',
    'inference',
    'architecture',
    'supporting_libraries',
  ]);
  assert.deepEqual(published.properties.data_information.properties.description.required, [
    'provenance',
    'scope',
    'characteristics',
    'collection',
    'labeling',
    'processing',
  ]);
  const item = published.properties.data_information.properties.training_data.items;
  assert.deepEqual(item.required, ['name', 'kind']);
  assert.deepEqual(
    item.allOf.map((c: { if: { properties: { kind: { const: string } } }; then: { required: string[] } }) => [
      c.if.properties.kind.const,
      c.then.required[0],
    ]),
    [
      ['public', 'location'],
      ['third_party', 'obtain'],
      ['unshareable', 'reason'],
    ],
  );
  assert.equal(published.properties.data_information.properties.training_data.minItems, 1);
});
