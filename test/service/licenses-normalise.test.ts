/** Messy license ids: free text, Hugging Face ids, families, deprecated ids, unknown ids. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLicense, type LicenseTest } from '../../server/src/service/licenses';

/** [code, start, end, replacements] of each finding. */
function shape(value: string, t: LicenseTest): unknown[] {
  return checkLicense(value, t).map((f) => [f.code, f.start, f.end, f.replacements]);
}

const NON_CANONICAL: readonly (readonly [string, string])[] = [
  ['Apache 2.0', 'Apache-2.0'],
  ['Apache License 2.0', 'Apache-2.0'],
  ['Apache License, Version 2.0', 'Apache-2.0'],
  ['apache-2.0', 'Apache-2.0'],
  ['APACHE-2.0', 'Apache-2.0'],
  ['MIT License', 'MIT'],
  ['mit', 'MIT'],
  ['BSD-3', 'BSD-3-Clause'],
  ['bsd-3-clause', 'BSD-3-Clause'],
  ['BSD 3-Clause License', 'BSD-3-Clause'],
  ['bsd-2-clause', 'BSD-2-Clause'],
  ['gpl-3.0-only', 'GPL-3.0-only'],
  ['GPL v3 or later', 'GPL-3.0-or-later'],
  ['GNU General Public License v3.0 or later', 'GPL-3.0-or-later'],
  ['agpl-3.0-or-later', 'AGPL-3.0-or-later'],
  ['mpl-2.0', 'MPL-2.0'],
  ['bsl-1.0', 'BSL-1.0'],
  ['isc', 'ISC'],
  ['unlicense', 'Unlicense'],
  // MIT has no later versions: "or later" adds nothing.
  ['mit+', 'MIT'],
  ['MIT+', 'MIT'],
  ['Apache-2', 'Apache-2.0'],
  ['Apache v2', 'Apache-2.0'],
];

test(
  'free text and lowercase ids that name one OSI-approved license: only ' +
    'the non-canonical warning, with the exact fix',
  () => {
    for (const [value, fix] of NON_CANONICAL) {
      for (const t of ['osi', 'open'] as const) {
        assert.deepEqual(shape(value, t), [['license/non-canonical', 0, value.length, [fix]]], `${value} (${t})`);
      }
      assert.equal(checkLicense(value, 'osi')[0].severity, 'warning');
    }
  },
);

test('Hugging Face ids for open data/content licenses normalise to SPDX ids', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['cc-by-4.0', 'CC-BY-4.0'],
    ['cc0-1.0', 'CC0-1.0'],
    ['cc-by-sa-4.0', 'CC-BY-SA-4.0'],
    ['odc-by', 'ODC-By-1.0'],
    ['odbl', 'ODbL-1.0'],
    ['pddl', 'PDDL-1.0'],
    ['cdla-permissive-2.0', 'CDLA-Permissive-2.0'],
    ['cdla-sharing-1.0', 'CDLA-Sharing-1.0'],
    ['openmdw-1.0', 'OpenMDW-1.0'],
    ['Creative Commons Attribution 4.0 International', 'CC-BY-4.0'],
  ];
  for (const [value, fix] of cases) {
    // Open: warning only.
    assert.deepEqual(shape(value, 'open'), [['license/non-canonical', 0, value.length, [fix]]], value);
    // Code: warning plus the error, on the same range.
    assert.deepEqual(
      shape(value, 'osi'),
      [
        ['license/non-canonical', 0, value.length, [fix]],
        ['license/not-osi-approved', 0, value.length, []],
      ],
      value,
    );
  }
});

test('a non-canonical id for a non-qualifying license gets the warning and the error', () => {
  assert.deepEqual(shape('cc-by-nc-4.0', 'open'), [
    ['license/non-canonical', 0, 12, ['CC-BY-NC-4.0']],
    ['license/not-open', 0, 12, []],
  ]);
  assert.deepEqual(shape('Creative Commons Attribution Non Commercial 4.0', 'open'), [
    ['license/non-canonical', 0, 47, ['CC-BY-NC-4.0']],
    ['license/not-open', 0, 47, []],
  ]);
  assert.deepEqual(shape('c-uda', 'open'), [
    ['license/non-canonical', 0, 5, ['C-UDA-1.0']],
    ['license/not-open', 0, 5, []],
  ]);
});

