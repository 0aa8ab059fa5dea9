/**
 * License text identification against real license files (test/fixtures/licenses: 87 files from
 * public repositories; each one's expected license is in ATTRIBUTION.md, written from the file's
 * own title and the repository's stated license).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { identifyLicenseText, type Identification } from '../../server/src/service/licenses/identify/identify';
import { licenseWords } from '../../server/src/service/licenses/identify/normalize';
import { licenseIndexText, INDEX_MODULE } from '../../scripts/license-index';
import { ROOT } from '../helpers';
import { memoryFiles } from './memoryFiles';

const DIR = join(ROOT, 'test', 'fixtures', 'licenses');

/** The table of ATTRIBUTION.md: corpus file → expected id or expression. */
function corpus(): Array<{ file: string; expected: string }> {
  const rows = readFileSync(join(DIR, 'ATTRIBUTION.md'), 'utf8')
    .split('\n')
    .map((line) => /^\| \d+ \| `([^`]+)` \| `[^`]+` \| `([^`]+)` \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: m[1], expected: m[2] }));
  return rows;
}

/** The licenses an expected expression names (an exception after WITH is not a license). */
function expectedIds(expression: string): string[] {
  return expression
    .replace(/\s+WITH\s+[^\s()]+/g, '')
    .split(/\s+(?:AND|OR)\s+/)
    .map((s) => s.replace(/[()]/g, '').trim());
}

/** A GNU family id (`GPL-3.0`: the text without "only" or "or later") stands for any of its variants. */
function variants(id: string): string[] {
  return /^(?:A|L)?GPL-\d\.\d$/.test(id) ? [id, `${id}-only`, `${id}-or-later`] : [id];
}

/** Every license the identification reports, each as the ids it stands for. */
function reported(r: Identification): string[][] {
  switch (r.kind) {
    case 'match':
      return [[...r.match.ids]];
    case 'contains':
      return r.matches.map((m) => [...m.ids]);
    case 'notice':
      return r.ids.map((id) => [id]);
    case 'unrecognised':
      return [];
  }
}

function isRight(expected: string, r: Identification): boolean {
  if (expected === 'unrecognised') return r.kind === 'unrecognised';
  const found = reported(r);
  return expectedIds(expected).every((id) => found.some((ids) => variants(id).some((v) => ids.includes(v))));
}

test('the corpus holds at least 60 real license files, each listed in ATTRIBUTION.md with its source', () => {
  const rows = corpus();
  const files = readdirSync(DIR).filter((f) => f !== 'ATTRIBUTION.md');
  assert.ok(rows.length >= 60, `${rows.length} rows`);
  assert.deepEqual(rows.map((r) => r.file).sort(), files.sort());
});

test('identification is right for at least 97% of the corpus', () => {
  const rows = corpus();
  const wrong = rows
    .filter(({ file, expected }) => !isRight(expected, identifyLicenseText(readFileSync(join(DIR, file), 'utf8'))))
    .map(
      ({ file, expected }) =>
        `${file} (expected ${expected}): ${JSON.stringify(identifyLicenseText(readFileSync(join(DIR, file), 'utf8')))}`,
    );
  const right = rows.length - wrong.length;
  assert.ok(right / rows.length >= 0.97, `${right} of ${rows.length} right; wrong:\n${wrong.join('\n')}`);
});

test('a license with third-party notices appended is that license, not a second or third one', () => {
  const thrift = identifyLicenseText(readFileSync(join(DIR, 'Apache-2.0--apache--thrift--LICENSE'), 'utf8'));
  assert.equal(thrift.kind, 'match');
  assert.deepEqual(thrift.kind === 'match' && thrift.match.ids, ['Apache-2.0']);
  const llama3 = identifyLicenseText(readFileSync(join(DIR, 'llama3--meta-llama--llama3--LICENSE'), 'utf8'));
  assert.deepEqual(
    llama3.kind === 'match' && llama3.match.ids,
    ['llama3'],
    'the acceptable-use policy appended is part of it',
  );
});

test('a file holding two licenses is read as those two, not as a third', () => {
  const numpy = identifyLicenseText(
    readFileSync(join(DIR, 'BSD-3-Clause_AND_MIT--numpy--numpy--numpy_random_src_mt19937_LICENSE.md'), 'utf8'),
  );
  assert.equal(numpy.kind, 'contains');
  assert.deepEqual(numpy.kind === 'contains' && numpy.matches.map((m) => m.ids[0]).sort(), ['BSD-3-Clause', 'MIT']);
  const esphome = identifyLicenseText(readFileSync(join(DIR, 'MIT_AND_GPL-3.0--esphome--esphome--LICENSE'), 'utf8'));
  assert.deepEqual(
    esphome.kind === 'contains' &&
      esphome.matches
        .map((m) => m.ids)
        .map((ids) => (ids.includes('MIT') ? 'MIT' : ids.includes('GPL-3.0-only') ? 'GPL-3.0' : ids.join('|')))
        .sort(),
    ['GPL-3.0', 'MIT'],
  );
});

test('a GPL text stands for its -only and -or-later ids alike; a notice says which', () => {
  const handbrake = identifyLicenseText(readFileSync(join(DIR, 'GPL-2.0--HandBrake--HandBrake--COPYING'), 'utf8'));
  assert.ok(
    handbrake.kind === 'match' &&
      handbrake.match.ids.includes('GPL-2.0-only') &&
      handbrake.match.ids.includes('GPL-2.0-or-later'),
  );
  const sabnzbd = identifyLicenseText(
    readFileSync(join(DIR, 'GPL-2.0-or-later--sabnzbd--sabnzbd--LICENSE.txt'), 'utf8'),
  );
  assert.deepEqual(sabnzbd, { kind: 'notice', ids: ['GPL-2.0-or-later'], join: 'and' });
  const ripgrep = identifyLicenseText(
    readFileSync(join(DIR, 'Unlicense_OR_MIT--BurntSushi--ripgrep--COPYING'), 'utf8'),
  );
  assert.deepEqual(ripgrep, { kind: 'notice', ids: ['Unlicense', 'MIT'], join: 'or' });
});

test('a custom or proprietary text is unrecognised, never a guess', () => {
  for (const file of readdirSync(DIR).filter((f) => f.startsWith('unrecognised--'))) {
    const r = identifyLicenseText(readFileSync(join(DIR, file), 'utf8'));
    assert.equal(r.kind, 'unrecognised', file);
    assert.ok(r.kind === 'unrecognised' && r.closest.every((c) => c.confidence < 0.9), file);
  }
});

/**
 * Through the whole service: each corpus file as `train/LICENSE` of a release whose manifest
 * declares the file's expected license for `code.training` — never a mismatch (a GNU family
 * text is declared both `-only` and `-or-later`).
 */
test("no mismatch is reported where the declared license is the file's own", () => {
  const service = getLanguageService();
  const problems: string[] = [];
  for (const { file, expected } of corpus()) {
    if (expected === 'unrecognised') continue;
    const declarations = /^(?:A|L)?GPL-\d\.\d$/.test(expected)
      ? [`${expected}-only`, `${expected}-or-later`]
      : [expected];
    for (const declared of declarations) {
      const text = `osaid: "1.0"\ncode:\n  training: {location: ./train, license: ${declared}}\n`;
      const parsed = service.parse(TextDocument.create('file:///repo/osai.yaml', 'osai-manifest', 1, text));
      const host = memoryFiles({
        '/repo/.git': { dir: true },
        '/repo/osai.yaml': text,
        '/repo/train/LICENSE': readFileSync(join(DIR, file)),
      });
      const evidence = service.collectEvidenceSync(parsed, host);
      const mismatch = service.doValidation(parsed, evidence).filter((d) => d.code === 'evidence/license-mismatch');
      if (mismatch.length > 0)
        problems.push(`${file} declared ${declared}: ${mismatch.map((d) => d.message).join(' | ')}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the license index is up to date with spdx-license-list (npm run license-index)', () => {
  assert.equal(
    readFileSync(join(ROOT, INDEX_MODULE), 'utf8'),
    licenseIndexText(),
    `${INDEX_MODULE} is stale: run \`npm run license-index\``,
  );
});

