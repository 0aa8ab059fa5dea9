import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { Diagnostic } from 'vscode-languageserver-types';
import { ADD_ALL_TITLE } from '../../server/src/service/formats/manifest/codeActions';
import { requirements } from '../../server/src/service/osaid/requirements';
import { applyWorkspaceEdit, comments, doc, example, fixture, service } from '../helpers';

function analyse(text: string) {
  const parsed = service.parse(doc(text));
  return { parsed, diagnostics: service.doValidation(parsed) };
}

function pathOf(d: Diagnostic): string {
  return (d.data as { path: string }).path;
}

/** Applies the preferred quick fix offered for the diagnostic at `path` with `code`. */
function fix(text: string, code: string, path: string): string {
  const { parsed, diagnostics } = analyse(text);
  const d = diagnostics.find((x) => x.code === code && pathOf(x) === path);
  assert.ok(d, `a ${code} diagnostic for ${path}; got ${diagnostics.map((x) => `${x.code} ${pathOf(x)}`).join(', ')}`);
  const actions = service.getCodeActions(parsed, [d], diagnostics);
  const action = actions.find((a) => a.isPreferred);
  assert.ok(action, `a preferred fix for ${path}`);
  return applyWorkspaceEdit(text, action.edit);
}

describe('insert-missing quick fixes: exact edits', () => {
  test('a missing key in a block mapping goes after its predecessor, at the same indentation', () => {
    const text =
      'data_information:\n  description:\n    provenance: p   # where from\n    collection: c\n    processing: x\n';
    assert.equal(
      fix(text, 'osaid/missing', 'data_information.description.labeling'),
      'data_information:\n  description:\n    provenance: p   # where from\n  ' +
        '  collection: c\n    labeling: TODO\n    processing: x\n',
    );
  });

  test('a missing first key goes before the first existing one', () => {
    const text = '# header\nsystem:\n  producer: P\n';
    assert.equal(fix(text, 'osaid/missing', 'system.name'), '# header\nsystem:\n  name: TODO\n  producer: P\n');
    assert.equal(fix(text, 'osaid/missing', 'osaid'), '# header\nosaid: "1.0"\nsystem:\n  producer: P\n');
  });

  test('a missing key in a flow mapping is added inside the braces', () => {
    const text = 'code:\n  training: {location: https://x}  # train\n';
    assert.equal(
      fix(text, 'osaid/missing', 'code.training.license'),
      'code:\n  training: {location: https://x, license: TODO}  # train\n',
    );
  });

  test('a section written as an empty key gets its children under it; the comment stays', () => {
    const text = 'data_information:\n  description:   # to do\n  license: CC-BY-4.0\n';
    assert.equal(
      fix(text, 'osaid/missing', 'data_information.description.provenance'),
      'data_information:\n  description:   # to do\n    provenance: TODO\n  license: CC-BY-4.0\n',
    );
  });

  test('an explicit null is replaced by the inserted block', () => {
    const text = 'system: ~\n';
    assert.equal(fix(text, 'osaid/missing', 'system.name'), 'system:\n  name: TODO\n');
  });

  test('a missing section at the end of a file without a final newline', () => {
    const text = 'osaid: "1.0"\nsystem:\n  name: n\n  producer: p';
    assert.equal(
      fix(text, 'osaid/missing', 'parameters'),
      'osaid: "1.0"\nsystem:\n  name: n\n  producer: p\nparameters:\n  weights:\n    location: TODO\n    license: TODO',
    );
  });

  test('an empty flow list gets one skeleton entry; a block list entry follows the kind rules', () => {
    assert.equal(
      fix('data_information:\n  training_data: []\n', 'osaid/missing', 'data_information.training_data[0]'),
      'data_information:\n  training_data: [{name: TODO, kind: public, location: TODO}]\n',
    );
    assert.equal(
      fix(
        'data_information:\n  training_data:\n  license: MIT\n',
        'osaid/missing',
        'data_information.training_data[0]',
      ),
      'data_information:\n  training_data:\n    - name: TODO\n      kind: ' +
        'public\n      location: TODO\n  license: MIT\n',
    );
  });

  test('a key missing from a block list item goes inside that item', () => {
    const text =
      'data_information:\n  training_data:\n    - name: News\n      kind: ' +
      'third_party\n    - name: Web\n      kind: public\n      location: x\n';
    assert.equal(
      fix(text, 'osaid/missing', 'data_information.training_data[0].obtain'),
      'data_information:\n  training_data:\n    - name: News\n      kind: ' +
        'third_party\n      obtain: TODO\n    - name: Web\n      kind: public\n      location: x\n',
    );
  });

  test('CRLF documents get CRLF lines', () => {
    const text = 'system:\r\n  name: n\r\n';
    assert.equal(fix(text, 'osaid/missing', 'system.producer'), 'system:\r\n  name: n\r\n  producer: TODO\r\n');
  });

  test('four-space documents get four-space indentation', () => {
    const text = 'system:\n    name: n\n';
    assert.equal(
      fix(text, 'osaid/missing', 'parameters'),
      'system:\n    name: n\nparameters:\n    weights:\n        location: TODO\n        license: TODO\n',
    );
  });
});

