import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Checklist } from '../../server/src/service';
import { example, ROOT, service } from '../helpers';

function checklistOf(text: string, uri = 'file:///w/osai.yaml', languageId = 'osai-manifest'): Checklist {
  const parsed = service.parse(TextDocument.create(uri, languageId, 1, text));
  const c = service.getChecklist(parsed, service.doValidation(parsed));
  assert.ok(c);
  return c;
}

const table = (c: Checklist) =>
  c.groups.map((g) => `${g.title}: ${g.items.map((i) => `${i.id}=${i.status}`).join(' ')}`);

describe('OSAID checklist', () => {
  test('the complete example: every requirement met', () => {
    const c = checklistOf(example('olmo-7b.osai.yaml'));
    assert.deepEqual(c.verdict, {
      meets: true,
      state: 'meets',
      title: '✓ Meets the OSAID 1.0 checks',
      unmet: 0,
      placeholders: 0,
      notStated: 0,
      errors: 0,
      syntaxErrors: 0,
    });
    assert.deepEqual(table(c), [
      'Data information: data_information.license=met ' +
        'data_information.description.provenance=met ' +
        'data_information.description.scope=met ' +
        'data_information.description.characteristics=met ' +
        'data_information.description.collection=met ' +
        'data_information.description.labeling=met ' +
        'data_information.description.processing=met ' +
        'data_information.training_data=met data_information.documentation=met',
      'Code: code.data_processing=met code.training=met code.evaluation=met ' +
        'code.inference=met code.architecture=met code.supporting_libraries=met',
      'Parameters: parameters.weights=met parameters.checkpoints=met parameters.optimizer_state=met',
    ]);
    const labeling = c.groups[0].items[5];
    assert.equal(labeling.title, 'Labeling procedures');
    assert.deepEqual(labeling.range, { start: { line: 38, character: 4 }, end: { line: 38, character: 12 } });
  });

  test('the incomplete example: the missing data information, item by item', () => {
    const c = checklistOf(example('missing-data-information.osai.yaml'));
    assert.equal(c.verdict.meets, false);
    assert.equal(c.verdict.title, '✗ 6 unmet OSAID 1.0 requirements');
    assert.deepEqual(
      table(c)[0],
      'Data information: data_information.license=met ' +
        'data_information.description.provenance=met ' +
        'data_information.description.scope=missing ' +
        'data_information.description.characteristics=missing ' +
        'data_information.description.collection=missing ' +
        'data_information.description.labeling=missing ' +
        'data_information.description.processing=missing ' +
        'data_information.training_data=missing data_information.documentation=recommended',
    );
    const scope = c.groups[0].items[2];
    assert.match(scope.detail, /^Missing `data_information\.description\.scope`/);
    assert.equal(scope.range.start.line, 20, 'a missing item reveals its parent key');
  });

  test('the Llama-style example: weights not open; a missing section marks every item in it', () => {
    const c = checklistOf(example('llama-style.osai.yaml'));
    assert.equal(c.groups[2].items[0].status, 'not-open');
    assert.match(c.groups[2].items[0].detail, /Llama 3 Community License/);
    const noCode = checklistOf('osaid: "1.0"\n');
    assert.ok(noCode.groups[1].items.every((i) => i.status === 'missing'));
  });

  test('placeholders are their own status', () => {
    const c = checklistOf(
      example('missing-data-information.osai.yaml').replace(
        'provenance: A mix of web text and chat transcripts.',
        'provenance: TODO',
      ),
    );
    assert.equal(c.groups[0].items[1].status, 'placeholder');
  });

  test('a MOF model file: the OSAID view from its components, with the class', () => {
    const text = readFileSync(join(ROOT, 'examples', 'models', 'Granite-4-1.yml'), 'utf8');
    const c = checklistOf(text, 'file:///w/Granite-4-1.yml', 'yaml');
    assert.equal(c.kind, 'mof');
    assert.match(c.classification!.title, /^MOF Class III/);
    assert.deepEqual(table(c), [
      'Data information: data_information=met',
      'Code: code.data_processing=missing code.training=missing ' +
        'code.evaluation=missing code.inference=missing code.architecture=met ' +
        'code.supporting_libraries=missing',
      'Parameters: parameters.weights=met parameters.checkpoints=recommended',
    ]);
    assert.equal(c.verdict.title, '✗ 5 unmet OSAID 1.0 requirements');
  });

  test('no checklist for other documents', () => {
    const parsed = service.parse(TextDocument.create('file:///w/other.yaml', 'yaml', 1, 'a: 1\n'));
    assert.equal(service.getChecklist(parsed, []), undefined);
  });
});
