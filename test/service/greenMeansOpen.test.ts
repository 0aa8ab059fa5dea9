/**
 * A green verdict means open (issue 21): no placeholder, vague name or setting may turn a
 * release green. Each numbered case of the issue, as it was reproduced, and what the verdict,
 * the lens, the JSON and the exit code say now. Expected values come from the definition
 * (requirements.md) and the license texts, not from the code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { main } from '../../server/src/cli';
import type { JsonOutput } from '../../server/src/cli/formats';
import { getLanguageService } from '../../server/src/service';
import { ADD_ALL_TITLE } from '../../server/src/service/formats/manifest/codeActions';
import { checkLicense, licenseQualifies } from '../../server/src/service/licenses';
import { applyWorkspaceEdit, example } from '../helpers';

const OLMO = example('olmo-7b.osai.yaml');

/** Every value a placeholder, as the issue wrote it. */
const ALL_TODO = `osaid: "1.0"
system:
  name: TODO
  producer: TODO
parameters:
  weights:
    location: TODO
    license: TODO
code:
  data_processing: {location: TODO, license: TODO}
  training: {location: TODO, license: TODO}
  evaluation: {location: TODO, license: TODO}
  inference: {location: TODO, license: TODO}
  architecture: {location: TODO, license: TODO}
  supporting_libraries: TODO
data_information:
  license: TODO
  description:
    provenance: TODO
    scope: TODO
    characteristics: TODO
    collection: TODO
    labeling: TODO
    processing: TODO
  training_data:
    - {name: TODO, kind: public, location: TODO}
`;

function analyse(text: string, options: { uri?: string; languageId?: string; treatAsOpen?: string[] } = {}) {
  const service = getLanguageService({ treatAsOpen: options.treatAsOpen ?? [] });
  const parsed = service.parse(
    TextDocument.create(options.uri ?? 'file:///r/osai.yaml', options.languageId ?? 'osai-manifest', 1, text),
  );
  const diagnostics = service.doValidation(parsed);
  const checklist = service.getChecklist(parsed, diagnostics);
  const item = (id: string) => checklist!.groups.flatMap((g) => g.items).find((i) => i.id === id)!;
  return {
    service,
    parsed,
    diagnostics,
    checklist,
    verdict: checklist?.verdict as NonNullable<typeof checklist>['verdict'],
    item,
    lenses: service.getCodeLenses(parsed, diagnostics).map((l) => l.command!.title),
  };
}

function replaced(from: string | RegExp, to: string, text = OLMO): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, 'the text being replaced is there');
  return out;
}

