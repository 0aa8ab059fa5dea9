/**
 * One verdict per file, stated the same everywhere — the code lens, the status bar (its count),
 * the checklist view, the command line (table, JSON, exit code) and the report — and following
 * one rule: a requirement is met only by a real value that passes its test, and every error
 * fails the verdict. The expected titles of the first test are counted by hand from each file
 * (the comment beside each says how); the second test holds every example and fixture to the rule.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../../server/src/cli';
import type { JsonOutput } from '../../server/src/cli/formats';
import { getLanguageService } from '../../server/src/service';
import { ROOT } from '../helpers';

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const path = join(dir, e);
      return statSync(path).isDirectory()
        ? files(path)
        : /\.ya?ml$|\.md$/.test(e) && e !== 'ATTRIBUTION.md'
          ? [path]
          : [];
    });
}

const ALL = [
  ...files(join(ROOT, 'examples')),
  ...files(join(ROOT, 'test', 'fixtures', 'manifests')),
  ...files(join(ROOT, 'test', 'fixtures', 'mof')),
  ...files(join(ROOT, 'test', 'fixtures', 'cards')),
].map((path) => relative(ROOT, path).split('\\').join('/'));

function languageOf(file: string): string {
  return file.endsWith('.md') ? 'markdown' : 'yaml';
}

/** Counted by hand from each file: the required checklist items not met, and what they are. */
const HAND_COUNTED: ReadonlyArray<[file: string, title: string, exit: 0 | 1]> = [
  // Every requirement stated, under OSI-approved code licenses and open terms.
  ['examples/olmo-7b.osai.yaml', '✓ Meets the OSAID 1.0 checks', 0],
  ['test/fixtures/manifests/complete.osai.yaml', '✓ Meets the OSAID 1.0 checks', 0],
  // The weights under `llama3` (use restrictions); everything else met.
  ['examples/llama-style.osai.yaml', '✗ 1 unmet OSAID 1.0 requirement', 1],
  // Only the data information's license and provenance: scope, characteristics, collection, labeling,
  // processing (5) and the training data listing (1) are missing.
  ['examples/missing-data-information.osai.yaml', '✗ 6 unmet OSAID 1.0 requirements', 1],
  // Weights (N/A, TODO) and four code locations (-, unknown, none, empty) are placeholders (5); no supporting
  // library (1); no description (6); the training data entries lack `reason` and `obtain` (1): 13.
  ['test/fixtures/manifests/placeholders.osai.yaml', '✗ 13 unmet OSAID 1.0 requirements · 5 are placeholders', 1],
  // Weights CC-BY-NC-4.0; data processing CC-BY-4.0 and architecture BUSL-1.1 (not OSI-approved); evaluation
  // `Apche-2.0` (unknown); data information CC-BY-ND-4.0: 5. `MIT OR CC-BY-NC-4.0` passes through MIT.
  ['test/fixtures/manifests/bad-licenses.osai.yaml', '✗ 5 unmet OSAID 1.0 requirements', 1],
  // `sytem` hides `system`; no code (6) and no data information (8): 14. The weights' extra `sha256` is only a
  // warning: the weights stay met.
  ['test/fixtures/manifests/unknown-keys.osai.yaml', '✗ 14 unmet OSAID 1.0 requirements', 1],
  // OSI's Grok-1 review: inference and architecture code and Apache-2.0 weights; no data processing, training,
  // evaluation code or supporting libraries (4), no data information (8): 12.
  ['examples/releases/grok-1.osai.yaml', '✗ 12 unmet OSAID 1.0 requirements', 1],
  // MOF: everything under Apache-2.0 (distribution); a data card and technical report and the architecture are
  // there; the data preprocessing, training, evaluation, inference code and supporting libraries are not (5).
  ['examples/models/Granite-4-1.yml', '✗ 5 unmet OSAID 1.0 requirements', 1],
  // MOF: architecture and weights under the Llama 3 license (2), the only data information an unlicensed paper (1),
  // five code components absent (5): 8.
  ['test/fixtures/mof/Llama-3-8B.yml', '✗ 8 unmet OSAID 1.0 requirements', 1],
  // Zephyr's card: weights under mit, two datasets listed; the rest of the data information (7) and all code (6) not
  // stated.
  ['examples/cards/model/README.md', '○ No unmet OSAID 1.0 requirement in what it states · 13 not stated', 0],
  // C4's dataset card: terms odc-by, provenance, scope, characteristics, collection and labeling stated; processing
  // not.
  ['examples/cards/dataset/README.md', '○ No unmet OSAID 1.0 requirement in what it states · 1 not stated', 0],
];

