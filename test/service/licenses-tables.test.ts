/**
 * Table-driven checks over the whole bundled SPDX list and the curated tables. The sweeps take each id's
 * OSI approval from that list (they check that the code follows it); a hand-picked sample checks the
 * approvals against the OSI's own list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import spdxList from 'spdx-license-list';
import deprecatedIds from 'spdx-license-ids/deprecated.json';
import {
  checkLicense,
  DEPRECATED_REPLACEMENTS,
  lookupLicense,
  OPEN_LICENSES,
  RESTRICTED_LICENSES,
  SPDX_EXCEPTIONS,
  SPDX_LICENSES,
  spdxLicenseCount,
} from '../../server/src/service/licenses';

const ALL_IDS = Object.keys(spdxList);
const DEPRECATED = new Set<string>([...deprecatedIds, ...ALL_IDS.filter((id) => id.endsWith('+'))]);
const CURRENT = ALL_IDS.filter((id) => !DEPRECATED.has(id));
const OSI = CURRENT.filter((id) => spdxList[id].osiApproved);
const NOT_OSI = CURRENT.filter((id) => !spdxList[id].osiApproved);

test('the bundled list is the one the tables are built from', () => {
  assert.equal(spdxLicenseCount(), ALL_IDS.length);
  assert.ok(ALL_IDS.length > 600, `only ${ALL_IDS.length} SPDX ids bundled`);
  assert.ok(OSI.length > 100 && NOT_OSI.length > 300, `${OSI.length} OSI / ${NOT_OSI.length} other`);
  for (const id of ALL_IDS) assert.ok(SPDX_LICENSES.has(id), id);
});

/**
 * Hand-picked ids and whether the Open Source Initiative approved them, as its list of licenses says
 * (https://opensource.org/licenses): the verdicts below do not come from the data the code reads.
 */
const OSI_APPROVED_BY_HAND: ReadonlyArray<readonly [id: string, approved: boolean]> = [
  ['MIT', true],
  ['Apache-2.0', true],
  ['GPL-2.0-only', true],
  ['GPL-3.0-only', true],
  ['GPL-3.0-or-later', true],
  ['LGPL-2.1-only', true],
  ['LGPL-3.0-only', true],
  ['AGPL-3.0-only', true],
  ['BSD-2-Clause', true],
  ['BSD-3-Clause', true],
  ['0BSD', true],
  ['MPL-2.0', true],
  ['EPL-2.0', true],
  ['ISC', true],
  ['Zlib', true],
  ['Artistic-2.0', true],
  ['EUPL-1.2', true],
  ['UPL-1.0', true],
  ['Unlicense', true],
  ['MIT-0', true],
  ['BSL-1.0', true],
  ['PostgreSQL', true],
  ['MS-PL', true],
  ['CC-BY-4.0', false],
  ['CC-BY-SA-4.0', false],
  ['CC0-1.0', false],
  ['CC-BY-NC-4.0', false],
  ['WTFPL', false],
  ['BSD-4-Clause', false],
  ['BSD-3-Clause-Clear', false],
  ['JSON', false],
  ['SSPL-1.0', false],
  ['BUSL-1.1', false],
  ['Elastic-2.0', false],
  ['ODbL-1.0', false],
  ['CDLA-Permissive-2.0', false],
  ['Beerware', false],
  ['GFDL-1.3-only', false],
  ['Hippocratic-2.1', false],
];

test("hand-picked ids: OSI-approved as opensource.org/licenses says, and 'osi' passes exactly those", () => {
  for (const [id, approved] of OSI_APPROVED_BY_HAND) {
    assert.equal(lookupLicense(id)?.osiApproved, approved, id);
    const findings = checkLicense(id, 'osi').map((f) => [f.code, f.start, f.end]);
    assert.deepEqual(findings, approved ? [] : [['license/not-osi-approved', 0, id.length]], id);
    // The bundled list the sweeps below rely on agrees with the OSI's.
    assert.equal(spdxList[id].osiApproved, approved, `${id} in the bundled SPDX list`);
  }
});

test("every OSI-approved, non-deprecated SPDX id passes 'osi' and 'open' with no findings", () => {
  for (const id of OSI) {
    assert.deepEqual(checkLicense(id, 'osi'), [], id);
    assert.deepEqual(checkLicense(id, 'open'), [], id);
  }
});

test("every other non-deprecated SPDX id fails 'osi' with exactly one license/not-osi-approved over the id", () => {
  for (const id of NOT_OSI) {
    const findings = checkLicense(id, 'osi');
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.start, f.end, f.replacements]),
      [['license/not-osi-approved', 'error', 0, id.length, []]],
      id,
    );
    assert.match(findings[0].message, /not OSI-approved/, id);
  }
});