describe('add all missing', () => {
  test('on the example missing data information: every element inserted, only placeholders left, comments kept', () => {
    const text = example('missing-data-information.osai.yaml');
    const { parsed, diagnostics } = analyse(text);
    const missing = diagnostics.filter((d) => d.code === 'osaid/missing');
    assert.equal(missing.length, 6);
    const addAll = service
      .getCodeActions(parsed, [missing[0]], diagnostics)
      .find((a) => a.title.startsWith(ADD_ALL_TITLE));
    assert.ok(addAll);
    assert.equal(addAll.title, `${ADD_ALL_TITLE} (6)`);
    const fixed = applyWorkspaceEdit(text, addAll.edit);
    assert.ok(
      fixed.endsWith(
        [
          '    # Only the provenance has been written so far.',
          '    provenance: A mix of web text and chat transcripts.',
          '    scope: TODO',
          '    characteristics: TODO',
          '    collection: TODO',
          '    labeling: TODO',
          '    processing: TODO',
          '  training_data:',
          '    - name: TODO',
          '      kind: public',
          '      location: TODO',
          '',
        ].join('\n'),
      ),
      fixed,
    );
    assert.deepEqual(comments(fixed), comments(text));
    const after = analyse(fixed).diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
    assert.deepEqual([...new Set(after.map((d) => d.code))], ['osaid/empty']);
    assert.equal(after.length, 7);
  });

  test('on an empty file it builds the whole required skeleton, which parses', () => {
    const { parsed, diagnostics } = analyse('');
    const addAll = service
      .getCodeActions(parsed, diagnostics, diagnostics)
      .find((a) => a.title.startsWith(ADD_ALL_TITLE));
    const fixed = applyWorkspaceEdit('', addAll?.edit);
    assert.equal(parseDocument(fixed).errors.length, 0);
    // What was inserted is placeholders: the only errors, and the verdict stays unmet until they are filled in.
    const after = analyse(fixed);
    assert.deepEqual(
      [...new Set(after.diagnostics.filter((d) => d.severity === 1).map((d) => d.code))],
      ['osaid/empty'],
    );
    assert.equal(
      service.getChecklist(after.parsed, after.diagnostics)!.verdict.title,
      '✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders',
    );
  });
});

describe('every single omission from the complete manifest', () => {
  const complete = fixture('complete.osai.yaml');
  const present = requirements.filter((r) => r.level !== 'optional' && !r.path.includes('[]'));
  for (const req of present) {
    test(`without ${req.path}`, () => {
      const yaml = parseDocument(complete);
      yaml.deleteIn(req.path.split('.'));
      const text = yaml.toString();
      const { diagnostics } = analyse(text);
      const expectedCode = req.level === 'required' ? 'osaid/missing' : 'osaid/recommended';
      const reported = diagnostics.filter((d) => d.severity !== 2 || d.code !== 'osaid/empty');
      assert.deepEqual(
        reported.map((d) => `${d.code} ${pathOf(d)}`),
        [`${expectedCode} ${req.path}`],
      );
      if (req.level !== 'required') return;
      const fixed = fix(text, 'osaid/missing', req.path);
      assert.equal(parseDocument(fixed).errors.length, 0, 'the fix leaves valid YAML');
      assert.deepEqual(comments(fixed), comments(text), 'the fix keeps every comment');
      const left = analyse(fixed).diagnostics;
      // Only the placeholders of what was inserted remain (and, inside an inserted section, its recommended parts).
      assert.ok(
        left.every(
          (d) => (d.code === 'osaid/empty' || d.code === 'osaid/recommended') && pathOf(d).startsWith(req.path),
        ),
        left.map((d) => `${d.code} ${pathOf(d)}`).join(', '),
      );
    });
  }
});

describe('replacement quick fixes', () => {
  test('an unknown key offers the closest allowed key', () => {
    const text = 'sytem:\n  name: n\n';
    const fixed = fix(text, 'schema/unknown-key', 'sytem');
    assert.equal(fixed, 'system:\n  name: n\n');
  });

  test('an unknown license offers the closest SPDX id and the fix clears it', () => {
    const text = fixture('bad-licenses.osai.yaml');
    const { parsed, diagnostics } = analyse(text);
    const d = diagnostics.find((x) => x.code === 'license/unknown');
    assert.ok(d);
    const actions = service.getCodeActions(parsed, [d], diagnostics);
    assert.equal(actions[0].title, 'Change to `Apache-2.0`');
    const fixed = applyWorkspaceEdit(text, actions[0].edit);
    assert.ok(
      fixed.includes('evaluation: {location: https://example.com/c, license: Apache-2.0}         # not an SPDX id'),
    );
    assert.ok(!analyse(fixed).diagnostics.some((x) => x.code === 'license/unknown'));
  });
});