test(
  'a family name is met only when every member passes; otherwise it is ' +
    'unmet, with the members as fixes (those that pass first)',
  () => {
    // Members, from the SPDX list: GPL 1.0 is not OSI-approved, 2.0 and 3.0 are; LGPL 2.0, 2.1 and 3.0 all are;
    // AGPL 1.0 is not, 3.0 is; BSD-4-Clause and BSD-3-Clause-Clear are not, the 3-, 2-, 0- and 1-clause BSD are.
    assert.deepEqual(shape('bsd', 'osi'), [
      [
        'license/ambiguous',
        0,
        3,
        ['BSD-3-Clause', 'BSD-2-Clause', '0BSD', 'BSD-1-Clause', 'BSD-4-Clause', 'BSD-3-Clause-Clear'],
      ],
    ]);
    const GPL = [
      'GPL-3.0-only',
      'GPL-3.0-or-later',
      'GPL-2.0-only',
      'GPL-2.0-or-later',
      'GPL-1.0-only',
      'GPL-1.0-or-later',
    ];
    assert.deepEqual(shape('gpl', 'osi'), [['license/ambiguous', 0, 3, GPL]]);
    assert.deepEqual(shape('GPL', 'osi'), [['license/ambiguous', 0, 3, GPL]]);
    assert.deepEqual(shape('agpl', 'osi'), [
      ['license/ambiguous', 0, 4, ['AGPL-3.0-only', 'AGPL-3.0-or-later', 'AGPL-1.0-only', 'AGPL-1.0-or-later']],
    ]);
    // Every LGPL passes: met, with a warning to name the exact license.
    assert.deepEqual(shape('lgpl', 'osi'), [
      [
        'license/non-canonical',
        0,
        4,
        [
          'LGPL-3.0-only',
          'LGPL-3.0-or-later',
          'LGPL-2.1-only',
          'LGPL-2.1-or-later',
          'LGPL-2.0-only',
          'LGPL-2.0-or-later',
        ],
      ],
    ]);
    assert.equal(checkLicense('lgpl', 'osi')[0].severity, 'warning');
    // `cc`: Creative Commons includes non-commercial and no-derivatives licenses.
    const CC = [
      'CC-BY-4.0',
      'CC-BY-SA-4.0',
      'CC0-1.0',
      'CC-BY-NC-4.0',
      'CC-BY-ND-4.0',
      'CC-BY-NC-SA-4.0',
      'CC-BY-NC-ND-4.0',
    ];
    assert.deepEqual(shape('cc', 'open'), [['license/ambiguous', 0, 2, CC]]);
    assert.deepEqual(shape('Creative Commons', 'open'), [['license/ambiguous', 0, 16, CC]]);
    assert.equal(checkLicense('cc', 'open')[0].severity, 'error');
    assert.match(
      checkLicense('cc', 'open')[0].message,
      /`CC-BY-4\.0`, `CC-BY-SA-4\.0` or `CC0-1\.0` would qualify; `CC-BY-NC-4\.0`, `CC-BY-ND-4\.0`, `CC-BY-NC-SA-4\.0` or `CC-BY-NC-ND-4\.0` would not/,
    );
    assert.deepEqual(shape('cc', 'osi'), [['license/ambiguous', 0, 2, CC]]);
    assert.match(checkLicense('cc', 'osi')[0].message, /None of them is OSI-approved/);
    // Every CC-BY version is open (attribution only): met, with the warning.
    assert.deepEqual(shape('cc-by', 'open'), [
      ['license/non-canonical', 0, 5, ['CC-BY-4.0', 'CC-BY-3.0', 'CC-BY-2.5', 'CC-BY-2.0', 'CC-BY-1.0']],
    ]);
    // GFDL: only the versions without invariant sections are open.
    const gfdl = checkLicense('gfdl', 'open');
    assert.deepEqual(
      gfdl.map((f) => [f.code, f.replacements.slice(0, 3)]),
      [['license/ambiguous', ['GFDL-1.3-no-invariants-only', 'GFDL-1.3-no-invariants-or-later', 'GFDL-1.3-only']]],
    );
    assert.match(gfdl[0].message, /`GFDL-1\.3-no-invariants-only` or `GFDL-1\.3-no-invariants-or-later` would qualify/);
    // `Apache`: Apache-1.0 is not OSI-approved.
    assert.deepEqual(shape('apache', 'osi'), [['license/ambiguous', 0, 6, ['Apache-2.0', 'Apache-1.1', 'Apache-1.0']]]);
  },
);