/** The command line on stdin: exit code, the JSON verdict, stderr. */
async function cli(
  text: string,
  args: string[] = [],
  stdinFilename = 'osai.yaml',
): Promise<{ code: number; verdict: JsonOutput['files'][0]['verdict']; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['--format', 'json', '--stdin-filename', stdinFilename, ...args, '-'],
    (s) => out.push(s),
    (s) => err.push(s),
    { cwd: '/', env: {}, readStdin: () => text },
  );
  return {
    code,
    verdict: out.length ? (JSON.parse(out.join('\n')) as JsonOutput).files[0].verdict : null,
    stderr: err.join('\n'),
  };
}

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code}/${d.severity}`);

describe('1. placeholders never pass', () => {
  test('a manifest whose every value is TODO: ✗, 15 unmet, all placeholders, exit 1', async () => {
    const { verdict, lenses } = analyse(ALL_TODO);
    // 8 data information items, 6 code items, the weights.
    assert.equal(verdict.title, '✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders');
    assert.equal(verdict.meets, false);
    assert.deepEqual(lenses, [verdict.title]);
    const run = await cli(ALL_TODO);
    assert.equal(run.code, 1);
    assert.deepEqual(run.verdict, {
      meets: false,
      state: 'fails',
      title: '✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders',
    });
  });

  test(
    '"Add all missing OSAID requirements" on a failing manifest leaves it ' + 'failing, with the placeholders counted',
    () => {
      const text = 'osaid: "1.0"\nsystem:\n  name: X\n  producer: Y\n';
      const before = analyse(text);
      assert.equal(before.verdict.title, '✗ 15 unmet OSAID 1.0 requirements');
      const addAll = before.service
        .getCodeActions(before.parsed, before.diagnostics, before.diagnostics)
        .find((a) => a.title.startsWith(ADD_ALL_TITLE))!;
      const after = analyse(applyWorkspaceEdit(text, addAll.edit, 'file:///r/osai.yaml'));
      assert.equal(after.verdict.title, '✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders');
      assert.equal(after.verdict.meets, false);
    },
  );

  test('one placeholder in a complete release is one unmet requirement, an error', async () => {
    const { verdict, diagnostics, item } = analyse(
      replaced('    license: Apache-2.0\n  checkpoints:', '    license: TBD\n  checkpoints:'),
    );
    assert.equal(verdict.title, '✗ 1 unmet OSAID 1.0 requirement · 1 is a placeholder');
    assert.equal(item('parameters.weights').status, 'placeholder');
    assert.deepEqual(codes(diagnostics.filter((d) => d.severity !== 3)), ['osaid/empty/1']);
  });

  test('a placeholder in a recommended element is a warning and does not fail the verdict', async () => {
    const { verdict, diagnostics } = analyse(
      replaced(/ {2}checkpoints:[^\n]*\n {4}location: [^\n]*\n/, '  checkpoints:\n    location: TODO\n'),
    );
    assert.equal(verdict.state, 'meets');
    assert.equal(verdict.title, '✓ Meets the OSAID 1.0 checks · 1 recommended item is a placeholder');
    assert.deepEqual(codes(diagnostics.filter((d) => d.severity !== 3)), ['osaid/empty/2']);
  });
});

describe('2. vague license names pass only when every member of the family does', () => {
  test('`license: cc` on the weights: unmet (Creative Commons has NC and ND licenses), exit 1', async () => {
    const text = replaced('    license: Apache-2.0\n  checkpoints:', '    license: cc\n  checkpoints:');
    const { verdict, diagnostics, item } = analyse(text);
    assert.equal(verdict.title, '✗ 1 unmet OSAID 1.0 requirement');
    assert.equal(item('parameters.weights').status, 'not-open');
    const d = diagnostics.find((x) => x.code === 'license/ambiguous')!;
    assert.equal(d.severity, 1);
    assert.deepEqual((d.data as { replacements: string[] }).replacements.slice(0, 3), [
      'CC-BY-4.0',
      'CC-BY-SA-4.0',
      'CC0-1.0',
    ]);
    assert.equal((await cli(text)).code, 1);
  });

  test('`bsd` on code: unmet (BSD-4-Clause is not OSI-approved), exit 1', async () => {
    const text = replaced(
      'training: {location: https://github.com/allenai/OLMo, license: Apache-2.0}',
      'training: {location: https://github.com/allenai/OLMo, license: bsd}',
    );
    const { verdict, item } = analyse(text);
    assert.equal(verdict.title, '✗ 1 unmet OSAID 1.0 requirement');
    assert.equal(item('code.training').status, 'not-open');
    assert.equal((await cli(text)).code, 1);
  });

  test('a model card with `license: cc`: weights ✗ in the lens, the verdict fails', async () => {
    const { verdict, lenses, item } = analyse('---\nlicense: cc\ndatasets:\n- allenai/c4\n---\n', {
      uri: 'file:///r/README.md',
      languageId: 'markdown',
    });
    assert.equal(item('parameters.weights').status, 'not-open');
    assert.equal(verdict.state, 'fails');
    assert.match(lenses[0], /^OSAID: weights ✗ cc \(not open\)/);
    assert.equal((await cli('---\nlicense: cc\n---\n', [], 'README.md')).code, 1);
  });
});

describe('3. a setting cannot declare terms open that are known not to be', () => {
  test('--treat-as-open CC-BY-NC-4.0: exit 2 with why, nothing checked', async () => {
    const run = await cli(OLMO, ['--treat-as-open', 'CC-BY-NC-4.0']);
    assert.equal(run.code, 2);
    assert.equal(run.verdict, null);
    assert.match(
      run.stderr,
      /--treat-as-open CC-BY-NC-4\.0: `CC-BY-NC-4\.0` is known not to be open: its non-commercial clause restricts use\. No setting can make it open\./,
    );
  });

  test(
    '--treat-as-open llama3, cc, unknown, MIT AND Foo: refused, exit 2; ' +
      'MIT: already open, a note, the run goes on',
    async () => {
      for (const entry of ['llama3', 'cc', 'unknown', 'MIT AND Foo'])
        assert.equal((await cli(OLMO, ['--treat-as-open', entry])).code, 2, entry);
      const mit = await cli(OLMO, ['--treat-as-open', 'MIT']);
      assert.equal(mit.code, 0);
      assert.match(
        mit.stderr,
        /--treat-as-open MIT: `MIT` is already open \(the checker knows it\); it needs no entry\. \(ignored\)/,
      );
    },
  );

  test(
    'the editor setting listing CC-BY-NC-4.0: the weights stay not open, ' +
      'and the diagnostic says the setting does not apply',
    () => {
      const text = replaced('    license: Apache-2.0\n  checkpoints:', '    license: CC-BY-NC-4.0\n  checkpoints:');
      const { verdict, diagnostics, service } = analyse(text, { treatAsOpen: ['CC-BY-NC-4.0'] });
      assert.equal(verdict.title, '✗ 1 unmet OSAID 1.0 requirement');
      const d = diagnostics.find((x) => x.code === 'license/not-open')!;
      assert.match(
        d.message,
        /The setting `osaiManifest\.licenses\.treatAsOpen` lists it, but it does not apply: `CC-BY-NC-4\.0` is known not to be open/,
      );
      assert.deepEqual(
        service.settingsProblems().map((p) => [p.entry, p.refusal]),
        [['CC-BY-NC-4.0', 'not-open']],
      );
    },
  );

  test(
    'what the setting is for: a custom id and a name the checker does not ' +
      'know pass the open test, never the OSI test',
    () => {
      const weights = replaced(
        '    license: Apache-2.0\n  checkpoints:',
        '    license: Example Model License 2\n  checkpoints:',
      );
      assert.equal(analyse(weights).verdict.title, '✗ 1 unmet OSAID 1.0 requirement');
      assert.equal(
        analyse(weights, { treatAsOpen: ['Example Model License 2'] }).verdict.title,
        '✓ Meets the OSAID 1.0 checks',
      );
      assert.equal(
        analyse(weights, { treatAsOpen: ['LicenseRef-Acme'] }).verdict.title,
        '✗ 1 unmet OSAID 1.0 requirement',
      );
      const custom = replaced(
        '    license: Apache-2.0\n  checkpoints:',
        '    license: LicenseRef-Acme\n  checkpoints:',
      );
      assert.equal(analyse(custom, { treatAsOpen: ['LicenseRef-Acme'] }).verdict.title, '✓ Meets the OSAID 1.0 checks');
      assert.equal(
        licenseQualifies('Example Model License 2', 'osi', { extraOpen: ['Example Model License 2'] }),
        false,
      );
    },
  );

  test('the advice to add a license to the setting appears only where the setting works', async () => {
    // An unknown name under the open test: the setting can make it pass, and the message says so.
    assert.match(
      checkLicense('Example Model License 2', 'open')[0].message,
      /add it to the setting `osaiManifest\.licenses\.treatAsOpen`/,
    );
    // Under the OSI test (code) it never can: no advice.
    assert.doesNotMatch(checkLicense('Example Model License 2', 'osi')[0].message, /treatAsOpen/);
    // A license known not to be open: no advice.
    assert.doesNotMatch(checkLicense('CC-BY-NC-4.0', 'open')[0].message, /treatAsOpen/);
  });
});

describe("4. the MOF file's OSAID view applies the manifest's tests", () => {
  const mof = (codeLicense: string) =>
    `framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\n  date: '2024-12-15'\n` +
    `release:\n  name: R\n  producer: P\n  license:\n    distribution:\n      name: Apache-2.0\n  components:\n${[
      'Model architecture',
      'Model parameters (Final)',
      'Data card',
      'Data preprocessing code',
      'Training code',
      'Evaluation code',
      'Inference code',
      'Supporting libraries and tools',
    ]
      .map((name) => `    - name: '${name}'\n${name === 'Training code' ? `      license: ${codeLicense}\n` : ''}`)
      .join('')}`;

  test("training code under CC-BY-4.0 (MOT's open-data list, not OSI-approved): unmet, an error, exit 1", async () => {
    const text = mof('CC-BY-4.0');
    const { verdict, item, diagnostics } = analyse(text, { uri: 'file:///r/model.yml', languageId: 'yaml' });
    assert.equal(item('code.training').status, 'not-open');
    assert.equal(verdict.title, '✗ 1 unmet OSAID 1.0 requirement');
    assert.deepEqual(codes(diagnostics.filter((d) => d.code === 'license/not-osi-approved')), [
      'license/not-osi-approved/1',
    ]);
    assert.equal((await cli(text, [], 'model.yml')).code, 1);
  });

  test('the same file with Apache-2.0 training code meets the checks', async () => {
    assert.equal(
      analyse(mof('Apache-2.0'), { uri: 'file:///r/model.yml', languageId: 'yaml' }).verdict.title,
      '✓ Meets the OSAID 1.0 checks',
    );
  });
});

describe('5. unknown keys inside a requirement leave its status alone', () => {
  test('weights with an extra `sha256`: a warning, and the weights stay met', async () => {
    const text = replaced(
      '    license: Apache-2.0\n  checkpoints:',
      '    license: Apache-2.0\n    sha256: 9f2c0d\n  checkpoints:',
    );
    const { verdict, diagnostics, item } = analyse(text);
    assert.equal(item('parameters.weights').status, 'met');
    assert.equal(verdict.title, '✓ Meets the OSAID 1.0 checks');
    assert.deepEqual(codes(diagnostics), ['schema/unknown-key/2']);
    assert.equal((await cli(text)).code, 0);
  });
});

describe('6. OpenMDW-1.1 is open', () => {
  test('the Hub id `openmdw-1.1` on a card, and OpenMDW-1.1 in a manifest, pass the open test', async () => {
    const card = analyse('---\nlicense: openmdw-1.1\n---\n', { uri: 'file:///r/README.md', languageId: 'markdown' });
    assert.equal(card.item('parameters.weights').status, 'met');
    assert.deepEqual(card.diagnostics, []);
    for (const written of ['OpenMDW-1.1', 'LicenseRef-OpenMDW-1.1'])
      assert.equal(licenseQualifies(written, 'open'), true, written);
    // Not OSI-approved: not for code.
    assert.equal(licenseQualifies('OpenMDW-1.1', 'osi'), false);
  });
});

describe('7. real cards read right', () => {
  const card = (front: string) =>
    analyse(`---\n${front}---\n# A model\n`, { uri: 'file:///r/README.md', languageId: 'markdown' });

  test('a card with only Hub keys (`language`, `tags`) is a model card, and says it states no license', async () => {
    const { parsed, verdict, diagnostics } = card('language:\n- en\ntags:\n- bert\n');
    assert.equal(parsed.kind, 'modelcard');
    assert.deepEqual(codes(diagnostics), ['osaid/missing/1']);
    assert.match(diagnostics[0].message, /^The card states no license/);
    assert.equal(verdict.title, '✗ 1 unmet OSAID 1.0 requirement · 14 not stated');
    // Front matter with keys no Hub card has is not a card.
    assert.equal(card('title: A post\nlayout: post\ntags: [news]\n').parsed.kind, 'none');
  });

  test('`license_name` without `license: other` still names the license (the Hub rule warns)', async () => {
    const { item, diagnostics } = card('license_name: llama3\n');
    assert.equal(item('parameters.weights').status, 'not-open');
    assert.deepEqual(codes(diagnostics), ['hf/license-name-without-other/2', 'license/restricted/1']);
  });

  test("TII's Falcon Mamba and Falcon 3 licenses are use-restricted (acceptable-use policy)", async () => {
    for (const name of ['falcon-mamba-7b-license', 'falcon-mamba-license', 'falcon-llm-license']) {
      const { diagnostics } = card(`license: other\nlicense_name: ${name}\n`);
      assert.deepEqual(codes(diagnostics), ['license/restricted/1'], name);
      assert.match(diagnostics[0].message, /acceptable-use policy/, name);
    }
  });
});