test("every curated open license passes 'open' with no findings but (not being OSI-approved) fails 'osi'", () => {
  assert.ok(OPEN_LICENSES.length >= 15);
  for (const entry of OPEN_LICENSES) {
    assert.deepEqual(checkLicense(entry.id, 'open'), [], entry.id);
    assert.match(entry.url, /^https?:\/\//, entry.id);
    assert.ok(entry.reason.length > 10, entry.id);
    assert.deepEqual(
      checkLicense(entry.id, 'osi').map((f) => f.code),
      ['license/not-osi-approved'],
      entry.id,
    );
  }
  for (const id of [
    'CC0-1.0',
    'CC-BY-4.0',
    'CC-BY-SA-4.0',
    'CC-BY-3.0',
    'CDLA-Permissive-1.0',
    'CDLA-Permissive-2.0',
    'CDLA-Sharing-1.0',
    'ODC-By-1.0',
    'ODbL-1.0',
    'PDDL-1.0',
    'OpenMDW-1.0',
    'OGL-UK-3.0',
  ]) {
    assert.ok(
      OPEN_LICENSES.some((e) => e.id === id),
      `${id} missing from the curated list`,
    );
  }
});

test("every -NC / -ND id fails 'open' with license/not-open, and the message names the clause", () => {
  const restricted = CURRENT.filter((id) => id.includes('-NC') || id.includes('-ND'));
  assert.ok(restricted.length >= 25, `${restricted.length}`);
  for (const id of restricted) {
    const findings = checkLicense(id, 'open');
    assert.deepEqual(
      findings.map((f) => [f.code, f.start, f.end]),
      [['license/not-open', 0, id.length]],
      id,
    );
    assert.match(findings[0].message, /non-commercial|no-derivatives/, id);
    assert.equal(
      OPEN_LICENSES.some((e) => e.id === id),
      false,
      id,
    );
  }
});

test("other non-OSI, non-curated ids fail 'open'", () => {
  for (const id of [
    'C-UDA-1.0',
    'CC-PDM-1.0',
    'JSON',
    'SSPL-1.0',
    'BUSL-1.1',
    'Elastic-2.0',
    'Hippocratic-2.1',
    'GFDL-1.3-only',
  ]) {
    assert.ok(SPDX_LICENSES.has(id), id);
    assert.deepEqual(
      checkLicense(id, 'open').map((f) => f.code),
      ['license/not-open'],
      id,
    );
  }
  assert.match(checkLicense('C-UDA-1.0', 'open')[0].message, /computational/);
});

test('every deprecated SPDX id gets license/deprecated with current replacements', () => {
  for (const id of DEPRECATED) {
    const repl = DEPRECATED_REPLACEMENTS.get(id);
    assert.ok(repl, `no replacement entry for ${id}`);
    for (const r of repl) {
      const [license, withWord, exception, ...rest] = r.split(' ');
      assert.equal(rest.length, 0, r);
      assert.equal(SPDX_LICENSES.get(license)?.deprecated, false, r);
      if (withWord !== undefined) {
        assert.equal(withWord, 'WITH', r);
        assert.ok(SPDX_EXCEPTIONS.has(exception), r);
      }
      // The replacement is itself clean for the test its license passes.
      const t = SPDX_LICENSES.get(license)?.osiApproved ? 'osi' : 'open';
      assert.equal(checkLicense(r, t).filter((f) => f.severity === 'warning').length, 0, r);
    }
    const findings = checkLicense(id, 'osi');
    assert.equal(findings[0].code, 'license/deprecated', id);
    assert.equal(findings[0].severity, 'warning', id);
    assert.deepEqual([findings[0].start, findings[0].end], [0, id.length], id);
    assert.deepEqual(findings[0].replacements, [...repl], id);
    assert.equal(lookupLicense(id)?.deprecated, true, id);
  }
  assert.ok(DEPRECATED.has('GPL-3.0') && DEPRECATED.has('GPL-2.0+'));
});

test('every spelling of every restricted AI license gets exactly license/restricted under both tests', () => {
  let spellings = 0;
  for (const entry of RESTRICTED_LICENSES) {
    assert.match(entry.url, /^https:\/\//, entry.id);
    assert.ok(entry.restriction.length > 5, entry.id);
    for (const spelling of [entry.id, entry.name, ...entry.huggingFace, ...entry.scancode, ...entry.spellings]) {
      for (const variant of [spelling, spelling.toUpperCase(), spelling.toLowerCase()]) {
        for (const t of ['osi', 'open'] as const) {
          const findings = checkLicense(variant, t);
          assert.deepEqual(
            findings.map((f) => [f.code, f.severity, f.start, f.end, f.replacements]),
            [['license/restricted', 'error', 0, variant.length, []]],
            `${variant} (${t})`,
          );
          assert.ok(findings[0].message.includes(entry.restriction), variant);
        }
      }
      spellings++;
      assert.equal(lookupLicense(spelling)?.id, entry.id, spelling);
      assert.equal(lookupLicense(spelling)?.restricted, entry.restriction, spelling);
    }
  }
  assert.ok(spellings >= 60, `${spellings}`);
});

test('the restricted list covers the licenses the requirements name, with their Hugging Face ids', () => {
  const hf = new Set(RESTRICTED_LICENSES.flatMap((e) => e.huggingFace));
  for (const id of [
    'llama2',
    'llama3',
    'llama3.1',
    'llama3.2',
    'llama3.3',
    'llama4',
    'gemma',
    'openrail',
    'openrail++',
    'creativeml-openrail-m',
    'bigscience-openrail-m',
    'bigscience-bloom-rail-1.0',
    'bigcode-openrail-m',
    'deepfloyd-if-license',
  ]) {
    assert.ok(hf.has(id), id);
  }
  const free = [
    'Llama 3 Community License',
    'META LLAMA 3 COMMUNITY LICENSE AGREEMENT',
    'Gemma Terms of Use',
    'OpenRAIL-M',
    'BigScience BLOOM RAIL 1.0',
    'Grok 2 Community License',
    'DeepFloyd IF Research License Agreement',
    'LicenseRef-scancode-llama-2-license-2023',
    'LicenseRef-scancode-bigcode-open-rail-m-v1',
    'llama-3.1',
    'Llama-3.3 community license',
  ];
  for (const text of free)
    assert.deepEqual(
      checkLicense(text, 'open').map((f) => f.code),
      ['license/restricted'],
      text,
    );
  // A Llama spelling that is not a license we know stays unknown rather than being guessed.
  assert.deepEqual(
    checkLicense('llama5', 'open').map((f) => f.code),
    ['license/unknown'],
  );
});