test('deprecated ids and lowercase Hugging Face spellings of them', () => {
  assert.deepEqual(shape('GPL-3.0', 'osi'), [['license/deprecated', 0, 7, ['GPL-3.0-only', 'GPL-3.0-or-later']]]);
  assert.deepEqual(shape('gpl-3.0', 'osi'), [['license/deprecated', 0, 7, ['GPL-3.0-only', 'GPL-3.0-or-later']]]);
  assert.deepEqual(shape('gpl-2.0', 'open'), [['license/deprecated', 0, 7, ['GPL-2.0-only', 'GPL-2.0-or-later']]]);
  assert.deepEqual(shape('GPL-2.0+', 'osi'), [['license/deprecated', 0, 8, ['GPL-2.0-or-later']]]);
  assert.deepEqual(shape('LGPL-2.1', 'osi'), [['license/deprecated', 0, 8, ['LGPL-2.1-only', 'LGPL-2.1-or-later']]]);
  assert.deepEqual(shape('agpl-3.0', 'osi'), [['license/deprecated', 0, 8, ['AGPL-3.0-only', 'AGPL-3.0-or-later']]]);
  assert.deepEqual(shape('AGPL-3.0+', 'osi'), [['license/deprecated', 0, 9, ['AGPL-3.0-or-later']]]);
  assert.deepEqual(shape('StandardML-NJ', 'open'), [
    ['license/deprecated', 0, 13, ['SMLNJ']],
    ['license/not-open', 0, 13, []],
  ]);
  // Deprecated and not open: the warning plus the error.
  assert.deepEqual(shape('GFDL-1.3', 'open'), [
    ['license/deprecated', 0, 8, ['GFDL-1.3-only', 'GFDL-1.3-or-later']],
    ['license/not-open', 0, 8, []],
  ]);
  // Spelled-out versions of a deprecated id are non-canonical, with the deprecated id's replacements.
  assert.deepEqual(shape('GPLv3', 'osi'), [['license/non-canonical', 0, 5, ['GPL-3.0-only', 'GPL-3.0-or-later']]]);
  assert.deepEqual(shape('wxWindows', 'osi'), [
    ['license/deprecated', 0, 9, ['LGPL-2.0-or-later WITH WxWindows-exception-3.1']],
  ]);
  assert.match(checkLicense('GPL-3.0', 'osi')[0].message, /deprecated/);
});

test('unknown ids: up to three close SPDX ids, only when reasonably close', () => {
  assert.deepEqual(shape('MTI', 'osi'), [['license/unknown', 0, 3, ['MIT']]]);
  assert.deepEqual(shape('Apche-2.0', 'osi'), [['license/unknown', 0, 9, ['Apache-2.0', 'Apache-1.0']]]);
  assert.deepEqual(shape('Foo', 'osi'), [['license/unknown', 0, 3, []]]);
  assert.deepEqual(shape('Zyxwvut-9.9', 'open'), [['license/unknown', 0, 11, []]]);
  const mpl = checkLicense('MPL-2.1', 'osi')[0];
  assert.equal(mpl.code, 'license/unknown');
  assert.equal(mpl.replacements[0], 'MPL-2.0');
  assert.ok(mpl.replacements.length <= 3);
  assert.match(mpl.message, /Did you mean `MPL-2\.0`/);
  // Free text nobody can parse: unknown over the whole string.
  assert.deepEqual(shape('some in-house terms, v2', 'open'), [['license/unknown', 0, 23, []]]);
});

test('placeholders that name no license are unknown, without suggestions', () => {
  for (const value of ['unknown', 'other', 'NOASSERTION', 'NONE', 'proprietary']) {
    const findings = checkLicense(value, 'open');
    assert.deepEqual(
      findings.map((f) => [f.code, f.start, f.end, f.replacements]),
      [['license/unknown', 0, value.length, []]],
      value,
    );
    assert.match(findings[0].message, /does not name a license/, value);
  }
});
