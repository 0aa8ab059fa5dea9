/**
 * Conformance with the Model Openness Tool: every test model file of MOT's Test_Data must
 * get exactly the class and per-class progress that MOT's API returns (expected_results.json).
 * Data: test/fixtures/mot-conformance (see its ATTRIBUTION.md).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { evaluateMofClass } from '../../server/src/service/formats/mof';
import { yamlDoc, ROOT, service } from '../helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'mot-conformance');

interface Expected {
  class: number;
  label: string;
  progress: Record<'1' | '2' | '3', number>;
}

/** expected_results.json has trailing commas (it is not strict JSON). */
function readExpected(): Map<string, Expected> {
  const text = readFileSync(join(DIR, 'expected_results.json'), 'utf8').replace(/,(\s*[}\]])/g, '$1');
  const json = JSON.parse(text) as {
    pager: { total_items: number };
    models: { release: { name: string }; classification: Expected }[];
  };
  assert.equal(json.models.length, json.pager.total_items);
  return new Map(json.models.map((m) => [m.release.name, m.classification]));
}

describe('MOT conformance (mot-test-data + expected_results.json)', () => {
  const expected = readExpected();
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.yml'))
    .sort();

  test('there are 27 test files and 27 expected results, matched by release.name', () => {
    assert.equal(files.length, 27);
    assert.equal(expected.size, 27);
    const names = files.map(
      (f) =>
        (service.parse(yamlDoc(readFileSync(join(DIR, f), 'utf8'))).value as { release: { name: string } }).release
          .name,
    );
    assert.deepEqual([...names].sort(), [...expected.keys()].sort());
  });

  test("every file gets MOT's exact class and progress figures (27 of 27)", () => {
    const mismatches: string[] = [];
    let matched = 0;
    for (const file of files) {
      const parsed = service.parse(yamlDoc(readFileSync(join(DIR, file), 'utf8'), `file:///conformance/${file}`));
      assert.ok(parsed.kind === 'mof', `${file} is recognised as a MOF model file`);
      const result = evaluateMofClass(parsed);
      assert.ok(result, file);
      const name = (parsed.value as { release: { name: string } }).release.name;
      const want = expected.get(name)!;
      const got = {
        class: result.class ?? 0,
        progress: { 1: result.progress[1], 2: result.progress[2], 3: result.progress[3] },
      };
      const same =
        got.class === want.class &&
        got.progress[1] === want.progress['1'] &&
        got.progress[2] === want.progress['2'] &&
        got.progress[3] === want.progress['3'];
      if (same) matched++;
      else {
        mismatches.push(
          `${file} (${name}):\n    MOT:  class ${want.class}, progress I ` +
            `${want.progress['1']}, II ${want.progress['2']}, III ${want.progress['3']}` +
            `\n    ours: class ${got.class}, progress I ${got.progress[1]}, II ` +
            `${got.progress[2]}, III ${got.progress[3]}`,
        );
      }
    }
    assert.equal(
      mismatches.length,
      0,
      `${matched} of ${files.length} match; mismatches:\n  ${mismatches.join('\n  ')}`,
    );
    assert.equal(matched, 27);
  });

  test('the class label agrees with the code lens title', () => {
    for (const file of files) {
      const parsed = service.parse(yamlDoc(readFileSync(join(DIR, file), 'utf8')));
      const result = evaluateMofClass(parsed)!;
      const want = expected.get((parsed.value as { release: { name: string } }).release.name)!;
      const prefix = want.class === 0 ? 'MOF unclassified' : `MOF Class ${['', 'I', 'II', 'III'][want.class]} — `;
      assert.ok(result.title.startsWith(prefix), `${file}: ${result.title} (MOT: ${want.label})`);
    }
  });
});
