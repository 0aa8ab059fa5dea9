/**
 * A CI gate must not pass what it did not check: symlink loops, files named but no format's,
 * files over the size limit, bytes that are not UTF-8 and files that cannot be read.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the module object, whose functions a test replaces */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { PathOrFileDescriptor } from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, mock, test } from 'node:test';
import { main } from '../../server/src/cli';
import { ROOT } from '../helpers';
import { BIN, runCli } from './run';

/** The module object the CLI's (CommonJS) imports read from, so that a test can fail its reads. */
const fs = require('node:fs') as typeof import('node:fs');
const OLMO = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8');

describe('osai-check: what it could not check fails the run', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'osai-unchecked-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const fresh = (name: string): string => {
    const path = join(dir, name);
    mkdirSync(path);
    return path;
  };
  /** The files named in text output and the summary, with a time limit (a loop never ends). */
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [BIN, '--format', 'table', ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(r.error, undefined, 'osai-check finishes');
    return {
      code: r.status,
      rows: r.stdout
        .trimEnd()
        .split('\n')
        .slice(2)
        .map((l) => l.split(/ {2,}/)[0]),
      stderr: r.stderr,
    };
  };

  test('a link to . in a folder: the manifest is checked once, not under 41 names', () => {
    const d = fresh('one-link');
    writeFileSync(join(d, 'osai.yaml'), OLMO);
    symlinkSync('.', join(d, 'loop'));
    const r = run(['.'], d);
    assert.deepEqual(r.rows, ['osai.yaml']);
    assert.match(r.stderr, /^1 file checked: 0 errors, 0 warnings$/m);
    assert.equal(r.code, 0);
  });

  test('two links to . (a walk that would branch at every level) finish, each file once', () => {
    const d = fresh('two-links');
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'sub', 'osai.yaml'), OLMO);
    symlinkSync('.', join(d, 'a'));
    symlinkSync('.', join(d, 'b'));
    symlinkSync('..', join(d, 'sub', 'up'));
    const r = run(['.'], d);
    assert.deepEqual(r.rows, ['sub/osai.yaml']);
    assert.equal(r.code, 0);
    // Globs walk the same way.
    const glob = run(['**/osai.yaml'], d);
    assert.deepEqual(glob.rows, ['sub/osai.yaml']);
  });

  test('a file reached under two names (a link, or named twice) is checked once', () => {
    const d = fresh('two-names');
    writeFileSync(join(d, 'a.osai.yaml'), OLMO);
    symlinkSync('a.osai.yaml', join(d, 'b.osai.yaml'));
    assert.deepEqual(run(['.'], d).rows, ['a.osai.yaml']);
    assert.deepEqual(run(['a.osai.yaml', 'b.osai.yaml', './a.osai.yaml'], d).rows, ['a.osai.yaml']);
  });

  test(
    'a file named that no format claims: exit 2, naming the file and why; ' + 'in a folder it is skipped silently',
    () => {
      const d = fresh('unclaimed');
      writeFileSync(join(d, 'osai.yaml'), OLMO);
      writeFileSync(join(d, 'notes.yml'), 'just: yaml\n');
      const named = runCli(['osai.yaml', 'notes.yml'], { cwd: d });
      assert.equal(named.code, 2);
      assert.match(
        named.stderr,
        /^osai-check: notes\.yml is neither an OSAID manifest, a MOF model file nor a model or dataset card; not checked$/m,
      );
      assert.match(named.stderr, /^1 file checked: 0 errors, 0 warnings$/m);
      const walked = runCli(['.'], { cwd: d });
      assert.equal(walked.code, 0);
      assert.equal(walked.stderr, '1 file checked: 0 errors, 0 warnings\n');
    },
  );

  test('a manifest over the size limit: exit 2 with a message; --max-file-size raises the limit', () => {
    const d = fresh('large');
    const big = `${OLMO}\n# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    writeFileSync(join(d, 'osai.yaml'), big);
    const r = runCli(['osai.yaml'], { cwd: d });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^osai-check: osai\.yaml has 5,245,\d{3} bytes, more than the limit of 4,194,304; not checked \(raise the limit with --max-file-size <bytes>\)$/m,
    );
    assert.match(r.stderr, /^0 files checked/m);
    const raised = runCli(['--max-file-size', String(6 * 1024 * 1024), 'osai.yaml'], { cwd: d });
    assert.equal(raised.code, 0, raised.stderr);
    assert.equal(raised.stderr, '1 file checked: 0 errors, 0 warnings\n');
    const lowered = runCli(['--max-file-size=1000', join(ROOT, 'examples', 'olmo-7b.osai.yaml')], { cwd: d });
    assert.equal(lowered.code, 2);
    assert.match(lowered.stderr, /olmo-7b\.osai\.yaml has 2,\d{3} bytes, more than the limit of 1,000; not checked/);
    // In a folder too: nothing is passed unchecked.
    assert.equal(runCli(['.'], { cwd: d }).code, 2);
  });

  test('a manifest with more YAML tokens than the budget: exit 2, naming the file and where the budget ran out', () => {
    const d = fresh('complex');
    // 300,000 one-character list items under the size limit: about 900,000 tokens.
    writeFileSync(join(d, 'osai.yaml'), `osaid: "1.0"\nx-list: [${'1,'.repeat(300_000)}]\n`);
    const r = runCli(['osai.yaml'], { cwd: d });
    assert.equal(r.code, 2);
    // Token 200,001: the head is 12 tokens (document start, then line 2 up to `[`), then 3 per
    // item (scalar start, `1`, `,`); token 199,989 of the list is the comma of item 66,663,
    // after 66,662 items of two characters and its `1`.
    const column = 'x-list: ['.length + 2 * 66_662 + 1 + 1;
    assert.match(
      r.stderr,
      new RegExp(
        `^osai-check: osai\\.yaml:2:${column}: More than 200,000 YAML tokens \\(keys, ` +
          `values, indicators, line breaks\\) by this point, far more than any manifest ` +
          `needs, so the file was not checked\\. Is this the file you meant\\? A manifest ` +
          `has a few thousand; keep long lists \\(datasets, libraries\\) in their ` +
          `own files and link them\\.$`,
        'm',
      ),
    );
    assert.match(r.stderr, /^0 files checked/m);
    assert.equal(runCli(['.'], { cwd: d }).code, 2);
  });

  test('--max-file-size: documented, and checked as a number', () => {
    assert.match(runCli(['--help']).stdout, /--max-file-size <bytes>/);
    for (const bad of ['0', 'ten', '-1', '']) {
      const r = runCli([`--max-file-size=${bad}`, 'examples']);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--max-file-size must be a whole number of bytes/);
    }
    assert.equal(runCli(['--max-file-size', 'examples']).code, 2);
  });

  test('bytes that are not UTF-8 (Latin-1): exit 2, naming the file, line and byte; a BOM is fine', () => {
    const d = fresh('latin1');
    writeFileSync(join(d, 'osai.yaml'), Buffer.concat([Buffer.from(OLMO), Buffer.from('# caf\xe9\n', 'latin1')]));
    const r = runCli(['osai.yaml'], { cwd: d });
    assert.equal(r.code, 2);
    const line = OLMO.split('\n').length;
    assert.match(
      r.stderr,
      new RegExp(
        `^osai-check: osai\\.yaml is not valid UTF-8 \\(line ${line}, byte ${Buffer.byteLength(OLMO) + 6}: ` +
          `0xe9\\); not checked \\(save it as UTF-8\\)$`,
        'm',
      ),
    );
    // A real U+FFFD before the bad byte does not confuse the position.
    writeFileSync(
      join(d, 'osai.yaml'),
      Buffer.concat([Buffer.from('# \uFFFD ok\n'), Buffer.from('# \xff\n', 'latin1')]),
    );
    assert.match(runCli(['osai.yaml'], { cwd: d }).stderr, /is not valid UTF-8 \(line 2, byte 12: 0xff\)/);
    // stdin as well
    const stdin = spawnSync(process.execPath, [BIN, '-'], {
      input: Buffer.from('name: caf\xe9\n', 'latin1'),
      encoding: 'utf8',
    });
    assert.equal(stdin.status, 2);
    assert.match(stdin.stderr, /^osai-check: <stdin> is not valid UTF-8 \(line 1, byte 10: 0xe9\); not checked/m);
    writeFileSync(join(d, 'osai.yaml'), `\uFEFF${OLMO}`);
    assert.equal(runCli(['osai.yaml'], { cwd: d }).code, 0);
  });

  test('a file in a folder that cannot be read: exit 2 with a message, not skipped', async () => {
    const d = fresh('unreadable');
    writeFileSync(join(d, 'osai.yaml'), OLMO);
    writeFileSync(join(d, 'model.yml'), 'framework:\n  name: Model Openness Framework\n');
    const unreadable = join(d, 'model.yml');
    // Running as root, chmod cannot make a file unreadable: fail its reads instead.
    const real = fs.readFileSync;
    const read = mock.method(fs, 'readFileSync', (path: PathOrFileDescriptor, options?: unknown) => {
      if (path === unreadable)
        throw Object.assign(new Error(`EACCES: permission denied, open '${unreadable}'`), { code: 'EACCES' });
      return (real as (p: PathOrFileDescriptor, o?: unknown) => string | Buffer)(path, options);
    });
    try {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(
        ['.'],
        (s) => out.push(s),
        (s) => err.push(s),
        { cwd: d, env: {}, progress: { write() {} } },
      );
      assert.equal(code, 2);
      assert.deepEqual(err, ['osai-check: cannot read model.yml: EACCES']);
    } finally {
      read.mock.restore();
    }
  });
});
