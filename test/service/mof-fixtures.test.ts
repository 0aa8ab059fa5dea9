/**
 * The seven real MOF model files (test/fixtures/mof, from MOT's models/; see ATTRIBUTION.md):
 * classes, exact diagnostics and quick fixes applied end to end.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { evaluateMofClass, mofClassActions } from '../../server/src/service/formats/mof';
import { applyWorkspaceEdit, brief, comments, yamlDoc, ROOT, service } from '../helpers';

const URI = 'file:///test/model.yml';

function mof(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'mof', name), 'utf8');
}

function analyse(text: string) {
  const parsed = service.parse(yamlDoc(text, URI));
  return { parsed, diagnostics: service.doValidation(parsed), result: evaluateMofClass(parsed)! };
}

function apply(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'the code action exists');
  return applyWorkspaceEdit(text, action.edit, URI);
}

function action(text: string, title: string | RegExp, pick?: (d: Diagnostic) => boolean): CodeAction | undefined {
  const { parsed, diagnostics } = analyse(text);
  const range = pick ? diagnostics.filter(pick) : diagnostics;
  const actions = service.getCodeActions(parsed, range, diagnostics);
  return actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
}

const OSAID_CODE_MISSING = [
  'Data preprocessing code',
  'Training code',
  'Evaluation code',
  'Inference code',
  'Supporting libraries and tools',
];

/**
 * MOT's progress figure: the required components under an open license over those required, in percent,
 * unrounded (as MOT's API gives it in mot-conformance/expected_results.json).
 */
const percent = (open: number, required: number): number => (open / required) * 100;

