/**
 * The evidence: what the release's own files show for each local component. On the sample
 * release tree (test/fixtures/release-tree, expected.json written by hand from its files) and on
 * in-memory trees for what a real file system cannot portably hold (links out, unreadable files).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, MarkupContent } from 'vscode-languageserver-types';
import { nodeFilesSync } from '../../server/src/host/nodeFiles';
import { evidenceConcerns, getLanguageService, sameEvidence, type Evidence } from '../../server/src/service';
import { applyEdits, brief, ROOT } from '../helpers';
import { memoryFiles, type MemoryEntry } from './memoryFiles';

const TREE = join(ROOT, 'test', 'fixtures', 'release-tree');
const MANIFEST = join(TREE, 'osai.yaml');
const EXPECTED = JSON.parse(readFileSync(join(TREE, 'expected.json'), 'utf8')) as {
  diagnostics: Array<[string, 'error' | 'warning' | 'info', string]>;
  components: Record<string, { state: string; license: string | null; agrees: boolean | null }>;
};
const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};
const evidenceCodes = (d: Diagnostic) => typeof d.code === 'string' && /^(?:evidence|location)\//.test(d.code);

function sampleRelease() {
  const service = getLanguageService();
  const text = readFileSync(MANIFEST, 'utf8');
  const parsed = service.parse(TextDocument.create(pathToFileURL(MANIFEST).href, 'osai-manifest', 1, text));
  // The tree's own folder is the root (the command line's folder argument, an editor's workspace folder).
  const evidence = service.collectEvidenceSync(parsed, nodeFilesSync, { roots: [pathToFileURL(TREE).href] })!;
  return { service, text, parsed, evidence, diagnostics: service.doValidation(parsed, evidence) };
}

test('the sample release: each finding where expected.json says, with its severity', () => {
  const { diagnostics } = sampleRelease();
  assert.deepEqual(
    diagnostics.filter(evidenceCodes).map((d) => [brief(d), d.severity]),
    EXPECTED.diagnostics.map(([at, severity]) => [at, SEVERITY[severity]]),
  );
});

test("the sample release: each component's evidence (state, license found, agreement)", () => {
  const { service, evidence } = sampleRelease();
  const described = service.describeEvidence(evidence);
  assert.deepEqual(
    Object.fromEntries(
      described.components.map((c) => [c.component, { state: c.state, license: c.license, agrees: c.agrees }]),
    ),
    EXPECTED.components,
  );
  const weights = described.components.find((c) => c.component === 'parameters.weights')!;
  assert.deepEqual(weights.matches, [
    {
      file: './weights/LICENSE.txt',
      source: 'file',
      kind: 'match',
      ids: ['CC-BY-NC-4.0'],
      confidence: weights.confidence,
    },
  ]);
  assert.ok(weights.confidence! >= 0.9 && weights.confidence! <= 1);
  const runner = described.components.find((c) => c.component === 'code.supporting_libraries[1]')!;
  assert.deepEqual(
    runner.matches.map((m) => [m.file, m.ids]),
    [
      ['./LICENSE-APACHE', ['Apache-2.0']],
      ['./LICENSE-MIT', ['MIT']],
    ],
    'a dual license: two files',
  );
});

test('the messages name what was declared, what was found and where', () => {
  const { diagnostics } = sampleRelease();
  const [weights, evaluation, inference, outside] = diagnostics.filter(evidenceCodes);
  assert.match(
    weights.message,
    /^`parameters\.weights` is declared `Apache-2\.0`, but `\.\/weights\/LICENSE\.txt` is the Creative Commons Attribution Non Commercial 4\.0 International \(`CC-BY-NC-4\.0`, (?:9\d|100)% match\)\. What was found does not pass/,
  );
  assert.equal(
    evaluation.message,
    '`./evaluation` does not exist in the release (looked for ' +
      '`./evaluation` in the repository `release-tree`): `code.evaluation` ' +
      'cannot be obtained from this location.',
  );
  assert.match(
    inference.message,
    /^`code\.inference` is declared `MIT`, but `\.\/inference\/LICENSE` is the Apache License 2\.0 \(`Apache-2\.0`, (?:9\d|100)% match\)\.$/,
  );
  assert.match(outside.message, /^`\.\.\/outside` leads outside the repository `release-tree`/);
});

test('a mismatch fails the verdict; without the evidence the same manifest is not failed by it', () => {
  const { service, parsed, diagnostics, evidence } = sampleRelease();
  const withEvidence = service.getChecklist(parsed, diagnostics, evidence)!;
  // Hand-counted: the weights are not open (CC-BY-NC-4.0 found) and the evaluation code is not there.
  assert.equal(withEvidence.verdict.state, 'fails');
  assert.equal(withEvidence.verdict.unmet, 2);
  const items = Object.fromEntries(withEvidence.groups.flatMap((g) => g.items).map((i) => [i.id, i]));
  assert.equal(items['parameters.weights'].status, 'not-open');
  assert.deepEqual(items['parameters.weights'].evidence?.state, 'disagrees');
  assert.equal(items['code.evaluation'].status, 'missing');
  assert.equal(items['code.evaluation'].evidence?.state, 'not-found');
  assert.equal(items['code.training'].status, 'met');
  assert.equal(items['code.training'].evidence?.state, 'agrees');
  assert.equal(
    items['code.inference'].evidence?.state,
    'disagrees',
    'Apache-2.0 found for a declared MIT: shown, though both pass',
  );
  assert.equal(items['code.inference'].status, 'met');
  const without = service.getChecklist(parsed, service.doValidation(parsed));
  assert.equal(without?.groups.flatMap((g) => g.items).find((i) => i.id === 'parameters.weights')?.status, 'met');
});

test('quick fix of a mismatch: change the declared license to the one found (never preferred)', () => {
  const { service, parsed, text, diagnostics } = sampleRelease();
  const mismatch = diagnostics.find((d) => d.code === 'evidence/license-mismatch')!;
  const actions = service.getCodeActions(parsed, [mismatch], diagnostics);
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred]),
    [['Change to `CC-BY-NC-4.0` (the license found in the release)', false]],
  );
  const edited = applyEdits(text, actions[0].edit!.changes![parsed.document.uri]);
  assert.equal(
    edited.split('\n')[11],
    '    license: CC-BY-NC-4.0            # weights/LICENSE.txt is CC BY-NC 4.0: not open',
  );
});

test("hover on a location shows the files found, the license and its confidence, after the requirement's hover", () => {
  const { service, parsed, evidence } = sampleRelease();
  const at = (line: number, character: number) => service.doHover(parsed, { line, character }, evidence);
  const training = (at(18, 30)?.contents as MarkupContent).value;
  assert.match(training, /\*\*In the release:\*\* `\.\/train`/);
  assert.match(
    training,
    /- `\.\/train\/LICENSE\.txt` is the Apache License 2\.0 \(`Apache-2\.0`, (?:9\d|100)% match\) — agrees with the declared license/,
  );
  const architecture = (at(21, 32)?.contents as MarkupContent).value;
  assert.match(
    architecture,
    /`\.\/model\/pyproject\.toml` states `MIT` \(its license field\) — agrees with the declared license/,
  );
  const header = (at(17, 34)?.contents as MarkupContent).value;
  assert.match(header, /`\.\/data_prep\/prepare\.py` says `SPDX-License-Identifier: Apache-2\.0`/);
  const missing = at(19, 30);
  assert.match((missing?.contents as MarkupContent).value, /It does not exist\./);
  assert.deepEqual(missing?.range, { start: { line: 19, character: 25 }, end: { line: 19, character: 37 } });
  // Without evidence, the location's hover is the requirement's alone.
  assert.doesNotMatch(
    (service.doHover(parsed, { line: 18, character: 30 })?.contents as MarkupContent | undefined)?.value ?? '',
    /In the release/,
  );
});

// --- in-memory trees ---------------------------------------------------------------------

const APACHE = readFileSync(join(ROOT, 'test', 'fixtures', 'licenses', 'Apache-2.0--psf--requests--LICENSE'), 'utf8');
const MIT = readFileSync(join(ROOT, 'test', 'fixtures', 'licenses', 'MIT--expressjs--express--LICENSE'), 'utf8');
const LLAMA2 = readFileSync(join(ROOT, 'test', 'fixtures', 'licenses', 'llama2--meta-llama--llama--LICENSE'), 'utf8');

function inMemory(manifest: string, files: Record<string, MemoryEntry>, roots: string[] = []) {
  const service = getLanguageService();
  const parsed = service.parse(TextDocument.create('file:///repo/osai.yaml', 'osai-manifest', 1, manifest));
  const host = memoryFiles({ '/repo/.git': { dir: true }, '/repo/osai.yaml': manifest, ...files });
  const evidence = service.collectEvidenceSync(parsed, host, { roots });
  return { service, parsed, host, evidence, diagnostics: service.doValidation(parsed, evidence).filter(evidenceCodes) };
}
const training = (location: string, license = 'Apache-2.0') =>
  `osaid: "1.0"\ncode:\n  training: {location: ${location}, license: ${license}}\n`;

test('a component with no license file up to the root: evidence/no-license-file (a warning), on the location', () => {
  const { diagnostics } = inMemory(training('./train'), { '/repo/train/train.py': 'print(1)\n' });
  assert.deepEqual(
    diagnostics.map((d) => [brief(d), d.severity]),
    [['evidence/no-license-file@3:24-3:31', DiagnosticSeverity.Warning]],
  );
});

test('the nearest license file above the location counts, up to the root — not above it', () => {
  const above = inMemory(training('./src/train'), { '/repo/src/train/a.py': '', '/repo/LICENSE': MIT });
  assert.deepEqual(above.diagnostics.map(brief), ['evidence/license-mismatch@3:46-3:56']);
  // A LICENSE beyond the repository root (the folder with .git) is not this release's.
  const service = getLanguageService();
  const text = training('./train');
  const parsed = service.parse(TextDocument.create('file:///outer/repo/osai.yaml', 'osai-manifest', 1, text));
  const host = memoryFiles({
    '/outer/LICENSE': MIT,
    '/outer/repo/.git': { dir: true },
    '/outer/repo/osai.yaml': text,
    '/outer/repo/train/a.py': '',
  });
  const evidence = service.collectEvidenceSync(parsed, host)!;
  assert.equal(evidence.root, 'file:///outer/repo');
  assert.deepEqual(service.doValidation(parsed, evidence).filter(evidenceCodes).map(brief), [
    'evidence/no-license-file@3:24-3:31',
  ]);
});

test('without .git, the workspace folder is the root', () => {
  const service = getLanguageService();
  const text = training('../shared');
  const parsed = service.parse(TextDocument.create('file:///ws/release/osai.yaml', 'osai-manifest', 1, text));
  const host = memoryFiles({ '/ws/release/osai.yaml': text, '/ws/shared/LICENSE': APACHE });
  const inside = service.collectEvidenceSync(parsed, host, { roots: ['file:///ws'] })!;
  assert.equal(inside.root, 'file:///ws');
  assert.deepEqual(service.doValidation(parsed, inside).filter(evidenceCodes), []);
  const alone = service.collectEvidenceSync(parsed, host)!;
  assert.equal(alone.root, 'file:///ws/release', "no .git and no workspace: the document's folder");
  assert.deepEqual(service.doValidation(parsed, alone).filter(evidenceCodes).map(brief), [
    'location/outside-root@3:24-3:33',
  ]);
});

test('a link leading out of the root is not followed; one inside it is', () => {
  const out = inMemory(training('./vendor'), {
    '/repo/vendor': { link: '/elsewhere/lib' },
    '/elsewhere/lib/LICENSE': APACHE,
  });
  assert.deepEqual(out.diagnostics.map(brief), ['location/outside-root@3:24-3:32']);
  const inside = inMemory(training('./vendor'), {
    '/repo/vendor': { link: '/repo/third_party/lib' },
    '/repo/third_party/lib/LICENSE': APACHE,
  });
  assert.deepEqual(inside.diagnostics, []);
});

test('node_modules and .git are never read for evidence', () => {
  const { diagnostics, host } = inMemory(training('./node_modules/pkg'), {
    '/repo/node_modules/pkg/LICENSE': MIT,
    '/repo/node_modules/pkg/index.js': '',
  });
  assert.deepEqual(diagnostics.map(brief), ['evidence/no-license-file@3:24-3:42']);
  assert.ok(!host.reads.some((r) => r.includes('node_modules')), host.reads.join(', '));
});

test('a binary, non-UTF-8 or oversized license file is reported, not read as a license', () => {
  const binary = inMemory(training('./train'), {
    '/repo/train/LICENSE': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]),
  });
  assert.deepEqual(
    binary.diagnostics.map((d) => [brief(d), d.message]),
    [['evidence/unrecognised-license@3:24-3:31', '`./train/LICENSE`: is not text (binary, or not UTF-8).']],
  );
  const latin1 = inMemory(training('./train'), {
    '/repo/train/LICENSE': new Uint8Array([0x4c, 0x69, 0x63, 0x65, 0x6e, 0xe7, 0x61]),
  });
  assert.equal(latin1.diagnostics[0].code, 'evidence/unrecognised-license');
  const huge = inMemory(training('./train'), { '/repo/train/LICENSE': 'x'.repeat(1024 * 1024 + 1) });
  assert.deepEqual(
    huge.diagnostics.map((d) => d.message),
    ['`./train/LICENSE`: is larger than 1 MiB, more than any license text; it was not read.'],
  );
  assert.ok(!huge.host.reads.includes('/repo/train/LICENSE'));
});

test('a text that matches no license: information, with the closest ones', () => {
  const { diagnostics } = inMemory(training('./train'), {
    '/repo/train/LICENSE': 'All rights reserved. You may look at this code, nothing more.\n',
  });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'evidence/unrecognised-license');
  assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
});

test('a use-restricted license found for code declared Apache-2.0 is an error; MIT for Apache-2.0 a warning', () => {
  const llama = inMemory(training('./train'), { '/repo/train/LICENSE': LLAMA2 });
  assert.deepEqual(
    llama.diagnostics.map((d) => [brief(d), d.severity]),
    [['evidence/license-mismatch@3:42-3:52', DiagnosticSeverity.Error]],
  );
  assert.match(
    llama.diagnostics[0].message,
    /`\.\/train\/LICENSE` is the Llama 2 Community License Agreement \(`llama2`, 100% match\)/,
  );
  const mit = inMemory(training('./train'), { '/repo/train/LICENSE': MIT });
  assert.deepEqual(
    mit.diagnostics.map((d) => [brief(d), d.severity]),
    [['evidence/license-mismatch@3:42-3:52', DiagnosticSeverity.Warning]],
  );
});

test(
  'a GPL text agrees with -only and -or-later alike; a preamble stating ' + 'the version is read from package metadata',
  () => {
    const gpl = readFileSync(
      join(ROOT, 'test', 'fixtures', 'licenses', 'GPL-3.0--koalaman--shellcheck--LICENSE'),
      'utf8',
    );
    for (const declared of ['GPL-3.0-only', 'GPL-3.0-or-later']) {
      assert.deepEqual(
        inMemory(training('./train', declared), { '/repo/train/COPYING': gpl }).diagnostics,
        [],
        declared,
      );
    }
    assert.deepEqual(
      inMemory(training('./train', 'GPL-2.0-only'), { '/repo/train/COPYING': gpl }).diagnostics.map(brief),
      ['evidence/license-mismatch@3:42-3:54'],
    );
  },
);

test(
  'package manifests state a license: package.json, pyproject.toml ' + '(string and table), setup.cfg, Cargo.toml',
  () => {
    const cases: Array<[string, string, string]> = [
      ['package.json', '{"name": "x", "license": "MIT"}', 'MIT'],
      ['pyproject.toml', '[project]\nname = "x"\nlicense = "BSD-3-Clause"\n', 'BSD-3-Clause'],
      ['pyproject.toml', '[project]\nname = "x"\nlicense = { text = "ISC" }\n', 'ISC'],
      ['setup.cfg', '[metadata]\nname = x\nlicense = MPL-2.0\n', 'MPL-2.0'],
      ['Cargo.toml', '[package]\nname = "x"\nlicense = "MIT OR Apache-2.0"\n', 'MIT OR Apache-2.0'],
    ];
    for (const [name, content, declared] of cases) {
      assert.deepEqual(
        inMemory(training('./lib', declared), { [`/repo/lib/${name}`]: content }).diagnostics,
        [],
        `${name}: ${content}`,
      );
      const wrong = inMemory(training('./lib', 'GPL-3.0-only'), { [`/repo/lib/${name}`]: content }).diagnostics;
      assert.deepEqual(
        wrong.map((d) => d.code),
        ['evidence/license-mismatch'],
        `${name} against GPL-3.0-only`,
      );
    }
  },
);

test('an SPDX-License-Identifier at the top of a file location is its evidence', () => {
  const ok = inMemory(training('./train.py'), {
    '/repo/train.py': '#!/usr/bin/env python\n# SPDX-License-Identifier: Apache-2.0\nprint(1)\n',
  });
  assert.deepEqual(ok.diagnostics, []);
  const no = inMemory(training('./train.py'), { '/repo/train.py': '// SPDX-License-Identifier: MIT\n' });
  assert.deepEqual(no.diagnostics.map(brief), ['evidence/license-mismatch@3:45-3:55']);
});

test('license file names as real repositories use them, and no others', () => {
  for (const name of [
    'LICENSE',
    'LICENCE',
    'license.md',
    'COPYING',
    'UNLICENSE',
    'LICENSE-MODEL',
    'LICENSE_MODEL',
    'MODEL_LICENSE_AGREEMENT.txt',
    'GEMMA_TERMS_OF_USE.txt',
    'License.rst',
    'LICENSE.html',
  ]) {
    const { diagnostics } = inMemory(training('./train'), { [`/repo/train/${name}`]: MIT });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['evidence/license-mismatch'],
      name,
    );
  }
  // A PDF is a license document too: read, and reported as not text.
  assert.deepEqual(
    inMemory(training('./train'), {
      '/repo/train/LICENSE.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0xff]),
    }).diagnostics.map((d) => [d.code, d.message]),
    [['evidence/unrecognised-license', '`./train/LICENSE.pdf`: is not text (binary, or not UTF-8).']],
  );
  for (const name of ['license.py', 'check-license.js', 'licenses.json', 'LICENSE.png']) {
    const { diagnostics } = inMemory(training('./train'), { [`/repo/train/${name}`]: MIT });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['evidence/no-license-file'],
      name,
    );
  }
});

test(
  'a Hugging Face card: the LICENSE beside it against its license; a fix ' +
    "in the Hub's spelling; no file is no finding",
  () => {
    const service = getLanguageService();
    const card = '---\nlicense: apache-2.0\n---\n# Model\n';
    const parsed = service.parse(TextDocument.create('file:///hub/model/README.md', 'markdown', 1, card));
    const host = memoryFiles({ '/hub/model/README.md': card, '/hub/model/LICENSE': MIT });
    const evidence = service.collectEvidenceSync(parsed, host);
    const diagnostics = service.doValidation(parsed, evidence);
    const mismatch = diagnostics.filter(evidenceCodes);
    assert.deepEqual(
      mismatch.map((d) => [brief(d), d.severity]),
      [['evidence/license-mismatch@2:10-2:20', DiagnosticSeverity.Warning]],
    );
    assert.deepEqual(
      service.getCodeActions(parsed, mismatch, diagnostics, ['quickfix']).map((a) => a.title),
      ['Change to `mit` (the license found in the release)'],
    );
    const none = memoryFiles({ '/hub/model/README.md': card, '/hub/LICENSE': LLAMA2 });
    assert.deepEqual(
      service.doValidation(parsed, service.collectEvidenceSync(parsed, none)).filter(evidenceCodes),
      [],
      "only the card's own folder",
    );
  },
);

test("a MOF component's license_path is its license file", () => {
  const service = getLanguageService();
  const mof = [
    'framework:',
    '  name: Model Openness Framework',
    '  version: "1.0"',
    '  date: "2024-12-15"',
    'release:',
    '  name: Example',
    '  version: "1"',
    '  date: "2024-01-01"',
    '  type: language',
    '  architecture: transformer',
    '  origin: none',
    '  producer: Example',
    '  contact: x@example.org',
    '  components:',
    '    - name: Training code',
    '      description: x',
    '      license: Apache-2.0',
    '      license_path: ./LICENSE-CODE',
    '    - name: Model parameters (Final)',
    '      description: x',
    '      license: Apache-2.0',
    '      license_path: ./weights/LICENSE',
    '',
  ].join('\n');
  const parsed = service.parse(TextDocument.create('file:///mof/model.yml', 'yaml', 1, mof));
  const host = memoryFiles({
    '/mof/.git': { dir: true },
    '/mof/model.yml': mof,
    '/mof/LICENSE-CODE': APACHE,
    '/mof/weights/LICENSE': LLAMA2,
  });
  const found = service.doValidation(parsed, service.collectEvidenceSync(parsed, host)).filter(evidenceCodes);
  assert.deepEqual(
    found.map((d) => [brief(d), d.severity]),
    [['evidence/license-mismatch@21:16-21:26', DiagnosticSeverity.Error]],
  );
});

test('an earlier collection holds for unchanged components (with their new ranges) until the next one', () => {
  const { service, parsed, evidence } = sampleRelease();
  const text = parsed.document.getText();
  const shifted = service.parse(
    TextDocument.create(parsed.document.uri, 'osai-manifest', 2, `# a new first line\n${text}`),
  );
  const reused = service.reuseEvidence(shifted, evidence)!;
  assert.equal(reused.items.length, evidence.items.length);
  assert.deepEqual(
    service.doValidation(shifted, reused).filter(evidenceCodes).map(brief),
    EXPECTED.diagnostics.map(([at]) =>
      at.replace(
        /@(\d+):(\d+)-(\d+):/,
        (_, a: string, b: string, c: string) => `@${Number(a) + 1}:${b}-${Number(c) + 1}:`,
      ),
    ),
  );
  assert.ok(sameEvidence(service.reuseEvidence(shifted, evidence), reused));
  assert.equal(
    service.evidenceKey(shifted),
    service.evidenceKey(parsed),
    'the same components: no new collection needed',
  );
  const changed = service.parse(
    TextDocument.create(
      parsed.document.uri,
      'osai-manifest',
      3,
      text.replace('location: ./train,', 'location: ./training,'),
    ),
  );
  assert.notEqual(service.evidenceKey(changed), service.evidenceKey(parsed));
  assert.equal(
    service.reuseEvidence(changed, evidence)!.items.length,
    evidence.items.length - 1,
    'the changed component waits for the next collection',
  );
});

test("which file changes concern a document's evidence", () => {
  const { evidence } = sampleRelease();
  const root = pathToFileURL(TREE).href;
  const concerns = (path: string) => evidenceConcerns(evidence as Evidence, `${root}/${path}`);
  assert.ok(concerns('train/LICENSE.txt'));
  assert.ok(concerns('evaluation'), 'the missing location, created');
  assert.ok(concerns('libs/tok/package.json'));
  assert.ok(concerns('data_prep/prepare.py'), 'a file location (its SPDX header)');
  assert.ok(concerns('libs'), 'a folder above a location');
  assert.ok(!concerns('train/train.py'), 'another file inside a location folder');
  assert.ok(!evidenceConcerns(evidence as Evidence, 'file:///elsewhere/LICENSE'));
});

test(
  'completion of real paths while a location is typed: the names in the ' + 'folder typed so far, folders first',
  async () => {
    const service = getLanguageService();
    const text = 'osaid: "1.0"\ncode:\n  training: {location: ./sr, license: MIT}\n';
    const parsed = service.parse(TextDocument.create('file:///repo/osai.yaml', 'osai-manifest', 1, text));
    const host = memoryFiles({
      '/repo/.git': { dir: true },
      '/repo/osai.yaml': text,
      '/repo/src/train.py': '',
      '/repo/setup.py': '',
      '/repo/.hidden': '',
      '/repo/node_modules/x/index.js': '',
    });
    // After `./sr` (line 3: `./sr` is at 0-based columns 23–26): the root's names, replacing `sr`.
    const list = await service.completePaths(parsed, { line: 2, character: 27 }, host);
    assert.deepEqual(
      list?.items.map((i) => [i.label, i.sortText, (i.textEdit as { range: unknown }).range]),
      [
        ['osai.yaml', '1osai.yaml', { start: { line: 2, character: 25 }, end: { line: 2, character: 27 } }],
        ['setup.py', '1setup.py', { start: { line: 2, character: 25 }, end: { line: 2, character: 27 } }],
        ['src/', '0src', { start: { line: 2, character: 25 }, end: { line: 2, character: 27 } }],
      ],
    );
    const inside = service.parse(
      TextDocument.create('file:///repo/osai.yaml', 'osai-manifest', 2, text.replace('./sr,', './src/,')),
    );
    assert.deepEqual(
      (await service.completePaths(inside, { line: 2, character: 29 }, host))?.items.map((i) => i.label),
      ['train.py'],
    );
    const outside = service.parse(
      TextDocument.create('file:///repo/osai.yaml', 'osai-manifest', 3, text.replace('./sr,', '../,')),
    );
    assert.equal(
      await service.completePaths(outside, { line: 2, character: 26 }, host),
      undefined,
      'nothing outside the repository is listed',
    );
    assert.equal(await service.completePaths(parsed, { line: 2, character: 40 }, host), undefined, 'not in a location');
  },
);

test(
  'hostile locations never crash the evidence: long, encoded, NUL, drive ' +
    'letters, .. chains, URIs of other schemes',
  () => {
    const values = [
      '../'.repeat(500) + 'etc/passwd',
      `./${'a/'.repeat(2000)}x`,
      './%E0%A4%A',
      './a%00b',
      'file:///../../x',
      'file://host/share/x',
      'C:\\\\Windows\\\\x',
      '"./quoted path"',
      './LICENSE/..',
      '/',
      '.',
      '..',
      './\u202Eevil',
      'file:%',
      `./${'x'.repeat(5000)}`,
    ];
    for (const value of values) {
      const text = `osaid: "1.0"\ncode:\n  training:\n    location: ${JSON.stringify(value)}\n    license: MIT\n`;
      const { diagnostics } = inMemory(text, { '/repo/LICENSE': MIT });
      for (const d of diagnostics) assert.match(String(d.code), /^(?:evidence|location)\//, value);
      assert.ok(diagnostics.length <= 1, `${value}: ${diagnostics.map(brief).join(', ')}`);
    }
  },
);

test('only locations that are paths are evidence targets: URLs and other schemes never are, a drive letter is', () => {
  const service = getLanguageService();
  const key = (location: string) =>
    service.evidenceKey(
      service.parse(TextDocument.create('file:///repo/osai.yaml', 'osai-manifest', 1, training(location))),
    );
  for (const url of ['https://github.com/org/repo', '"hf://org/model"', 's3://bucket/x', 'git+https://x/y'])
    assert.equal(key(url), '', url);
  for (const path of ['./train', 'code/', 'file:///srv/x', '"C:/work/x"', 'train'])
    assert.notEqual(key(path), '', path);
});
