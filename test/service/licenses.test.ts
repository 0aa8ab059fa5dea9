/** License expressions: verdicts, offsets, OR/AND/WITH semantics, custom licenses; hover, lookup, completions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkLicense,
  evaluateLicense,
  licenseCompletions,
  licenseHoverMarkdown,
  licenseQualifies,
  lookupLicense,
  type LicenseFinding,
  type LicenseTest,
} from '../../server/src/service/licenses';

/** `code@start-end` for compact exact assertions (code without the `license/` prefix). */
function brief(findings: readonly LicenseFinding[]): string[] {
  return findings.map((f) => `${f.code.replace('license/', '')}@${f.start}-${f.end}`);
}

/** What a message of each code must say: the code's meaning in docs/diagnostic-codes.md, in a message's words. */
const MESSAGE_BY_CODE: Record<string, RegExp> = {
  'license/not-open': /is not open|does not count as open/,
  'license/not-osi-approved': /not OSI-approved|not part of any OSI-approved license/,
  'license/restricted': /restricts use/,
  'license/ambiguous': /names a family of licenses, not one license/,
  'license/unknown': /is not a known SPDX license (id|exception)/,
  'license/non-canonical': /write `[^`]+`\.$/,
  'license/deprecated': /is a deprecated SPDX license id/,
};

type Case = readonly [
  value: string,
  test: LicenseTest,
  qualifies: boolean,
  findings: readonly string[],
  extraOpen?: readonly string[],
];

const EXPRESSIONS: readonly Case[] = [
  ['MIT', 'osi', true, []],
  ['Apache-2.0', 'osi', true, []],
  ['MIT OR CC-BY-NC-4.0', 'open', true, []],
  ['CC-BY-NC-4.0 OR MIT', 'open', true, []],
  ['MIT AND CC-BY-NC-4.0', 'open', false, ['not-open@8-20']],
  ['CC-BY-NC-4.0 AND MIT', 'open', false, ['not-open@0-12']],
  ['MIT AND Apache-2.0', 'osi', true, []],
  ['MIT AND CC-BY-4.0', 'osi', false, ['not-osi-approved@8-17']],
  ['MIT AND CC-BY-4.0', 'open', true, []],
  ['CC-BY-4.0 OR CC0-1.0', 'osi', false, ['not-osi-approved@0-9', 'not-osi-approved@13-20']],
  ['CC-BY-4.0 OR CC0-1.0', 'open', true, []],
  ['CC-BY-NC-4.0 OR CC-BY-ND-4.0', 'open', false, ['not-open@0-12', 'not-open@16-28']],
  ['Apache-2.0 WITH LLVM-exception', 'osi', true, []],
  ['GPL-2.0-or-later WITH Classpath-exception-2.0', 'osi', true, []],
  ['GPL-2.0-or-later WITH Bogus-exception', 'osi', false, ['unknown@22-37']],
  ['GPL-2.0-or-later WITH Bogus-exception OR MIT', 'osi', true, ['unknown@22-37']],
  ['Apache-2.0 WITH llvm-exception', 'osi', true, ['non-canonical@16-30']],
  ['MIT WITH AdditionRef-acme', 'osi', false, ['not-osi-approved@9-25']],
  ['MIT WITH AdditionRef-acme', 'open', true, [], ['AdditionRef-acme']],
  ['(MIT OR Foo)', 'osi', true, ['unknown@8-11']],
  ['(Foo OR Bar)', 'osi', false, ['unknown@1-4', 'unknown@8-11']],
  ['MIT AND (Apache-2.0 OR CC-BY-NC-4.0)', 'open', true, []],
  ['MIT AND (CC-BY-ND-4.0 OR CC-BY-NC-4.0)', 'open', false, ['not-open@9-21', 'not-open@25-37']],
  ['(MIT AND CC-BY-NC-4.0) OR CC-BY-4.0', 'open', true, []],
  ['(MIT AND CC-BY-NC-4.0) OR CC-BY-4.0', 'osi', false, ['not-osi-approved@9-21', 'not-osi-approved@26-35']],
  ['MIT OR Apache-2.0 AND CC-BY-NC-4.0', 'open', true, []],
  ['CC-BY-NC-4.0 OR Apache-2.0 AND CC-BY-ND-4.0', 'open', false, ['not-open@0-12', 'not-open@31-43']],
  ['LicenseRef-acme', 'open', false, ['not-open@0-15']],
  ['LicenseRef-acme', 'open', true, [], ['LicenseRef-acme']],
  ['LicenseRef-acme', 'open', true, [], ['licenseref-ACME']],
  ['LicenseRef-acme', 'osi', false, ['not-osi-approved@0-15'], ['LicenseRef-acme']],
  ['MIT AND LicenseRef-acme', 'open', false, ['not-open@8-23']],
  ['MIT AND LicenseRef-acme', 'open', true, [], ['LicenseRef-acme']],
  [
    'DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2',
    'open',
    true,
    [],
    ['DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2'],
  ],
  ['licenseref-acme', 'open', false, ['non-canonical@0-15', 'not-open@0-15']],
  ['GPL-2.0-or-later+', 'osi', true, []],
  ['MIT+', 'osi', true, ['non-canonical@0-4']],
  ['GPL-2.0+', 'osi', true, ['deprecated@0-8']],
  ['Apache-2.0 OR llama3', 'open', true, []],
  ['Apache-2.0 AND llama3', 'open', false, ['restricted@15-21']],
  ['llama3 OR gemma', 'open', false, ['restricted@0-6', 'restricted@10-15']],
  ['mit or apache-2.0', 'osi', true, ['non-canonical@0-3', 'non-canonical@7-17']],
  ['MIT OR Apache 2.0', 'osi', true, ['non-canonical@7-17']],
  ['Apache 2.0 AND CC-BY-NC-4.0', 'open', false, ['non-canonical@0-10', 'not-open@15-27']],
  ['  MIT  ', 'osi', true, []],
  ['MIT AND', 'osi', false, ['unknown@0-7']],
  ['MIT WITH', 'osi', false, ['unknown@0-8']],
  ['cc-by-nc-4.0 AND MIT', 'open', false, ['non-canonical@0-12', 'not-open@0-12']],
  ['gpl-3.0 OR MIT', 'osi', true, ['deprecated@0-7']],
  ['bsd AND cc', 'osi', false, ['ambiguous@0-3', 'ambiguous@8-10']],
];

test(`${EXPRESSIONS.length} expression cases: verdict and exact finding ranges`, () => {
  assert.ok(EXPRESSIONS.length >= 30);
  for (const [value, t, ok, expected, extraOpen] of EXPRESSIONS) {
    const options = extraOpen ? { extraOpen } : undefined;
    const ev = evaluateLicense(value, t, options);
    assert.deepEqual(brief(ev.findings), expected, `${value} (${t})`);
    assert.equal(ev.qualifies, ok, `verdict for ${value} (${t})`);
    assert.equal(licenseQualifies(value, t, options), ok, value);
    assert.deepEqual(checkLicense(value, t, options), ev.findings, value);
    for (const f of ev.findings) {
      assert.equal(
        f.severity,
        f.code === 'license/non-canonical' || f.code === 'license/deprecated' ? 'warning' : 'error',
        `${value}: ${f.code}`,
      );
      assert.ok(f.start >= 0 && f.end <= value.length && f.start < f.end, `${value}: range`);
      assert.match(f.message, MESSAGE_BY_CODE[f.code], `${value}: the message of ${f.code}`);
      // The id as written, or its canonical spelling (`licenseref-acme` is named `LicenseRef-acme`).
      const named = value.slice(f.start, f.end).trim().toLowerCase();
      assert.ok(f.message.toLowerCase().includes(named), `${value}: the message names ${named}: ${f.message}`);
    }
  }
});

test('the failing id in an expression is the text at the reported range', () => {
  const value = 'Apache-2.0 AND (MIT OR CC-BY-SA-4.0) AND CC-BY-NC-SA-4.0';
  const [f] = checkLicense(value, 'open');
  assert.equal(value.slice(f.start, f.end), 'CC-BY-NC-SA-4.0');
  // The same id twice: each occurrence gets its own range.
  const twice = 'CC-BY-NC-4.0 AND (CC-BY-NC-4.0 OR CC-BY-ND-4.0)';
  assert.deepEqual(brief(checkLicense(twice, 'open')), ['not-open@0-12', 'not-open@18-30', 'not-open@34-46']);
});

test('messages: what is wrong, why, and what to do', () => {
  // SPDX deprecated these ids for the -only / -or-later ones (https://spdx.org/licenses/, "Deprecated License Ids").
  assert.deepEqual(
    checkLicense('GPL-2.0+', 'osi').map((f) => f.message),
    ['`GPL-2.0+` is a deprecated SPDX license id. Use `GPL-2.0-or-later` instead.'],
  );
  assert.deepEqual(
    checkLicense('gpl-3.0', 'osi').map((f) => f.message),
    [
      '`gpl-3.0` is a deprecated SPDX license id. Use `GPL-3.0-only` or `GPL-3.0-or-later` instead, ' +
        'whichever matches the actual terms.',
    ],
  );
  assert.deepEqual(
    checkLicense('Apache-2.0 WITH llvm-exception', 'osi').map((f) => f.message),
    ['`llvm-exception` is not the canonical SPDX exception id; write `LLVM-exception`.'],
  );

  const [nc] = checkLicense('MIT AND CC-BY-NC-4.0', 'open');
  assert.match(nc.message, /^`CC-BY-NC-4\.0` .*is not open: its non-commercial clause restricts use\./);
  assert.match(nc.message, /OSD-conformant/);
  assert.deepEqual(nc.replacements, []);

  const or = checkLicense('CC-BY-NC-4.0 OR CC-BY-ND-4.0', 'open');
  for (const f of or) {
    assert.match(f.message, /No alternative of the OR expression qualifies/);
    assert.match(f.message, /`CC-BY-NC-4\.0` is not open: its non-commercial clause/);
    assert.match(f.message, /`CC-BY-ND-4\.0` is not open: its no-derivatives clause/);
  }

  const [osi] = checkLicense('CC-BY-4.0', 'osi');
  assert.match(osi.message, /not OSI-approved/);
  assert.match(osi.message, /open data\/content license/);

  const [custom] = checkLicense('LicenseRef-acme', 'open');
  assert.match(custom.message, /osaiManifest\.licenses\.treatAsOpen/);
  assert.match(custom.message, /`LicenseRef-acme`/);
  const [customOsi] = checkLicense('LicenseRef-acme', 'osi');
  assert.doesNotMatch(customOsi.message, /treatAsOpen/);

  const [restricted] = checkLicense('Llama 3 Community License', 'open');
  assert.match(restricted.message, /acceptable-use policy; 700-million-monthly-active-user clause/);

  const [exc] = checkLicense('GPL-2.0-or-later WITH Classpath-exeption-2.0', 'osi');
  assert.equal(exc.code, 'license/unknown');
  assert.deepEqual(exc.replacements, ['Classpath-exception-2.0']);
  assert.match(exc.message, /not a known SPDX license exception/);
});

test('empty and blank strings give no findings', () => {
  assert.deepEqual(checkLicense('', 'osi'), []);
  assert.deepEqual(checkLicense('   ', 'open'), []);
  assert.equal(licenseQualifies('', 'open'), false);
});

test('lookupLicense: SPDX ids, curated open ids, restricted names', () => {
  assert.deepEqual(lookupLicense('MIT'), {
    id: 'MIT',
    name: 'MIT License',
    // SPDX's license-list-data: MIT's first `seeAlso` (https://spdx.org/licenses/MIT.html, "Other web pages").
    url: 'https://opensource.org/license/mit/',
    osiApproved: true,
    open: true,
    deprecated: false,
  });
  // The legal code Creative Commons publishes for CC0 1.0.
  assert.equal(lookupLicense('CC0-1.0')?.url, 'https://creativecommons.org/publicdomain/zero/1.0/legalcode');
  const cc = lookupLicense('CC-BY-4.0');
  assert.equal(cc?.osiApproved, false);
  assert.equal(cc?.open, true);
  // CC BY 4.0 lets anyone share and adapt for any purpose, on condition of attribution (its legal code, sections 2-3).
  assert.match(cc?.openReason ?? '', /any use.*credit to the author/);
  const nc = lookupLicense('CC-BY-NC-4.0');
  assert.equal(nc?.open, false);
  assert.equal(nc?.openReason, undefined);
  assert.equal(lookupLicense('GPL-3.0')?.deprecated, true);
  assert.equal(lookupLicense('OpenMDW-1.0')?.open, true);
  const gemma = lookupLicense('Gemma Terms of Use');
  assert.equal(gemma?.id, 'gemma');
  assert.equal(gemma?.open, false);
  assert.ok(gemma?.restricted);
  assert.equal(lookupLicense('mit'), undefined, 'only exact SPDX ids');
  assert.equal(lookupLicense('Nope-1.0'), undefined);
});

test('hover: name, verdicts and link for one id', () => {
  const md = licenseHoverMarkdown('Apache-2.0', 'osi');
  assert.match(md, /\*\*Apache License 2\.0\*\*/);
  assert.match(md, /OSI-approved: \*\*yes\*\*/);
  assert.match(md, /open \(OSD-conformant\): \*\*yes\*\*/);
  assert.match(md, /✅ Qualifies for code components/);
  assert.match(md, /\(https:\/\/spdx\.org\/licenses\/Apache-2\.0\.html\)/);

  const cc = licenseHoverMarkdown('CC-BY-4.0', 'osi');
  assert.match(cc, /OSI-approved: \*\*no\*\*/);
  assert.match(cc, /open \(OSD-conformant\): \*\*yes\*\* \(permits any use/);
  assert.match(cc, /❌ Does not qualify for code components/);
  assert.match(
    licenseHoverMarkdown('CC-BY-4.0', 'open'),
    /✅ Qualifies for parameters, data information and documentation/,
  );
});

test('hover: per-branch verdicts for expressions', () => {
  const md = licenseHoverMarkdown('MIT OR CC-BY-NC-4.0', 'open');
  assert.match(md, /\*\*License expression\*\* `MIT OR CC-BY-NC-4\.0`/);
  assert.match(md, /✅ Qualifies/);
  assert.match(md, /- ✅ any one of \(OR\):/);
  assert.match(md, / {2}- ✅ `MIT` — MIT License/);
  assert.match(
    md,
    / {2}- ❌ `CC-BY-NC-4\.0` — Creative Commons Attribution Non Commercial 4\.0 International .*non-commercial clause/,
  );

  const and = licenseHoverMarkdown('MIT AND (llama3 OR CC-BY-NC-4.0)', 'open');
  assert.match(and, /❌ Does not qualify/);
  assert.match(and, /- ❌ all of \(AND\):/);
  assert.match(and, / {4}- ❌ `llama3` — Meta Llama 3 Community License Agreement/);
  assert.match(and, /\*\*Problems\*\*/);
});

test('hover: never empty; unknown ids say so and list suggestions', () => {
  assert.match(licenseHoverMarkdown('', 'osi'), /No license given/);
  const md = licenseHoverMarkdown('Apche-2.0', 'osi');
  assert.match(md, /`Apche-2\.0` is not a known SPDX license id/);
  assert.match(md, /`Apache-2\.0`/);
  assert.ok(licenseHoverMarkdown('!!', 'open').length > 0);
  assert.match(
    licenseHoverMarkdown('LicenseRef-acme', 'open', { extraOpen: ['LicenseRef-acme'] }),
    /open: \*\*yes\*\*/,
  );
  assert.match(licenseHoverMarkdown('bsd', 'osi'), /`BSD-2-Clause` \(qualifies\)/);
});

test("completions: 'osi' lists OSI-approved first; 'open' lists curated, then OSI-approved, then the rest", () => {
  const osi = licenseCompletions('osi');
  const open = licenseCompletions('open');
  assert.equal(licenseCompletions('osi'), osi, 'memoised');
  assert.equal(osi.length, open.length);
  const ids = new Set(osi.map((c) => c.id));
  assert.ok(ids.has('MIT') && ids.has('CC-BY-4.0') && ids.has('OpenMDW-1.0'));
  assert.equal(ids.has('GPL-3.0'), false, 'no deprecated ids');
  assert.equal(ids.has('GPL-2.0+'), false, 'no deprecated ids');

  const firstNonOsi = osi.findIndex((c) => !c.osiApproved);
  assert.ok(firstNonOsi > 50);
  assert.ok(osi.slice(firstNonOsi).every((c) => !c.osiApproved && c.rank === 1));
  assert.ok(osi.slice(0, firstNonOsi).every((c) => c.osiApproved && c.rank === 0));

  assert.equal(open[0].id, 'CC0-1.0');
  assert.equal(open[1].id, 'CC-BY-4.0');
  const ranks = open.map((c) => c.rank);
  assert.deepEqual(
    [...ranks].sort((a, b) => a - b),
    ranks,
    'sorted by rank',
  );
  assert.ok(open.filter((c) => c.rank === 0).every((c) => c.open && !c.osiApproved));
  assert.ok(open.filter((c) => c.rank === 1).every((c) => c.osiApproved));
  assert.ok(open.filter((c) => c.rank === 2).every((c) => !c.open));
  const mit = open.find((c) => c.id === 'MIT');
  assert.deepEqual(mit, { id: 'MIT', name: 'MIT License', osiApproved: true, open: true, rank: 1 });
  assert.equal(open.find((c) => c.id === 'CC-BY-NC-4.0')?.rank, 2);
});