describe('license normalisation, end to end: diagnostic → fix → no diagnostic', () => {
  const manifest = (license: string) =>
    `parameters:\n  weights:\n    location: https://example.com/w   # final weights\n    license: ${license}\n`;
  const cases: Array<[string, string, string]> = [
    ['Apache 2.0', 'license/non-canonical', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'license/non-canonical', 'Apache-2.0'],
    ['"Apache License, Version 2.0"', 'license/non-canonical', 'Apache-2.0'],
    ['apache-2.0', 'license/non-canonical', 'Apache-2.0'],
    ['MIT License', 'license/non-canonical', 'MIT'],
    ['BSD-3', 'license/non-canonical', 'BSD-3-Clause'],
    ['cc-by-4.0', 'license/non-canonical', 'CC-BY-4.0'],
    ['odc-by', 'license/non-canonical', 'ODC-By-1.0'],
    ['odbl', 'license/non-canonical', 'ODbL-1.0'],
    ['GPL-2.0+', 'license/deprecated', 'GPL-2.0-or-later'],
    ['Apache-2.0 OR mit', 'license/non-canonical', 'MIT'],
  ];
  for (const [written, code, canonical] of cases) {
    test(`${written} → ${canonical}`, () => {
      const text = manifest(written);
      const { parsed, diagnostics } = analyse(text);
      const licenseFindings = diagnostics.filter((d) => String(d.code).startsWith('license/'));
      assert.deepEqual(
        licenseFindings.map((d) => d.code),
        [code],
      );
      const d = licenseFindings[0];
      const action = service.getCodeActions(parsed, [d], diagnostics)[0];
      assert.equal(action.title, `Change to \`${canonical}\``);
      const fixed = applyWorkspaceEdit(text, action.edit);
      const expectedValue = written.startsWith('"')
        ? `"${canonical}"`
        : written.replace(/mit$/, 'MIT').replace(/^(?!Apache-2\.0 OR).*$/, canonical);
      assert.equal(fixed, manifest(expectedValue));
      assert.deepEqual(
        analyse(fixed).diagnostics.filter((x) => String(x.code).startsWith('license/')),
        [],
      );
    });
  }

  test('a family name is unmet; each exact candidate is its own fix, those that would pass first', () => {
    // The BSD family: 3-, 2-, 0- and 1-clause are OSI-approved (so open); BSD-4-Clause and BSD-3-Clause-Clear are
    // neither.
    const text = manifest('bsd');
    const { parsed, diagnostics } = analyse(text);
    const d = diagnostics.find((x) => x.code === 'license/ambiguous');
    assert.ok(d);
    assert.equal(d.severity, 1);
    assert.deepEqual(
      service.getCodeActions(parsed, [d], diagnostics).map((a) => a.title),
      [
        'Change to `BSD-3-Clause`',
        'Change to `BSD-2-Clause`',
        'Change to `0BSD`',
        'Change to `BSD-1-Clause`',
        'Change to `BSD-4-Clause`',
        'Change to `BSD-3-Clause-Clear`',
      ],
    );
  });

  test('deprecated GPL-3.0 offers both current ids', () => {
    const text = 'code:\n  training: {location: x, license: GPL-3.0}\n';
    const { parsed, diagnostics } = analyse(text);
    const d = diagnostics.find((x) => x.code === 'license/deprecated');
    assert.ok(d);
    const actions = service.getCodeActions(parsed, [d], diagnostics);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to `GPL-3.0-only`', 'Change to `GPL-3.0-or-later`'],
    );
    assert.equal(
      applyWorkspaceEdit(text, actions[1].edit),
      'code:\n  training: {location: x, license: GPL-3.0-or-later}\n',
    );
  });

  test('a restricted AI license is an error on the id with no fix to offer', () => {
    const text = manifest('llama3');
    const { parsed, diagnostics } = analyse(text);
    const d = diagnostics.filter((x) => String(x.code).startsWith('license/'));
    assert.deepEqual(
      d.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.character]),
      [['license/restricted', 3, 13, 19]],
    );
    assert.deepEqual(service.getCodeActions(parsed, d, diagnostics), []);
  });
});

describe('insertion before the first key of a list item', () => {
  test('goes after the dash, not on a line of its own that would join the previous item', () => {
    const text =
      'data_information:\n  training_data:\n    - name: A\n      kind: ' +
      'unshareable\n      reason: r\n    - kind: public\n      location: x\n';
    assert.equal(
      fix(text, 'osaid/missing', 'data_information.training_data[1].name'),
      'data_information:\n  training_data:\n    - name: A\n      kind: ' +
        'unshareable\n      reason: r\n    - name: TODO\n      kind: public\n      location: x\n',
    );
  });
});

describe('add all into an empty flow mapping', () => {
  test('entries are separated by commas', () => {
    const text = 'code:\n  architecture: {}\n';
    const { parsed, diagnostics } = analyse(text);
    const addAll = service
      .getCodeActions(
        parsed,
        diagnostics.filter((d) => d.code === 'osaid/missing'),
        diagnostics,
      )
      .find((a) => a.title.startsWith(ADD_ALL_TITLE));
    const fixed = applyWorkspaceEdit(text, addAll?.edit);
    assert.ok(fixed.includes('  architecture: {location: TODO, license: TODO}\n'), fixed);
    assert.equal(parseDocument(fixed).errors.length, 0);
  });
});
