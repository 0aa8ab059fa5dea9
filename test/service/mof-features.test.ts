/** MOF model files: the schema, recognition, schema/name/license diagnostics, fixes, hover, completion. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { CodeAction, Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import mofSchema from '../../schemas/mof-model.schema.json';
import {
  COMPONENT_NAMES,
  evaluateMofClass,
  looksLikeMofText,
  MOT_COMPONENTS,
  mofClassActions,
} from '../../server/src/service/formats/mof';
import { MOT_ENUMS } from '../../server/src/service/formats/mof/data/motTables';
import { applyWorkspaceEdit, brief, yamlDoc, example, ROOT, service } from '../helpers';

const URI = 'file:///test/model.yml';

function analyse(text: string) {
  const parsed = service.parse(yamlDoc(text, URI));
  return {
    parsed,
    diagnostics: service.doValidation(parsed),
    result: parsed.kind === 'mof' ? evaluateMofClass(parsed) : undefined,
  };
}

function fixWith(text: string, pick: (d: Diagnostic) => boolean, title: string): string {
  const { parsed, diagnostics } = analyse(text);
  const d = diagnostics.filter(pick);
  assert.ok(d.length > 0, 'the diagnostic exists');
  const action = service.getCodeActions(parsed, d, diagnostics).find((a: CodeAction) => a.title === title);
  assert.ok(
    action,
    `action "${title}"; got ${service
      .getCodeActions(parsed, d, diagnostics)
      .map((a) => a.title)
      .join(' | ')}`,
  );
  return applyWorkspaceEdit(text, action.edit, URI);
}

const HEAD = `framework:
  name: 'Model Openness Framework'
  version: '1.0'
  date: '2024-12-15'
`;

describe('schemas/mof-model.schema.json', () => {
  test('compiles with ajv and accepts a real file', () => {
    const validate = new Ajv({ allErrors: true, strict: true, strictTypes: false }).compile(mofSchema);
    const olmo = parseDocument(readFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'OLMo-7B.yml'), 'utf8')).toJS();
    assert.equal(validate(olmo), true, JSON.stringify(validate.errors));
  });

  test("the component names are exactly the 17 of MOT's table, and the enums are MOT's", () => {
    const release = mofSchema.properties.release.properties;
    assert.deepEqual(
      release.components.items.properties.name.enum,
      MOT_COMPONENTS.map((c) => c.name),
    );
    assert.equal(COMPONENT_NAMES.length, 17);
    assert.deepEqual(new Set(COMPONENT_NAMES).size, 17);
    assert.deepEqual(release.type.enum, [...MOT_ENUMS.type]);
    assert.deepEqual(release.architecture.enum, [...MOT_ENUMS.architecture]);
    assert.deepEqual(release.treatment.enum, [...MOT_ENUMS.treatment]);
    assert.deepEqual(mofSchema.properties.release.required, ['name', 'license', 'producer', 'components']);
  });

  test('every property has a description', () => {
    const missing: string[] = [];
    const walk = (node: Record<string, unknown>, path: string): void => {
      if (typeof node.description !== 'string' || node.description.length < 10) missing.push(path || '(root)');
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>))
        walk(child, `${path}.${key}`);
      for (const [key, child] of Object.entries(
        (node.patternProperties ?? {}) as Record<string, Record<string, unknown>>,
      ))
        walk(child, `${path}/${key}`);
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(mofSchema as unknown as Record<string, unknown>, '');
    assert.deepEqual(missing, []);
  });

  test("MOT's content types: 6 code, 4 data… and the classes are cumulative (6 + 4 + 4 required)", () => {
    const required = (c: number) => MOT_COMPONENTS.filter((x) => x.class === c && x.required).length;
    assert.deepEqual([required(3), required(2), required(1)], [6, 4, 4]);
    assert.deepEqual(
      MOT_COMPONENTS.filter((x) => !x.required).map((x) => x.name),
      ['Sample model outputs', 'Supporting libraries and tools', 'Model metadata'],
    );
  });
});

describe('recognising MOF model files', () => {
  test('a YAML file that is neither format gets nothing', () => {
    const text = 'name: my-app\nversion: 1.0\nframework: express   # not a MOF file\ndependencies:\n  - yaml\n';
    const { parsed, diagnostics, result } = analyse(text);
    assert.equal(parsed.kind === 'mof', false);
    assert.equal(looksLikeMofText(text), false);
    assert.deepEqual(diagnostics, []);
    assert.equal(result, undefined);
    assert.deepEqual(service.getCodeLenses(parsed, []), []);
    assert.equal(service.doHover(parsed, { line: 0, character: 1 }), null);
    assert.deepEqual(service.getCodeActions(parsed, [], []), []);
    assert.deepEqual(service.doComplete(parsed, { line: 0, character: 1 }).items, []);
  });

  test('mentioning the framework elsewhere does not claim a file; an OSAID manifest is not MOF', () => {
    const text =
      '# Model Openness Framework notes\nframework:\n  kind: other\nnotes: see the Model Openness Framework\n';
    assert.equal(looksLikeMofText(text), true, 'the cheap check may say yes');
    assert.equal(service.parse(yamlDoc(text)).kind === 'mof', false, 'the parse says no');
    for (const name of ['olmo-7b.osai.yaml', 'llama-style.osai.yaml', 'missing-data-information.osai.yaml']) {
      const parsed = service.parse(yamlDoc(example(name), 'file:///examples/' + name));
      assert.equal(parsed.kind, 'osai', name);
    }
  });

  test('empty, scalar, list and broken documents are not MOF files and do not throw', () => {
    for (const text of ['', '~', '- a\n- b\n', 'framework: 3\n', 'framework:\n  name: [x]\n', 'a: [\n']) {
      const parsed = service.parse(yamlDoc(text));
      assert.equal(parsed.kind === 'mof', false, JSON.stringify(text));
      assert.deepEqual(service.doValidation(parsed), []);
    }
    // A MOF file with a syntax error is still recognised; the syntax error comes first.
    const broken = service.parse(yamlDoc('framework: {name: Model Openness Framework\n'));
    assert.equal(broken.kind === 'mof', true);
    assert.ok(service.doValidation(broken).some((d) => d.code === 'yaml/syntax'));
  });

  test('the name is matched ignoring case and spacing; the exact spelling is then required by the schema', () => {
    const text =
      "framework:\n  name: model openness  Framework\n  version: '1.0'\n  " +
      "date: '2024-12-15'\nrelease:\n  name: X\n  producer: P\n  license: {}\n  components: []\n";
    assert.ok(looksLikeMofText('framework:\n  name: "Model  Openness Framework"\n'));
    const { parsed, diagnostics } = analyse(text);
    assert.equal(parsed.kind === 'mof', true);
    const d = diagnostics.find((x) => x.code === 'schema/enum')!;
    assert.equal(brief(d), 'schema/enum@2:9-2:34');
    assert.deepEqual((d.data as { replacements: string[] }).replacements, ['Model Openness Framework']);
    const fixed = fixWith(text, (x) => x.code === 'schema/enum', 'Change to `Model Openness Framework`');
    assert.ok(fixed.includes('  name: Model Openness Framework\n'));
    assert.ok(!analyse(fixed).diagnostics.some((x) => x.code === 'schema/enum'));
  });
});

const MESSY = `${HEAD}release:
  name: Demo
  version: 1.0
  type: languge
  architecture: transformer
  treatment: pretrained
  licence: x
  license:
    distribution:
      name: Apache 2.0
  components:
    - name: Model Architecture
      description: x
    - name: 'Model parameters (Final)'
      license: CC-BY-NC-4.0
    - name: Model parameters (Final)
    - name: Training code
      license: GPL-3.0
    - name: Model card
      license: 'MIT License'
    - license: MIT
`;

describe('diagnostics: schema, names, licenses, OSAID view', () => {
  test('exact codes and ranges', () => {
    const { diagnostics } = analyse(MESSY);
    assert.deepEqual(diagnostics.map(brief), [
      'mof/missing@5:1-5:8',
      'schema/type@7:12-7:15',
      'schema/enum@8:9-8:16',
      'schema/enum@10:14-10:24',
      'schema/unknown-key@11:3-11:10',
      'license/non-canonical@14:13-14:23',
      'osaid/missing@15:3-15:13',
      'osaid/missing@15:3-15:13',
      'osaid/missing@15:3-15:13',
      'osaid/missing@15:3-15:13',
      'osaid/missing@15:3-15:13',
      'osaid/missing@15:3-15:13',
      'mof/unknown-component@16:13-16:31',
      'license/not-open@19:16-19:28',
      'mof/duplicate-component@20:13-20:37',
      'license/not-open@20:13-20:37',
      'mof/license-type@22:16-22:23',
      'license/non-canonical@24:17-24:28',
      'mof/missing@25:7-25:14',
    ]);
    const by = (code: string) => diagnostics.filter((d) => d.code === code);
    assert.match(by('mof/missing')[0].message, /^Missing `release\.producer`/);
    assert.deepEqual(
      by('schema/enum').map((d) => (d.data as { replacements: string[] }).replacements),
      [['language'], ['pre-trained']],
    );
    // No rename to `license`: the mapping has one already, and a duplicate key would break the file.
    assert.deepEqual(by('schema/unknown-key')[0].data, { path: 'release.licence', replacements: [] });
    assert.deepEqual(by('mof/unknown-component')[0].data, {
      path: 'release.components[0].name',
      replacements: ['Model architecture'],
    });
    assert.match(
      by('mof/unknown-component')[0].message,
      /MOT ignores components it does not know, so this one counts as missing\. Did you mean `Model architecture`\?/,
    );
    assert.match(
      by('mof/duplicate-component')[0].message,
      /first on line 18\)\. MOT keeps only the last entry — this one/,
    );
    // An inherited misspelt global license: reported on the component name, pointing at its source.
    assert.deepEqual(by('license/not-open')[1].data, {
      path: 'release.components[2].name',
      component: 'Model parameters (Final)',
      inheritedFrom: 'release.license.distribution.name',
    });
    assert.match(
      by('license/not-open')[1].message,
      /inherits "Apache 2\.0" from `release\.license\.distribution\.name`: .* write `Apache-2\.0` there\./,
    );
    // Non-canonical spellings MOT does not accept lower the MOF class (MOT compares ids exactly), but OSAID reads
    // them as the license they spell: warnings, with the canonical id as the fix.
    assert.deepEqual(
      by('license/non-canonical').map((d) => [d.severity, (d.data as { replacements: string[] }).replacements]),
      [
        [2, ['Apache-2.0']],
        [2, ['MIT']],
      ],
    );
    // The dropped duplicate's CC-BY-NC-4.0 decides nothing; the kept weights inherit "Apache 2.0", which OSAID reads as
    // open.
    assert.deepEqual(
      by('license/not-open').map((d) => d.severity),
      [2, 2],
    );
    assert.match(
      by('license/not-open')[0].message,
      /`CC-BY-NC-4\.0` is not open under MOT's rules: it is not OSI-approved, not FSF-libre and not on MOT's open-data list \(its non-commercial clause restricts use\)\./,
    );
    assert.equal(by('mof/license-type')[0].severity, 2);
  });

  test('the OSAID view asks for data information first, on the components key', () => {
    const { diagnostics } = analyse(MESSY);
    const osaid = diagnostics.filter((d) => d.code === 'osaid/missing');
    assert.deepEqual(
      osaid.map((d) => (d.data as { component: string }).component),
      [
        'Data card',
        'Data preprocessing code',
        'Evaluation code',
        'Inference code',
        'Supporting libraries and tools',
        'Model architecture',
      ],
    );
    assert.deepEqual(osaid[0].data, {
      path: 'release.components',
      requirement: 'data_information',
      component: 'Data card',
    });
    assert.match(osaid[0].message, /^OSAID 1\.0 requires data information/);
  });

  test('quick fixes honour the kinds the client asks for (LSP `only`)', () => {
    const { parsed, diagnostics } = analyse(MESSY);
    const d = diagnostics.filter((x) => x.code === 'mof/unknown-component');
    const all = service.getCodeActions(parsed, d, diagnostics);
    assert.ok(all.some((a) => a.title === 'Rename to `Model architecture`'));
    assert.deepEqual(
      service.getCodeActions(parsed, d, diagnostics, ['quickfix']).map((a) => a.title),
      all.map((a) => a.title),
    );
    // On save VS Code asks for source.fixAll only: quick fixes are not applied then.
    assert.deepEqual(service.getCodeActions(parsed, d, diagnostics, ['source.fixAll']), []);
    assert.deepEqual(service.getCodeActions(parsed, d, diagnostics, ['refactor']), []);
  });

  test('quick fixes: rename the component, canonical license ids, enum values, unknown key', () => {
    let text = fixWith(MESSY, (d) => d.code === 'mof/unknown-component', 'Rename to `Model architecture`');
    assert.ok(text.includes('    - name: Model architecture\n'));
    text = fixWith(
      text,
      (d) =>
        d.code === 'license/non-canonical' && (d.data as { path: string }).path === 'release.license.distribution.name',
      'Change to `Apache-2.0`',
    );
    text = fixWith(text, (d) => d.code === 'license/non-canonical', 'Change to `MIT`');
    assert.ok(text.includes("      license: 'MIT'\n"), 'the quotes stay');
    // `licence` is unknown, but `license` is already there: renaming would duplicate a key, so no rename is offered.
    const unknown = analyse(text).diagnostics.find((d) => d.code === 'schema/unknown-key');
    assert.deepEqual(unknown?.data, { path: 'release.licence', replacements: [] });
    text = text.replace('  licence: x\n', '');
    assert.equal(parseDocument(text).errors.length, 0);
    const { diagnostics, result } = analyse(text);
    assert.ok(!diagnostics.some((d) => ['mof/unknown-component', 'license/non-canonical'].includes(String(d.code))));
    // "Model architecture" now counts; it inherits Apache-2.0.
    assert.ok(result!.components.some((c) => c.component.name === 'Model architecture' && c.status === 'included'));
  });

  test(
    'license resolution follows MOT: own → type-specific global → ' +
      'distribution; an empty own license does not fall back',
    () => {
      const text = `${HEAD}release:
  name: R
  producer: P
  license:
    distribution: {name: MIT}
    data: {name: CDLA-Permissive-2.0}
    document: {name: ''}
  components:
    - {name: Model architecture}
    - {name: Model parameters (Final)}
    - {name: Model card}
    - {name: Data card, license: ''}
    - {name: Technical report, license: unlicensed}
    - {name: Evaluation results, license: CC-BY-4.0}
`;
      const { result, diagnostics } = analyse(text);
      const summary = result!.components.map(
        (c) => `${c.component.name}: ${c.resolved.license ?? '-'} (${c.resolved.source}) ${c.status}`,
      );
      assert.deepEqual(summary, [
        'Model architecture: MIT (distribution) included',
        'Model parameters (Final): CDLA-Permissive-2.0 (data) included',
        'Model card: MIT (distribution) included',
        'Data card: - (component) unlicensed',
        'Technical report: unlicensed (component) unlicensed',
        'Evaluation results: CC-BY-4.0 (component) included',
      ]);
      assert.deepEqual(result!.progress, { 1: 0, 2: 0, 3: (4 / 6) * 100 });
      assert.deepEqual(diagnostics.filter((d) => d.code === 'mof/unlicensed').map(brief), [
        'mof/unlicensed@16:34-16:36',
        'mof/unlicensed@17:41-17:51',
      ]);
      assert.match(
        diagnostics.find((d) => d.code === 'mof/license-type')!.message,
        /^`Model card` inherits `MIT` from `release\.license\.distribution\.name`: it is open/,
      );
    },
  );

  test('restricted, unknown, placeholder and SPDX-expression licenses', () => {
    const text = `${HEAD}release:
  name: R
  producer: P
  license: {}
  components:
    - name: Model architecture
      license: Llama 2 Community License
    - name: Model parameters (Final)
      license: Undisclosed
    - name: Model card
      license: Component not included
    - name: Data card
      license: Apache-2.0 OR MIT
    - name: Technical report
      license: CC-BY-4.O
`;
    const { diagnostics } = analyse(text);
    const lic = diagnostics.filter((d) => d.code !== 'osaid/missing');
    assert.deepEqual(lic.map(brief), [
      'license/restricted@11:16-11:41',
      'license/not-open@13:16-13:27',
      'license/unknown@15:16-15:38',
      'license/not-open@17:16-17:33',
      'license/unknown@19:16-19:25',
    ]);
    assert.match(lic[1].message, /If the component has no license, write `unlicensed`/);
    assert.match(lic[2].message, /remove it from `components`/);
    assert.match(lic[3].message, /SPDX expression; MOT compares the whole string/);
    assert.ok((lic[4].data as { replacements?: string[] }).replacements?.includes('CC-BY-4.0'));
  });

  test(
    'OSAID view: code under a license MOT counts as open but OSI has not ' +
      'approved is unmet — an error, whatever the class says',
    () => {
      // CC-BY-4.0 is on MOT's open-data list; GPL-3.0-or-later is OSI-approved; BSD-3-Clause-Clear is FSF-libre only.
      for (const [license, code] of [
        ['CC-BY-4.0', 'license/not-osi-approved'],
        ['BSD-3-Clause-Clear', 'license/not-osi-approved'],
      ] as const) {
        const text =
          `${HEAD}release:\n  name: R\n  producer: P\n  license: {}\n  components:\n ` +
          `   - name: Training code\n      license: ${license}\n`;
        const { parsed, diagnostics } = analyse(text);
        const own = diagnostics.filter((d) => d.range.start.line === 10 && d.code === code);
        assert.equal(own.length, 1, license);
        assert.equal(own[0].severity, 1, license);
        assert.match(
          own[0].message,
          /is open for MOT \(.*\) but not OSI-approved; OSAID 1\.0 requires an OSI-approved license for code/,
        );
        const checklist = service.getChecklist(parsed, diagnostics)!;
        assert.equal(checklist.groups[1].items.find((i) => i.id === 'code.training')!.status, 'not-open', license);
        assert.equal(checklist.verdict.meets, false);
      }
      const gpl =
        `${HEAD}release:\n  name: R\n  producer: P\n  license: {}\n  components:\n ` +
        `   - name: Training code\n      license: GPL-3.0-or-later\n`;
      const { parsed, diagnostics } = analyse(gpl);
      assert.equal(
        service.getChecklist(parsed, diagnostics)!.groups[1].items.find((i) => i.id === 'code.training')!.status,
        'met',
      );
    },
  );

  test('missing release fields and a missing components list', () => {
    const text = `${HEAD}release:\n  name: ''\n  license: {}\n`;
    const { diagnostics, result } = analyse(text);
    assert.deepEqual(diagnostics.filter((d) => d.code !== 'osaid/missing').map(brief), [
      'mof/missing@5:1-5:8',
      'mof/missing@5:1-5:8',
      'mof/missing@6:9-6:11',
    ]);
    assert.deepEqual(result!.progress, { 1: 0, 2: 0, 3: 0 });
    assert.equal(diagnostics.filter((d) => d.code === 'osaid/missing').length, 8);
    // "Add all" creates the components key.
    const fixed = applyWorkspaceEdit(text, mofClassActions(service.parse(yamlDoc(text, URI))).at(-1)!.edit, URI);
    assert.equal(evaluateMofClass(service.parse(yamlDoc(fixed)))!.absent[1].length, 0);
    assert.ok(fixed.startsWith(`${text}  components:\n    -\n      name: 'Model architecture'\n`));
  });
});

describe("adding components keeps the file's style", () => {
  const add = (text: string, index = 0): string => {
    const parsed = service.parse(yamlDoc(text, URI));
    const actions = mofClassActions(parsed);
    return applyWorkspaceEdit(text, actions[index].edit, URI);
  };
  const base = `${HEAD}release:\n  name: R\n  producer: P\n  license:\n    distribution:\n      name: Apache-2.0\n`;

  test("`- name:` items with plain values (MOT's test files)", () => {
    const text =
      `${base}  components:\n  - name: Model architecture\n    description: Well ` +
      `commented code\n  - name: Model card\n    description: Model details\n`;
    const fixed = add(text);
    assert.equal(
      fixed.slice(text.length),
      [
        '  - name: Model parameters (Final)',
        '    description: Trained model parameters, weights and biases',
        '  - name: Data card',
        '    description: Documentation for datasets including source, characteristics, and preprocessing details',
        '  - name: Technical report',
        '    description: Technical report detailing capabilities and usage instructions for the model',
        '  - name: Evaluation results',
        '    description: The results from evaluating the model',
        '',
      ].join('\n'),
    );
    assert.equal(evaluateMofClass(service.parse(yamlDoc(fixed)))!.class, 3);
  });

  test('a flow list', () => {
    const text = `${base}  components: [{name: Model architecture}]  # flow\n`;
    const fixed = add(text);
    // The existing item is written plain, so are the new ones (quoted where flow syntax needs it).
    assert.ok(
      fixed.includes(
        'components: [{name: Model architecture}, {name: Model parameters ' +
          "(Final), description: 'Trained model parameters, weights and biases'}, {name: Model card, ",
      ),
    );
    assert.ok(fixed.endsWith(']  # flow\n'));
    assert.equal(evaluateMofClass(service.parse(yamlDoc(fixed)))!.class, 3);
  });

  test('an empty components key, and no final newline', () => {
    const text = `${base}  components:`;
    const fixed = add(text);
    assert.ok(
      fixed.startsWith(
        `${text}\n    -\n      name: 'Model architecture'\n      description: "Well ` +
          `commented code for the model's architecture"\n    -\n`,
      ),
    );
    assert.equal(evaluateMofClass(service.parse(yamlDoc(fixed)))!.class, 3);
    const empty = `${base}  components: []\n`;
    assert.equal(evaluateMofClass(service.parse(yamlDoc(add(empty))))!.class, 3);
  });

  test('CRLF line ends are kept', () => {
    const text = `${base}  components:\n    -\n      name: 'Model card'\n`.replace(/\n/g, '\r\n');
    const fixed = add(text);
    assert.ok(!/[^\r]\n/.test(fixed), 'every line ends with CRLF');
    assert.equal(evaluateMofClass(service.parse(yamlDoc(fixed)))!.class, 3);
  });

  // Issue 22 (13): the added item must not take a sibling's license that fails its test (a new finding).
  // It takes none: it inherits the global license in MOT's order (here the distribution's, open and
  // OSI-approved), whatever its siblings are under — `CC-BY-NC-4.0` (not open) or `Apache-2.0`.
  test(
    '"Add the MOF component" copies no sibling\'s license, open or not: the ' +
      'new item inherits the global one and adds no finding',
    () => {
      for (const sibling of ['CC-BY-NC-4.0', 'Apache-2.0']) {
        const text =
          `${base}  components:\n    -\n      name: 'Training code'\n      description: ` +
          `'Code used for training the model'\n      license: ${sibling}\n`;
        const fixed = fixWith(
          text,
          (d) => d.code === 'osaid/missing' && (d.data as { component?: string }).component === 'Inference code',
          'Add the MOF component `Inference code`',
        );
        assert.equal(
          fixed.slice(text.length),
          "    -\n      name: 'Inference code'\n      description: 'Code used for " +
            "running the model to make predictions'\n",
          sibling,
        );
        const licenseFindings = (t: string) =>
          analyse(t)
            .diagnostics.filter((d) => /^(license|mof)\//.test(String(d.code)))
            .map(brief);
        assert.deepEqual(licenseFindings(fixed), licenseFindings(text), sibling);
        const added = evaluateMofClass(service.parse(yamlDoc(fixed)))!.components.find(
          (c) => c.component.name === 'Inference code',
        )!;
        assert.deepEqual([added.resolved.license, added.resolved.source], ['Apache-2.0', 'distribution'], sibling);
      }
    },
  );
});

describe('hover and completion', () => {
  const olmo = readFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'OLMo-7B.yml'), 'utf8');
  const at = (text: string, needle: string, delta = 1) => {
    const offset = text.indexOf(needle) + delta;
    const d = yamlDoc(text);
    return d.positionAt(offset);
  };
  const hover = (text: string, needle: string, delta = 1) => {
    const parsed = service.parse(yamlDoc(text));
    const h = service.doHover(parsed, at(text, needle, delta));
    return h ? (h.contents as MarkupContent).value : null;
  };

  test('on a component: content type, class, license and where it is inherited from', () => {
    const md = hover(olmo, "'Model parameters (Final)'", 3)!;
    assert.match(md, /^\*\*Model parameters \(Final\)\*\* — MOF component, content type \*data\*/);
    assert.match(md, /Required for \*\*Class III — Open Model\*\* \(and so for Classes II and I\)/);
    assert.match(
      md,
      /License: `Apache-2\.0` \(inherited from `release\.license\.distribution\.name`\) — open for MOT \(OSI-approved, FSF-libre\); open but not type-appropriate for data/,
    );
    assert.match(md, /OSAID 1\.0: Model \(required\)/);
  });

  test("on a component's own license: the license service explains it too", () => {
    const md = hover(olmo, 'license: CC-BY-4.0', 12)!;
    assert.match(md, /License: `CC-BY-4\.0` \(its own\)/);
    assert.match(md, /Stands in|stands in/);
    assert.match(md, /---/);
  });

  test('on keys: short docs from the schema; on a global license: who inherits it', () => {
    assert.match(hover(olmo, 'release:', 1)!, /^\*\*`release`\*\* — The model release being described\./);
    assert.match(hover(olmo, 'huggingface:', 1)!, /Hugging Face/);
    const md = hover(olmo, 'name: Apache-2.0', 8)!;
    assert.match(md, /^\*\*Global distribution license\*\* — open for MOT \(OSI-approved, FSF-libre\)\./);
    assert.match(md, /Applies to `Model architecture`, `Data preprocessing code`/);
  });

  test('component names complete inside components[].name, in the quote style typed', () => {
    const text =
      `${HEAD}release:\n  name: R\n  producer: P\n  license: {}\n  components:\n ` +
      `   -\n      name: 'Model card'\n    -\n      name: 'Mod'\n`;
    const parsed = service.parse(yamlDoc(text));
    const items = service.doComplete(parsed, { line: 12, character: 16 }).items;
    assert.equal(items.length, 17);
    const card = items.find((i) => i.label === 'Model card')!;
    assert.match(card.detail!, /already listed/);
    const arch = items.find((i) => i.label === 'Model architecture')!;
    assert.deepEqual(arch.textEdit, {
      range: { start: { line: 12, character: 12 }, end: { line: 12, character: 17 } },
      newText: "'Model architecture'",
    });
    // Plain style, `- name:` items.
    const plain = `${HEAD}release:\n  name: R\n  producer: P\n  license: {}\n  components:\n  - name: Da\n`;
    const edit = service
      .doComplete(service.parse(yamlDoc(plain)), { line: 9, character: 12 })
      .items.find((i) => i.label === 'Datasets')!.textEdit;
    assert.deepEqual(edit, {
      range: { start: { line: 9, character: 10 }, end: { line: 9, character: 12 } },
      newText: 'Datasets',
    });
    // Not outside the components list.
    assert.deepEqual(service.doComplete(parsed, { line: 5, character: 8 }).items, []);
  });
});