test('AI licenses outside the corpus are told by their opening lines, as their published copies start', () => {
  // The first lines of each copy named in aiTexts.ts (the rest of the text omitted).
  const openings: Array<[string, string]> = [
    [
      'falcon-180b-tii-license-1.0',
      'FALCON 180B TII LICENSE VERSION 1.0\nSeptember ' +
        '2023\nfalconllm.tii.ae\nINTRODUCTORY NOTE\nThis license is, in part, ' +
        'based on the Apache License Version 2.0 (available at ' +
        'http://www.apache.org/licenses/), with a series of modifications. The ' +
        'contribution of the Apache License 2.0 to the framing of this document ' +
        'is acknowledged. Please read this license carefully, as it is ' +
        'different to other ‘open access’ licenses you may have encountered ' +
        'previously. Use of Falcon180B for hosted services may require a separate license.\n',
    ],
    [
      'bigscience-bloom-rail-1.0',
      'BigScience RAIL License v1.0\ndated May 19, 2022\n\nThis is a license ' +
        '(the “License”) between you (“You”) and the participants of BigScience (“Licensor”).\n',
    ],
    [
      'bigcode-openrail-m',
      'BigCode Open RAIL-M v1 License Agreement\n\nSection I: Preamble\nThis ' +
        'OpenRAIL-M License Agreement was created under BigCode, an open and ' +
        'collaborative research project.\n',
    ],
  ];
  for (const [id, text] of openings)
    assert.deepEqual(identifyLicenseText(text), { kind: 'match', match: { ids: [id], confidence: 1 } }, id);
});

