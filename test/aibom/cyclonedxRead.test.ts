/**
 * CycloneDX ML-BOMs read as documents (server/src/service/formats/cyclonedx/): recognition,
 * schema findings ranged on their values, the OSAID view judged as a manifest is, hovers, the
 * quick fix, and the round trip — every manifest of examples/ exported and read back agrees on
 * what both formats can state. Expected values are written by hand from the fixtures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, ROOT, service } from '../helpers';
import {
  CODE,
  DESCRIPTION,
  EXAMPLE_MANIFESTS,
  MANIFEST_COMPARED,
  MODEL_CARDS,
  MOF_COMPARED,
  MOF_FILES,
  sourceText,
} from './roundTripSources';

const FIXTURES = 'test/fixtures/cyclonedx';

function open(file: string, uri = `file:///${file}`, languageId = 'json') {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const parsed = service.parse(TextDocument.create(uri, languageId, 1, text));
  const diagnostics = service.doValidation(parsed);
  return { text, parsed, diagnostics };
}

/** `code@line:char-line:char` (0-based), the severity's initial. */
function brief(d: Diagnostic): string {
  const { start, end } = d.range;
  const severity = { 1: 'E', 2: 'W', 3: 'I', 4: 'H' }[d.severity ?? 1];
  return `${severity} ${String(d.code)}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

function statuses(parsed: ReturnType<typeof open>['parsed'], diagnostics: readonly Diagnostic[]) {
  const checklist = service.getChecklist(parsed, diagnostics)!;
  return {
    checklist,
    status: new Map(checklist.groups.flatMap((g) => g.items).map((i) => [i.id, i.status])),
  };
}

describe('recognition', () => {
  test('by name (*.cdx.json, bom.json) and by content (any .json naming bomFormat and CycloneDX)', () => {
    assert.equal(service.claimsByName('file:///r/model.cdx.json'), true);
    assert.equal(service.claimsByName('file:///r/bom.json'), true);
    assert.equal(service.claimsByName('file:///r/sbom.json'), false);
    const bom = readFileSync(join(ROOT, FIXTURES, 'small.cdx.json'), 'utf8');
    // The folder walk of osai-check: a .json whose text may be a BOM, not package.json.
    assert.equal(
      service.mayClaimFile('file:///r/release-sbom.json', () => bom),
      true,
    );
    assert.equal(
      service.mayClaimFile('file:///r/package.json', () => '{ "name": "x", "version": "1.0.0" }'),
      false,
    );
    // Content is confirmed after parsing: a CycloneDX SBOM without a model under another name is not claimed.
    const sbom =
      '{ "bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{ "type": "library", "name": "a" }] }';
    const parsed = service.parse(TextDocument.create('file:///r/sbom.json', 'json', 1, sbom));
    assert.equal(parsed.kind, 'none');
    // The same file as bom.json is claimed by its name, and told it is not an ML-BOM.
    const named = service.parse(TextDocument.create('file:///r/bom.json', 'json', 1, sbom));
    assert.equal(named.kind, 'cyclonedx');
    const diagnostics = service.doValidation(named);
    // On the first line: the whole of this one-line file.
    assert.deepEqual(diagnostics.map(brief), [`I cyclonedx/not-ml-bom@0:0-0:${sbom.length}`]);
    assert.equal(service.summarize(named, diagnostics)?.verdict.state, 'incomplete');
    assert.equal(service.getChecklist(named, diagnostics), undefined);
  });

  test('opening a .cdx.json gives its diagnostics, as the command line parses it (language id yaml)', () => {
    for (const languageId of ['json', 'yaml']) {
      const { parsed, diagnostics } = open(`${FIXTURES}/small.cdx.json`, undefined, languageId);
      assert.equal(parsed.kind, 'cyclonedx');
      assert.equal(diagnostics.length, 3);
    }
  });
});

describe('a hand-written ML-BOM (test/fixtures/cyclonedx/small.cdx.json)', () => {
  const { parsed, diagnostics, text } = open(`${FIXTURES}/small.cdx.json`);

  test('schema and license findings at their values', () => {
    const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(sorted.map(brief), [
      // "Llama 2 Community License" (line 25), inside its quotes: a use-restricted license on code.
      'E license/restricted@24:43-24:68',
      // "bare-lib" (line 29): a framework without licenses.
      'E cyclonedx/unlicensed@28:14-28:24',
      // "colour" (line 40): not a property of a component.
      'E cyclonedx/schema@39:6-39:14',
    ]);
    const schema = diagnostics.find((d) => d.code === 'cyclonedx/schema')!;
    assert.match(schema.message, /`components\[4\]\.colour` is not a property the schema allows here.*1\.6 schema/);
  });

  test('the OSAID view: weights and datasets stated, code of unstated purpose checked, no data description', () => {
    const { checklist, status } = statuses(parsed, diagnostics);
    assert.equal(status.get('parameters.weights'), 'met'); // Apache-2.0
    assert.equal(status.get('data_information.training_data'), 'met'); // corpus (data and modelCard), eval-set
    const training = checklist.groups.flatMap((g) => g.items).find((i) => i.id === 'data_information.training_data')!;
    assert.equal(training.detail, '2 datasets listed: corpus, eval-set.');
    for (const id of [...DESCRIPTION, ...CODE, 'data_information.license']) assert.equal(status.get(id), 'not-stated');
    assert.equal(status.get('parameters.checkpoints'), 'recommended');
    // Three errors and no unmet requirement: it fails, and says what it cannot show.
    assert.equal(checklist.verdict.state, 'fails');
    assert.equal(checklist.verdict.errors, 3);
    assert.equal(checklist.verdict.notStated, 13);
    const lens = service.getCodeLenses(parsed, diagnostics);
    assert.equal(lens[0].command?.title, checklist.verdict.title);
  });

  test('hovers: a license under its test, a component with its place in the view', () => {
    const license = service.doHover(parsed, { line: 24, character: 50 });
    assert.match(JSON.stringify(license?.contents), /Llama 2/);
    const component = service.doHover(parsed, { line: 28, character: 17 });
    const value = (component?.contents as { value: string }).value;
    assert.match(value, /\*\*bare-lib\*\* — CycloneDX `framework` component/);
    assert.match(value, /OSI-approved/);
    assert.match(value, /No licenses stated/);
    const model = service.doHover(parsed, { line: 8, character: 16 });
    assert.match((model?.contents as { value: string }).value, /terms of the weights/);
  });

  test('quick fix: a licenses skeleton, as the first property, in valid JSON', () => {
    const unlicensed = diagnostics.find((d) => d.code === 'cyclonedx/unlicensed')!;
    const actions = service.getCodeActions(parsed, [unlicensed], diagnostics);
    const skeleton = actions.find((a) => a.title === 'Insert a `licenses` skeleton')!;
    const fixed = applyEdits(text, skeleton.edit!.changes![parsed.document.uri]);
    const bom = JSON.parse(fixed) as { components: Array<Record<string, unknown>> };
    assert.deepEqual(bom.components[2], {
      licenses: [{ license: { name: 'TODO' } }],
      type: 'framework',
      name: 'bare-lib',
    });
    assert.ok(
      fixed.includes('    {\n      "licenses": [{ "license": { "name": "TODO" } }],\n      "type": "framework",'),
    );
  });
});

describe("an AI-BOM generator's output (OWASP AIBOM Generator, expected_aibom.json; see ATTRIBUTION.md)", () => {
  test('recognised by content; schema slips, the unlicensed system component, the model under Apache-2.0', () => {
    const file = `${FIXTURES}/expected_aibom.json`;
    const { parsed, diagnostics } = open(file);
    // Not a BOM file name: `bomFormat: CycloneDX` and a `machine-learning-model` component make it one.
    assert.equal(parsed.kind, 'cyclonedx');
    const at = (d: Diagnostic) => [d.range.start.line, d.range.start.character, String(d.code)] as const;
    const sorted = [...diagnostics].sort((a, b) => {
      const [x, y] = [at(a), at(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
    });
    assert.deepEqual(sorted.map(brief), [
      // Line 4: "urn:uuid:test-uuid-placeholder" is not a UUID, which the 1.6 schema's serialNumber pattern requires
      // (a value's finding covers the text inside its quotes, as license findings do; a key's, the key with them).
      'E cyclonedx/schema@3:19-3:49',
      // Line 24: `metadata.component` is an `application` (the system around the model) with no licenses: code that
      // does not show its license.
      'E cyclonedx/unlicensed@23:14-23:26',
      // Line 42: "apache-2.0" is not an id of the schema's SPDX list (ids are case-sensitive: Apache-2.0) ...
      'E cyclonedx/schema@41:19-41:29',
      // ... and, read as a license, a non-canonical spelling of Apache-2.0 (inside its quotes).
      'W license/non-canonical@41:19-41:29',
    ]);
    const { checklist, status } = statuses(parsed, diagnostics);
    // The model is `components[0]` (metadata.component is no model): Apache-2.0 is open.
    assert.equal(status.get('parameters.weights'), 'met');
    // No data component and no modelCard datasets; no component says which code it is.
    assert.equal(status.get('data_information.training_data'), 'not-stated');
    for (const id of CODE) assert.equal(status.get(id), 'not-stated', id);
    assert.equal(checklist.verdict.state, 'fails');
    assert.equal(checklist.verdict.errors, 3);
  });
});

describe('ML-BOMs of the CycloneDX project (bom-examples, MLBOM/; see ATTRIBUTION.md)', () => {
  test('bert-base-cased: Apache-2.0 weights, a license with both id and name (a schema error), no datasets', () => {
    const { parsed, diagnostics, text } = open(`${FIXTURES}/bert-base-cased.cdx.json`);
    // A trailing comma after "timestamp" (line 8): not JSON, but YAML reads it, and so do we.
    assert.throws(() => JSON.parse(text));
    assert.equal(parsed.kind, 'cyclonedx');
    // Lines 24-28: `"license": { "id": "Apache-2.0", "name": "Apache License 2.0", "url": … }` — a license takes an
    // id or a name, not both (CycloneDX 1.6).
    assert.deepEqual(diagnostics.map(brief), ['E cyclonedx/schema@23:31-27:21']);
    assert.match(diagnostics[0].message, /more than one of the forms/);
    const { checklist, status } = statuses(parsed, diagnostics);
    assert.equal(status.get('parameters.weights'), 'met');
    // Its tags name bookcorpus and wikipedia; the BOM itself lists no data component.
    assert.equal(status.get('data_information.training_data'), 'not-stated');
    assert.equal(checklist.verdict.state, 'fails');
    assert.equal(checklist.verdict.unmet, 0);
  });

  test('support-ticket-classifier (1.7): a model without licenses, two datasets, an unlicensed application', () => {
    const { parsed, diagnostics } = open(`${FIXTURES}/support-ticket-classifier.bom.json`);
    const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(sorted.map(brief), [
      // metadata.component, "support-triage-service" (line 12): an application, so code, and no licenses.
      'E cyclonedx/unlicensed@11:14-11:38',
      // the model "support-ticket-classifier" (line 22): no licenses, so the weights' terms are not stated.
      'E osaid/missing@21:14-21:41',
    ]);
    const { checklist, status } = statuses(parsed, diagnostics);
    assert.equal(status.get('parameters.weights'), 'missing');
    assert.equal(status.get('data_information.training_data'), 'met');
    assert.equal(checklist.verdict.state, 'fails');
    assert.equal(checklist.verdict.unmet, 1);
  });
});

describe('round trip: a manifest exported as an ML-BOM and read back', () => {
  const manifests = EXAMPLE_MANIFESTS;
  const COMPARED = MANIFEST_COMPARED;
  for (const version of ['1.6', '1.7'] as const)
    test(`${version}: ${manifests.length} manifests`, () => {
      for (const file of manifests) {
        const source = open(file, `file:///${file}`, 'yaml');
        const before = statuses(source.parsed, source.diagnostics);
        const bom = service.exportCycloneDx(source.parsed, source.diagnostics, {
          specVersion: version,
          tool: { name: 'osai-check', version: '0.0.0-test' },
        })!;
        const text = JSON.stringify(bom, null, 2);
        const parsed = service.parse(TextDocument.create('file:///back/model.cdx.json', 'json', 1, text));
        const diagnostics = service.doValidation(parsed);
        assert.equal(parsed.kind, 'cyclonedx', file);
        assert.equal(
          diagnostics.filter((d) => d.code === 'cyclonedx/schema').length,
          0,
          `${file}: the export is schema-valid`,
        );
        const after = statuses(parsed, diagnostics);
        for (const id of COMPARED) assert.equal(after.status.get(id), before.status.get(id), `${file}: ${id}`);
        for (const id of DESCRIPTION) assert.equal(after.status.get(id), 'not-stated', `${file}: ${id}`);
        // A manifest that fails fails as a BOM; one that meets is "incomplete" as a BOM: its description is not stated.
        const expected = before.checklist.verdict.state === 'meets' ? 'incomplete' : before.checklist.verdict.state;
        assert.equal(after.checklist.verdict.state, expected, file);
      }
    });
});

