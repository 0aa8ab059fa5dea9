/**
 * How the checks read a release (docs/checks.md, "What it checks"): documentation is supporting
 * material, and an explicit "does not apply" with its reason is an answer, not an omission.
 * Each case edits the complete OLMo example, which has no findings of its own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyWorkspaceEdit, brief, doc, example, service } from '../helpers';

const OLMO = example('olmo-7b.osai.yaml');
const LABELING =
  '    labeling: No human labeling; quality and toxicity tags come from ' +
  'fastText classifiers described in the Dolma paper.\n';
const PAPER =
  '    - kind: research_paper\n      location: https://arxiv.org/abs/2402.00159\n      license: CC-BY-4.0\n';
const LIBRARIES = / {2}supporting_libraries:\n(?: {4}- .*\n)+/;

function check(text: string): Diagnostic[] {
  const parsed = service.parse(doc(text));
  return service.doValidation(parsed).filter((d) => d.severity !== 3); // not the recommendations
}

function replaced(from: string | RegExp, to: string): string {
  const text = OLMO.replace(from, to);
  assert.notEqual(text, OLMO, 'the example has the text being replaced');
  return text;
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('documentation is supporting material', () => {
  test('an entry without a license: a warning (its terms are unknown), not an unmet requirement', () => {
    const text = replaced(PAPER, '    - kind: research_paper\n      location: https://arxiv.org/abs/2402.00159\n');
    const d = check(text);
    const line = lineOf(text, '    - kind: research_paper');
    assert.deepEqual(d.map(brief), [`osaid/missing@${line}:7-${line}:11`]);
    assert.equal(d[0].severity, 2);
    assert.equal(
      d[0].message,
      '`data_information.documentation[1]` has no license: its terms are ' +
        'unknown, so it cannot count as data information. Add its license (a ' +
        "paper on arXiv is usually under arXiv's non-exclusive license, which is not open).",
    );
    const checklist = service.getChecklist(service.parse(doc(text)), d)!;
    assert.equal(checklist.verdict.meets, true);
    assert.equal(checklist.verdict.title, '✓ Meets the OSAID 1.0 checks');
  });

  test('an entry under terms that are not open: a warning that says it cannot count', () => {
    const text = replaced(
      PAPER,
      '    - kind: research_paper\n      location: https://arxiv.org/abs/2402.00159\n      license: CC-BY-NC-4.0\n',
    );
    const d = check(text);
    const line = lineOf(text, 'license: CC-BY-NC-4.0');
    assert.deepEqual(d.map(brief), [`license/not-open@${line}:16-${line}:28`]);
    assert.equal(d[0].severity, 2);
    assert.match(
      d[0].message,
      /non-commercial clause.*\(Supporting material: the release does not fail on it, but this document cannot count as data information\.\)$/,
    );
    assert.equal(service.getChecklist(service.parse(doc(text)), d)!.verdict.meets, true);
  });

  test("the data information's own license stays an error when missing or not open", () => {
    const missing = check(replaced('  license: CC-BY-4.0\n  description:', '  description:'));
    assert.deepEqual(
      missing.map((x) => [x.code, x.severity, (x.data as { path: string }).path]),
      [['osaid/missing', 1, 'data_information.license']],
    );
    const notOpen = check(replaced('  license: CC-BY-4.0\n  description:', '  license: CC-BY-NC-4.0\n  description:'));
    assert.deepEqual(
      notOpen.map((x) => [x.code, x.severity]),
      [['license/not-open', 1]],
    );
  });
});

describe('"does not apply" is an answer', () => {
  test('labeling: a statement with its reason meets the requirement', () => {
    assert.deepEqual(
      check(replaced(LABELING, '    labeling: none — self-supervised pre-training on raw text, no human labels\n')),
      [],
    );
  });

  test(
    'labeling: a bare none / N/A is a placeholder that asks for the reason, ' + 'and leaves the requirement unmet',
    () => {
      for (const bare of ['none', 'N/A', 'n/a', 'not applicable']) {
        const text = replaced(LABELING, `    labeling: ${bare}\n`);
        const d = check(text);
        const line = lineOf(text, '    labeling:');
        assert.deepEqual(d.map(brief), [`osaid/empty@${line}:15-${line}:${15 + bare.length}`], bare);
        assert.equal(d[0].severity, 1, bare);
        assert.equal(
          service.getChecklist(service.parse(doc(text)), d)!.verdict.title,
          '✗ 1 unmet OSAID 1.0 requirement · 1 is a placeholder',
          bare,
        );
        assert.equal(
          d[0].message,
          `\`data_information.description.labeling: ${bare}\` gives no reason: if ` +
            `it does not apply, say why — e.g. \`none — self-supervised pre-training ` +
            `on raw text; no human or model labels were used\`.`,
        );
      }
    },
  );

  test(
    'supporting libraries: a statement instead of a list meets it; a bare ' +
      'none does not; an empty list is still missing',
    () => {
      assert.deepEqual(
        check(
          replaced(
            LIBRARIES,
            '  supporting_libraries: none — the tokenizer is part of the training code (OLMo repository)\n',
          ),
        ),
        [],
      );
      const bare = replaced(LIBRARIES, '  supporting_libraries: none\n');
      assert.deepEqual(
        check(bare).map((x) => [x.code, x.severity]),
        [['osaid/empty', 1]],
      );
      const empty = check(replaced(LIBRARIES, '  supporting_libraries: []\n'));
      assert.deepEqual(
        empty.map((x) => [x.code, x.severity]),
        [['osaid/missing', 1]],
      );
      // Other lists still need a list.
      assert.deepEqual(
        check(replaced(/ {2}training_data:\n(?: {4}.*\n)+/, '  training_data: none — we trained on nothing\n')).map(
          (x) => x.code,
        ),
        ['schema/type'],
      );
    },
  );

  test('a missing labeling offers "Add" and "State that it does not apply (with the reason)"', () => {
    const text = replaced(LABELING, '');
    const parsed = service.parse(doc(text));
    const all = service.doValidation(parsed);
    const missing = all.filter((d) => d.code === 'osaid/missing');
    assert.deepEqual(
      missing.map((d) => (d.data as { path: string }).path),
      ['data_information.description.labeling'],
    );
    const actions = service.getCodeActions(parsed, missing, all).filter((a) => !a.title.startsWith('Add all'));
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Add `data_information.description.labeling` (labeling procedures)',
        'State that `data_information.description.labeling` does not apply (with the reason)',
      ],
    );
    const stated = applyWorkspaceEdit(text, actions[1].edit);
    assert.ok(stated.includes('    labeling: "none — TODO: why it does not apply"\n'), stated);
    // Until the reason is written it is still a placeholder; with it, it meets the requirement.
    assert.deepEqual(
      check(stated).map((x) => x.code),
      ['osaid/empty'],
    );
    assert.deepEqual(
      check(stated.replace('TODO: why it does not apply', 'self-supervised pre-training on raw text')),
      [],
    );
  });
});