test(
  'normalisation as the SPDX matching guidelines say: copyright lines, ' +
    'markup, bullets, placeholders and spellings do not count',
  () => {
    const words = (text: string) => licenseWords(text).join(' ');
    assert.equal(
      words('Copyright (c) 2020 Jane Doe\n(c) 2021 Acme\n© Someone\nAll rights reserved.\nPermission is granted.'),
      'permission is granted',
    );
    assert.equal(
      words('The above copyright notice and this permission notice shall be included.'),
      'the above copyright notice and this permission notice shall be included',
      'a line of the license that starts with the word stays',
    );
    assert.equal(
      words('(c) "Gemma" means the models.'),
      'gemma means the models',
      'a list item (c) is a bullet, not a copyright line',
    );
    assert.equal(
      words('# **MIT** License\n\n[the license](https://example.org/x) `code`'),
      'mit license the license code',
    );
    assert.equal(
      words('1. Definitions.\n  (a) "Licensor" means\n  - one\n  * two'),
      'definitions licensor means one two',
    );
    assert.equal(
      words('Copyright [yyyy] [name of copyright owner]\nLicensed under the Licence, non-commercial, sub-license'),
      'licensed under the license noncommercial sublicense',
    );
    assert.equal(
      words('Apache License [yyyy] {name of copyright owner} <year>'),
      'apache license',
      "the appendix's placeholders",
    );
    assert.equal(
      words('terms\nEND OF TERMS AND CONDITIONS\nAPPENDIX: How to apply'),
      'terms',
      'what follows the terms is cut',
    );
    assert.equal(
      licenseWords('terms\nEND OF TERMS AND CONDITIONS\nmore', true).join(' '),
      'terms end of terms and conditions more',
      'unless the whole file is asked for',
    );
  },
);