describe('round trip: MOF model files and cards exported as ML-BOMs and read back', () => {
  /** Every item id of a checklist, with its status. */
  const roundTrip = (file: string, languageId: string, version: '1.6' | '1.7') => {
    const source = open(file, `file:///${file}`, languageId);
    const before = statuses(source.parsed, source.diagnostics);
    const bom = service.exportCycloneDx(source.parsed, source.diagnostics, {
      specVersion: version,
      tool: { name: 'osai-check', version: '0.0.0-test' },
    })!;
    const parsed = service.parse(
      TextDocument.create('file:///back/model.cdx.json', 'json', 1, JSON.stringify(bom, null, 2)),
    );
    const diagnostics = service.doValidation(parsed);
    assert.equal(parsed.kind, 'cyclonedx', file);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'cyclonedx/schema'),
      [],
      `${file}: the export is schema-valid`,
    );
    return { before, after: statuses(parsed, diagnostics), diagnostics };
  };

  // A MOF file names each component's OSAID item (formats/mof/osaid.ts, from requirements.md); its export says so
  // (`osai-manifest:item`). Compared: the six code items, the weights, checkpoints and optimizer state (the MOF's
  // model metadata) where the MOF view lists them. Not compared: the MOF view's one data information item (its data
  // card and papers), which a BOM holds only as components of unstated purpose — the BOM's checklist has no such item.
  const mofFiles = MOF_FILES;
  for (const version of ['1.6', '1.7'] as const)
    test(`${version}: ${mofFiles.length} MOF model files keep their code, weights and parameters statuses`, () => {
      for (const file of mofFiles) {
        const { before, after } = roundTrip(file, 'yaml', version);
        for (const id of CODE) assert.ok(before.status.has(id), `${file}: the MOF view has ${id}`);
        for (const id of MOF_COMPARED.filter((i) => before.status.has(i)))
          assert.equal(after.status.get(id), before.status.get(id), `${file}: ${id}`);
        // A MOF file that fails (a code component missing or not open) fails as a BOM.
        if (before.checklist.verdict.state === 'fails') assert.equal(after.checklist.verdict.state, 'fails', file);
      }
    });

  // A model card states the weights' license and the training datasets; code, the data information and the other
  // parameters are "not stated" in it, and stay so in its BOM (the export's checklist properties say what its source
  // did not state), never "missing": compared, every item of the card's checklist, and the verdict's counts.
  const cards = MODEL_CARDS;
  for (const version of ['1.6', '1.7'] as const)
    test(`${version}: ${cards.length} model cards keep every checklist status and their verdict`, () => {
      for (const file of cards) {
        const { before, after } = roundTrip(file, 'markdown', version);
        // `license: unknown` (the Hub's id for terms not known) fails the card's weights as not open; CycloneDX says
        // that no license is known by stating none, so the BOM's weights are missing: unmet both ways.
        const unknown = /^license:\s*unknown\s*$/m.test(sourceText(file));
        for (const [id, status] of before.status) {
          const expected = unknown && id === 'parameters.weights' && status === 'not-open' ? 'missing' : status;
          assert.equal(after.status.get(id), expected, `${file}: ${id}`);
        }
        // The same unmet and not-stated counts; a card that fails on an item fails as a BOM. A mistake in the
        // card's Hub metadata (`hf/license-id`: `MIT` for `mit`) is the card's own, not carried into the BOM.
        assert.equal(after.checklist.verdict.unmet, before.checklist.verdict.unmet, file);
        assert.equal(after.checklist.verdict.notStated, before.checklist.verdict.notStated, file);
        if (before.checklist.verdict.unmet > 0) assert.equal(after.checklist.verdict.state, 'fails', file);
      }
    });

  test("a dataset card's BOM describes a dataset, not a model: read back, it says it is no ML-BOM", () => {
    const file = 'examples/cards/dataset/README.md';
    const source = open(file, `file:///${file}`, 'markdown');
    const bom = service.exportCycloneDx(source.parsed, source.diagnostics, {
      specVersion: '1.7',
      tool: { name: 'osai-check', version: '0.0.0-test' },
    })!;
    const parsed = service.parse(TextDocument.create('file:///back/bom.json', 'json', 1, JSON.stringify(bom)));
    assert.deepEqual(
      service.doValidation(parsed).map((d) => d.code),
      ['cyclonedx/not-ml-bom'],
    );
  });
});