// The counts are of what each document states; the command line's evidence (on by default) would
// add what the repository around a fixture holds (`location: x` names no folder here), which the
// service calls below do not read. The evidence's own verdicts are counted in evidence.test.ts.
test('hand-counted verdicts: the lens, the JSON, the table, the report and the exit code agree with them', async () => {
  const service = getLanguageService();
  assert.ok(HAND_COUNTED.length >= 10);
  for (const [file, title, exit] of HAND_COUNTED) {
    const parsed = service.parse(
      TextDocument.create(`file:///${file}`, languageOf(file), 1, readFileSync(join(ROOT, file), 'utf8')),
    );
    const diagnostics = service.doValidation(parsed);
    const checklist = service.getChecklist(parsed, diagnostics)!;
    assert.equal(checklist.verdict.title, title, file);
    assert.ok(
      service.getCodeLenses(parsed, diagnostics).some((l) => l.command?.title === title),
      `${file}: lens`,
    );
    const out: string[] = [];
    const code = await main(
      ['--no-evidence', '--format', 'json', file],
      (s) => out.push(s),
      () => {},
      { cwd: ROOT, env: {} },
    );
    assert.equal(code, exit, `${file}: exit code`);
    assert.equal((JSON.parse(out.join('\n')) as JsonOutput).files[0].verdict?.title, title, `${file}: JSON`);
  }
});

test('every file: one verdict everywhere, by the rule (an unmet item or an error fails, warnings never)', async () => {
  const service = getLanguageService();
  const out: string[] = [];
  // 2: the alias-bomb fixture cannot be read, so it is not checked (and is not in the outputs).
  assert.equal(
    await main(
      ['--no-evidence', '--format', 'json', ...ALL],
      (s) => out.push(s),
      () => {},
      { cwd: ROOT, env: {} },
    ),
    2,
  );
  const json = new Map((JSON.parse(out.join('\n')) as JsonOutput).files.map((f) => [f.file, f]));
  const table: string[] = [];
  await main(
    ['--no-evidence', '--format', 'table', ...ALL],
    (s) => table.push(s),
    () => {},
    { cwd: ROOT, env: {} },
  );
  const rows = new Map(
    table
      .join('\n')
      .split('\n')
      .slice(2)
      .map((l) => l.split(/ {2,}/))
      .map((cells) => [cells[0], cells]),
  );
  let unreadable = 0;
  let checked = 0;
  for (const file of ALL) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const parsed = service.parse(TextDocument.create(`file:///${file}`, languageOf(file), 1, text));
    if (parsed.kind === 'none') continue;
    checked++;
    if (parsed.value === undefined) {
      // Claimed, but its YAML value cannot be built: the command line does not check it (exit 2), the editor says why.
      unreadable++;
      assert.equal(json.has(file), false, file);
      assert.equal(
        await main(
          ['--no-evidence', '--quiet', file],
          () => {},
          () => {},
          { cwd: ROOT, env: {} },
        ),
        2,
        `${file}: exit code`,
      );
      continue;
    }
    const diagnostics = service.doValidation(parsed);
    const checklist = service.getChecklist(parsed, diagnostics)!;
    const { verdict } = checklist;
    const required = checklist.groups.flatMap((g) => g.items).filter((i) => i.level === 'required');
    const unmet = required.filter((i) => ['missing', 'not-open', 'invalid', 'placeholder'].includes(i.status)).length;
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    assert.equal(verdict.unmet, unmet, file);
    assert.equal(verdict.placeholders, required.filter((i) => i.status === 'placeholder').length, file);
    assert.equal(
      verdict.state,
      unmet > 0 || errors > 0 ? 'fails' : verdict.notStated > 0 ? 'incomplete' : 'meets',
      file,
    );
    assert.equal(verdict.meets, verdict.state === 'meets', file);
    // An unmet requirement always shows as an error, so the Problems view and the verdict never disagree.
    if (unmet > 0) assert.ok(errors > 0, `${file}: an unmet requirement has an error diagnostic`);
    if (verdict.syntaxErrors === 0) {
      assert.match(
        verdict.title,
        unmet > 0
          ? new RegExp(`^✗ ${unmet} unmet OSAID 1\\.0 requirements?\\b`)
          : errors > 0
            ? new RegExp(`^✗ ${errors} errors? to fix`)
            : verdict.notStated > 0
              ? new RegExp(`^○ .* ${verdict.notStated} not stated`)
              : /^✓ Meets the OSAID 1\.0 checks/,
        file,
      );
    } else {
      assert.match(verdict.title, /YAML syntax error/, file);
    }
    assert.ok(
      service.getCodeLenses(parsed, diagnostics).some((l) => l.command?.title === verdict.title),
      `${file}: lens`,
    );
    assert.deepEqual(
      json.get(file)?.verdict,
      { meets: verdict.meets, state: verdict.state, title: verdict.title },
      `${file}: JSON`,
    );
    assert.equal(rows.get(file)?.[2], verdict.title, `${file}: table`);
    const report = service.renderReport([{ file, checklist }], 'md', { date: new Date(0) });
    assert.ok(report.includes(`**Verdict:** ${verdict.title}`), `${file}: report`);
    // The exit code is the verdict's.
    const code = await main(
      ['--no-evidence', '--quiet', file],
      () => {},
      () => {},
      { cwd: ROOT, env: {} },
    );
    assert.equal(code, verdict.state === 'fails' ? 1 : 0, `${file}: exit code`);
  }
  assert.ok(checked >= 70, `checked ${checked} files`);
  assert.equal(unreadable, 1, 'the alias-bomb fixture');
});