describe('real MOF files: classes', () => {
  // Progress per class [I, II, III], counted by hand from each file with MOT's required components
  // (mof.settings.yml: 6 for Class III, 10 for Class II); a class below another's 100% shows 0.
  const cases: [string, 1 | 2 | 3 | null, [number, number, number], string][] = [
    ['OLMo-7B.yml', 1, [100, 100, 100], 'MOF Class I — Open Science · all 13 required components open'],
    ['Pythia-1B.yml', 1, [100, 100, 100], 'MOF Class I — Open Science · all 13 required components open'],
    // The six Class III components inherit Apache-2.0 from the distribution; Class II's four code and data
    // components are absent: 6 of 10.
    [
      'Granite-4-1.yml',
      3,
      [0, percent(6, 10), percent(6, 6)],
      'MOF Class III — Open Model · Class II: 4 of 10 required components missing or not open (60%)',
    ],
    // Architecture and weights under the Llama license, the paper (for the report) unlicensed, the rest absent: 0 of 6.
    [
      'Llama-3-8B.yml',
      null,
      [0, 0, percent(0, 6)],
      'MOF unclassified · Class III: 6 of 6 required components missing or not open',
    ],
    // Five Class III components `unlicensed`, the data card absent: 0 of 6.
    [
      'gemma-7b.yml',
      null,
      [0, 0, percent(0, 6)],
      'MOF unclassified · Class III: 6 of 6 required components missing or not open',
    ],
    // Architecture and weights Apache-2.0; the paper (standing in for the absent report) unlicensed;
    // model card, data card and evaluation results absent: 2 of 6.
    [
      'Mistral-7B-v0.1.yml',
      null,
      [0, 0, percent(2, 6)],
      'MOF unclassified · Class III: 4 of 6 required components missing or not open (33%)',
    ],
    // Only the technical report has its own CC-BY-4.0; the other five inherit the BLOOM RAIL license: 1 of 6.
    [
      'BLOOM.yml',
      null,
      [0, 0, percent(1, 6)],
      'MOF unclassified · Class III: 5 of 6 required components missing or not open (17%)',
    ],
  ];
  for (const [file, cls, progress, title] of cases) {
    test(`${file}: ${title}`, () => {
      const { parsed, result, diagnostics } = analyse(mof(file));
      assert.ok(parsed.kind === 'mof');
      assert.equal(result.class, cls);
      assert.deepEqual([result.progress[1], result.progress[2], result.progress[3]], progress);
      assert.equal(result.title, title);
      const lenses = service.getCodeLenses(parsed, diagnostics);
      // The class, then the OSAID verdict of the same release (the checklist's, as everywhere).
      assert.equal(lenses.length, 2);
      assert.equal(lenses[1].command?.title, service.getChecklist(parsed, diagnostics)!.verdict.title);
      assert.deepEqual(lenses[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.deepEqual(lenses[0].command, { title, command: 'workbench.actions.view.problems' });
    });
  }

  test('OLMo-7B: the research paper stands in for the missing technical report (13 required for Class I)', () => {
    const { result } = analyse(mof('OLMo-7B.yml'));
    assert.deepEqual(result.required, { 1: 13, 2: 10, 3: 6 });
    assert.deepEqual(result.missing, { 1: [], 2: [], 3: [] });
  });

  test('Granite-4-1: what is missing for Class II and Class I', () => {
    const { result } = analyse(mof('Granite-4-1.yml'));
    assert.deepEqual(result.missing[2], ['Training code', 'Inference code', 'Evaluation code', 'Evaluation data']);
    assert.deepEqual(result.absent[1], [
      'Training code',
      'Inference code',
      'Evaluation code',
      'Evaluation data',
      'Data preprocessing code',
      'Model parameters (Intermediate)',
      'Datasets',
      'Research paper',
    ]);
  });
});

describe('real MOF files: exact diagnostics', () => {
  test('Llama-3-8B: the Llama license is restricted on each component that carries it; the paper is unlicensed', () => {
    const { diagnostics } = analyse(mof('Llama-3-8B.yml'));
    assert.deepEqual(diagnostics.map(brief), [
      // The only data information is a paper without a license: it cannot count, so the requirement is unmet.
      'osaid/missing@15:3-15:13',
      ...OSAID_CODE_MISSING.map(() => 'osaid/missing@15:3-15:13'),
      'license/restricted@19:17-19:42',
      'license/restricted@23:17-23:42',
      'mof/unlicensed@27:16-27:26',
    ]);
    // Errors: what OSAID needs (the architecture and weights restricted, the requirements unmet); the paper's own
    // finding is a warning (supporting material), its effect the data information requirement's error.
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      [1, 1, 1, 1, 1, 1, 1, 1, 2],
    );
    assert.match(
      diagnostics[0].message,
      /^OSAID 1\.0 requires data information under open terms, and none of what this file shows counts: `Research paper` is unlicensed or not under open terms/,
    );
    assert.deepEqual(diagnostics[0].data, { path: 'release.components', requirement: 'data_information' });
    const restricted = diagnostics.filter((d) => d.code === 'license/restricted');
    assert.deepEqual(
      restricted.map((d) => (d.data as { component: string }).component),
      ['Model architecture', 'Model parameters (Final)'],
    );
    for (const d of restricted) {
      assert.equal(d.severity, 1);
      assert.equal(d.source, 'osai');
      assert.match(d.message, /Meta Llama 3 Community License Agreement, which restricts use \(acceptable-use policy/);
      assert.match(d.message, /MOT counts the component as not open/);
    }
    assert.deepEqual(
      diagnostics
        .filter((d) => d.code === 'osaid/missing')
        .slice(1)
        .map((d) => (d.data as { component: string }).component),
      OSAID_CODE_MISSING,
    );
    assert.deepEqual(diagnostics[6].data, { path: 'release.components[0].license', component: 'Model architecture' });
  });

  test('gemma-7b: `gemma` is restricted, every `unlicensed` is reported as such', () => {
    const { diagnostics } = analyse(mof('gemma-7b.yml'));
    assert.deepEqual(diagnostics.map(brief), [
      // The technical report and the paper are unlicensed: no data information counts.
      'osaid/missing@16:3-16:13',
      ...['Data preprocessing code', 'Training code', 'Evaluation code', 'Supporting libraries and tools'].map(
        () => 'osaid/missing@16:3-16:13',
      ),
      'mof/unlicensed@20:16-20:26',
      'license/restricted@24:16-24:21',
      'mof/unlicensed@28:16-28:26',
      'mof/unlicensed@32:16-32:26',
      'mof/unlicensed@36:16-36:26',
      'mof/unlicensed@40:16-40:26',
      'mof/unlicensed@44:16-44:26',
      'mof/unlicensed@48:16-48:26',
    ]);
    // Errors where OSAID needs the component (architecture, inference code, weights); warnings on the model metadata,
    // model card and evaluation results (outside the OSAID view) and on the report and paper (supporting material).
    assert.deepEqual(
      diagnostics.slice(5).map((d) => [(d.data as { component: string }).component, d.severity]),
      [
        ['Model architecture', 1],
        ['Inference code', 1],
        ['Model parameters (Final)', 1],
        ['Model metadata', 2],
        ['Model card', 2],
        ['Technical report', 2],
        ['Research paper', 2],
        ['Evaluation results', 2],
      ],
    );
    assert.match(diagnostics[6].message, /^`Inference code`: `gemma` is the Gemma Terms of Use, which restricts use/);
    assert.match(diagnostics[5].message, /OSAID 1\.0 does not count it either: code needs an OSI-approved license\.$/);
  });

  test('BLOOM: the inherited RAIL license is reported on every component name, saying where it comes from', () => {
    const { diagnostics } = analyse(mof('BLOOM.yml'));
    const restricted = diagnostics.filter((d) => d.code === 'license/restricted');
    assert.equal(restricted.length, 11);
    assert.equal(brief(restricted[0]), 'license/restricted@22:14-22:32');
    assert.match(
      restricted[0].message,
      /^`Model architecture` inherits `BigScience-BLOOM-RAIL-1.0` from `release\.license\.distribution\.name`: it is the BigScience BLOOM RAIL License v1\.0, which restricts use/,
    );
    assert.deepEqual(restricted[0].data, {
      path: 'release.components[0].name',
      component: 'Model architecture',
      inheritedFrom: 'release.license.distribution.name',
    });
    // The technical report and the paper carry their own CC-BY-4.0: no finding there.
    assert.ok(!diagnostics.some((d) => d.range.start.line === 53 || d.range.start.line === 58));
  });

  test('OLMo-7B: Class I, only type warnings (Apache-2.0 on data) and the OSAID supporting-libraries gap', () => {
    const { diagnostics } = analyse(mof('OLMo-7B.yml'));
    assert.deepEqual(diagnostics.map(brief), [
      'osaid/missing@20:3-20:13',
      'mof/license-type@37:14-37:38',
      'mof/license-type@40:14-40:45',
      'mof/license-type@43:13-43:21',
      'mof/license-type@46:14-46:29',
    ]);
    assert.ok(diagnostics.filter((d) => d.code === 'mof/license-type').every((d) => d.severity === 2));
    assert.deepEqual(diagnostics[0].data, {
      path: 'release.components',
      requirement: 'code.supporting_libraries',
      component: 'Supporting libraries and tools',
    });
  });

  test('Granite-4-1 and Mistral: exact lists', () => {
    assert.deepEqual(analyse(mof('Granite-4-1.yml')).diagnostics.map(brief), [
      ...OSAID_CODE_MISSING.map(() => 'osaid/missing@15:3-15:13'),
      'mof/license-type@20:14-20:38',
    ]);
    assert.deepEqual(analyse(mof('Mistral-7B-v0.1.yml')).diagnostics.map(brief), [
      'osaid/missing@17:3-17:13', // the only data information, the paper, is unlicensed
      ...OSAID_CODE_MISSING.map(() => 'osaid/missing@17:3-17:13'),
      'mof/license-type@25:16-25:26',
      'mof/unlicensed@29:16-29:26',
    ]);
  });

  test('Pythia-1B: Class I and OSAID-complete (only type warnings)', () => {
    const { diagnostics } = analyse(mof('Pythia-1B.yml'));
    assert.deepEqual([...new Set(diagnostics.map((d) => d.code))], ['mof/license-type']);
    assert.equal(diagnostics.length, 5);
  });
});

describe('real MOF files: quick fixes', () => {
  test(
    'Granite-4-1: "Add the 4 components missing for MOF Class II" → Class ' +
      "II, MOT's item style, nothing else touched",
    () => {
      const text = mof('Granite-4-1.yml');
      const fixed = apply(text, action(text, 'Add the 4 components missing for MOF Class II'));
      assert.ok(fixed.startsWith(text), 'the original text is kept as it was; the items are appended');
      assert.equal(
        fixed.slice(text.length),
        [
          '    -',
          "      name: 'Training code'",
          "      description: 'Code used for training the model'",
          '    -',
          "      name: 'Inference code'",
          "      description: 'Code used for running the model to make predictions'",
          '    -',
          "      name: 'Evaluation code'",
          "      description: 'Code used for evaluating the model'",
          '    -',
          "      name: 'Evaluation data'",
          "      description: 'Data used for evaluating the model'",
          '',
        ].join('\n'),
      );
      assert.equal(parseDocument(fixed).errors.length, 0);
      const after = analyse(fixed).result;
      assert.equal(after.class, 2);
      assert.equal(
        after.title,
        'MOF Class II — Open Tooling · Class I: 4 of 14 required components missing or not open (71%)',
      );
    },
  );

  test('Granite-4-1: "Add all components missing for MOF Class I" → Class I; comments are kept', () => {
    const text = mof('Granite-4-1.yml')
      .replace('  components:\n', '  components: # what is released\n')
      .replace("      name: 'Technical report'\n", "      # the report\n      name: 'Technical report'\n")
      .concat('# end of file\n');
    const fixed = apply(text, action(text, 'Add all components missing for MOF Class I (8)'));
    assert.equal(parseDocument(fixed).errors.length, 0);
    assert.deepEqual(comments(fixed), ['# what is released', '# the report', '# end of file']);
    const after = analyse(fixed);
    assert.equal(after.result.class, 1);
    assert.ok(
      fixed.includes(
        "      name: 'Research paper'\n      description: 'Research paper " +
          "detailing the development and capabilities of the model'\n",
      ),
    );
    // The OSAID view now only misses the supporting libraries.
    assert.deepEqual(
      after.diagnostics
        .filter((d) => d.code === 'osaid/missing')
        .map((d) => (d.data as { component: string }).component),
      ['Supporting libraries and tools'],
    );
  });

  test('Llama-3-8B: adding the Class III components does not make it Class III (the Llama license stays)', () => {
    const text = mof('Llama-3-8B.yml');
    const { parsed } = analyse(text);
    const titles = mofClassActions(parsed).map((a) => a.title);
    assert.deepEqual(titles, [
      'Add the 4 components missing for MOF Class III',
      'Add all components missing for MOF Class I (11)',
    ]);
    const fixed = apply(text, mofClassActions(parsed)[0]);
    const after = analyse(fixed).result;
    assert.equal(after.class, null);
    assert.deepEqual(after.missing[3], [
      'Model architecture',
      'Model parameters (Final)',
      'Model card',
      'Data card',
      'Technical report',
      'Evaluation results',
    ]);
    assert.deepEqual(after.absent[3], []);
  });

  test('an osaid/missing diagnostic offers adding that component; the OSAID gap closes', () => {
    const text = mof('Mistral-7B-v0.1.yml');
    const fixed = apply(
      text,
      action(
        text,
        'Add the MOF component `Training code`',
        (d) => (d.data as { component?: string }).component === 'Training code',
      ),
    );
    assert.equal(
      fixed.slice(text.length),
      "    -\n      name: 'Training code'\n      description: 'Code used for training the model'\n",
    );
    const after = analyse(fixed)
      .diagnostics.filter((d) => d.code === 'osaid/missing')
      .map((d) => (d.data as { component?: string }).component);
    // The first is the data information's (the paper is unlicensed), which no component to add would fix.
    assert.deepEqual(after, [
      undefined,
      'Data preprocessing code',
      'Evaluation code',
      'Inference code',
      'Supporting libraries and tools',
    ]);
  });

  test('"Add all components OSAID requires" adds every component the OSAID view misses', () => {
    const text = mof('Granite-4-1.yml');
    const fixed = apply(
      text,
      action(text, 'Add all components OSAID requires (5)', (d) => d.code === 'osaid/missing'),
    );
    assert.equal(analyse(fixed).diagnostics.filter((d) => d.code === 'osaid/missing').length, 0);
  });

  test('a Class I file gets no class actions', () => {
    assert.deepEqual(mofClassActions(analyse(mof('OLMo-7B.yml')).parsed), []);
  });
});