describe('8. open data and content licenses classified by one principle, across versions and ports', () => {
  test('attribution and share-alike, every version and port: open', async () => {
    for (const id of [
      'CC-BY-1.0',
      'CC-BY-2.5-AU',
      'CC-BY-3.0-DE',
      'CC-BY-3.0-IGO',
      'CC-BY-SA-1.0',
      'CC-BY-SA-2.0-UK',
      'CC-BY-SA-2.1-JP',
      'CC-BY-SA-3.0-AT',
      'CC-SA-1.0',
      'GFDL-1.1-no-invariants-only',
      'GFDL-1.2-no-invariants-or-later',
      'OGL-UK-1.0',
    ]) {
      assert.equal(licenseQualifies(id, 'open'), true, id);
      assert.equal(licenseQualifies(id, 'osi'), false, `${id} is not OSI-approved`);
    }
  });

  test(
    'non-commercial, no-derivatives and invariant sections, in any version ' +
      'or port: not open, with the clause named',
    () => {
      const cases: Array<[string, RegExp]> = [
        ['CC-BY-NC-3.0-DE', /non-commercial clause/],
        ['CC-BY-NC-SA-2.0-UK', /non-commercial clause/],
        ['CC-BY-ND-1.0', /no-derivatives clause/],
        ['CC-BY-NC-ND-3.0-IGO', /non-commercial clause restricts use and its no-derivatives clause/],
        ['GFDL-1.1-invariants-only', /invariant sections/],
        ['GFDL-1.3-only', /invariant sections/],
      ];
      for (const [id, clause] of cases) {
        const findings = checkLicense(id, 'open');
        assert.deepEqual(
          findings.map((f) => f.code),
          ['license/not-open'],
          id,
        );
        assert.match(findings[0].message, clause, id);
      }
    },
  );

  test('`MIT+` ("or later" of a license that has no versions) is flagged, with `MIT` as the fix', async () => {
    assert.deepEqual(
      checkLicense('MIT+', 'osi').map((f) => [f.code, f.severity, f.replacements]),
      [['license/non-canonical', 'warning', ['MIT']]],
    );
  });
});

describe('the exit code and the verdict never disagree', () => {
  test('a manifest without `system.producer`: the lens is ✗ and the run exits 1', async () => {
    const text = replaced('  producer: Allen Institute for AI\n', '');
    const { verdict } = analyse(text);
    assert.equal(verdict.title, '✗ 1 error to fix · no unmet OSAID 1.0 requirement');
    assert.equal(verdict.state, 'fails');
    assert.equal((await cli(text)).code, 1);
  });

  test('a card that fails nothing it states is incomplete, not green: ○, and exit 0', async () => {
    const text = '---\nlicense: apache-2.0\ndatasets:\n- allenai/c4\n---\n';
    const { verdict } = analyse(text, { uri: 'file:///r/README.md', languageId: 'markdown' });
    assert.equal(verdict.state, 'incomplete');
    assert.equal(verdict.meets, false);
    assert.match(verdict.title, /^○ /);
    const run = await cli(text, [], 'README.md');
    assert.equal(run.code, 0);
    assert.equal(run.verdict?.state, 'incomplete');
  });
});
