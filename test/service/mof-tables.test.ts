/**
 * The generated MOF tables stay in step with their source: `motTables.ts` on disk must be
 * exactly what `generate.ts` produces from the in-repo copies of the Model Openness Tool's
 * reference files (server/src/service/formats/mof/data/mot-reference, see ATTRIBUTION.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_SOURCE, generateMotTables, TABLES_FILE } from '../../server/src/service/formats/mof/data/generate';
import { ROOT } from '../helpers';

const REGENERATE = 'npx tsx server/src/service/formats/mof/data/generate.ts';

test('the reference files the generator reads are in the repository', () => {
  assert.equal(
    relative(ROOT, DEFAULT_SOURCE).split(/[\\/]/).join('/'),
    'server/src/service/formats/mof/data/mot-reference',
  );
  for (const name of ['licenses.json', 'mof-licenses.json', 'mof.settings.yml', 'mof_schema.json']) {
    assert.ok(existsSync(join(DEFAULT_SOURCE, name)), `${name} missing from ${relative(ROOT, DEFAULT_SOURCE)}`);
  }
});

/** The first line where two texts differ, for the failure message. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((line, n) => line !== e[n]);
  const line = i === -1 ? a.length : i;
  return (
    `line ${line + 1}: on disk ${JSON.stringify(a[line] ?? '<end of file>')}` +
    `, generated ${JSON.stringify(e[line] ?? '<end of file>')}`
  );
}

test('motTables.ts is exactly what generate.ts produces from mot-reference/', () => {
  const generated = generateMotTables();
  // A checkout with CRLF line endings (core.autocrlf) is still in step.
  const onDisk = readFileSync(TABLES_FILE, 'utf8').replace(/\r\n/g, '\n');
  assert.ok(
    onDisk === generated,
    `${relative(ROOT, TABLES_FILE)} is not what generate.ts produces (${firstDifference(onDisk, generated)}). ` +
      `It is generated, do not edit it by hand: run \`${REGENERATE}\` from the repository root and commit the result.`,
  );
});

test('generation is deterministic', () => {
  assert.equal(generateMotTables(DEFAULT_SOURCE), generateMotTables());
});
