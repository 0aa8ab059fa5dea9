/**
 * Each manifest in test/fixtures/manifests has its expected diagnostics beside it
 * (`name.expected.txt`: range, severity, code, path and message, one per line).
 * `UPDATE_EXPECTED=1` rewrites those that differ from the output, and those fixtures fail
 * (a file just written from the output proves nothing): review the diff, then run again without it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, ROOT } from '../helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'manifests');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export function describeDiagnostic(d: Diagnostic): string {
  const r = d.range;
  const path = (d.data as { path?: string } | undefined)?.path ?? '-';
  return (
    `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ` +
    `${SEVERITY[d.severity ?? 1]} ${d.code} ${path} | ${d.message}`
  );
}

for (const name of readdirSync(DIR)
  .filter((f) => f.endsWith('.osai.yaml'))
  .sort()) {
  test(`fixture ${name}`, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const actual = diagnose(text).map(describeDiagnostic).join('\n') + '\n';
    const expectedFile = join(DIR, name.replace(/\.osai\.yaml$/, '.expected.txt'));
    const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : undefined;
    if (process.env.UPDATE_EXPECTED && actual !== expected) {
      writeFileSync(expectedFile, actual);
      assert.fail(`${expectedFile} rewritten from the output: review the diff and run again without UPDATE_EXPECTED`);
    }
    assert.ok(expected !== undefined, `${expectedFile} exists (run with UPDATE_EXPECTED=1 to create it)`);
    assert.equal(actual, expected);
  });
}
