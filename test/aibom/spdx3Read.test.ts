/**
 * SPDX 3 AI-BOMs read as documents (server/src/service/formats/spdx3/): recognition, findings
 * ranged on their values, the OSAID view judged as a manifest is, hovers, and the round trip —
 * every manifest of examples/ and every model card exported as SPDX 3 and read back agrees on
 * what both can state. Expected values are written by hand from the fixtures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { ROOT, service } from '../helpers';
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
import { spdx3Validator } from './spdx3Schema';

const FIXTURES = 'test/fixtures/spdx3';
const TOOL = { name: 'osai-check', version: '0.0.0-test' };

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

/** The document read back from an SPDX 3 export of `file`. */
function roundTrip(file: string, languageId: string) {
  const source = open(file, `file:///${file}`, languageId);
  const before = statuses(source.parsed, source.diagnostics);
  const exported = service.exportSpdx3(source.parsed, source.diagnostics, { tool: TOOL })!;
  // Not named .spdx3.json: recognised by its content, as a downloaded document would be.
  const parsed = service.parse(
    TextDocument.create('file:///back/release.json', 'json', 1, JSON.stringify(exported, null, 2)),
  );
  const diagnostics = service.doValidation(parsed);
  assert.equal(parsed.kind, 'spdx3', file);
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'spdx3/unknown-element'),
    [],
    `${file}: every relationship names elements of the graph`,
  );
  return { before, after: statuses(parsed, diagnostics) };
}

describe('recognition', () => {
  const small = readFileSync(join(ROOT, FIXTURES, 'small.spdx3.json'), 'utf8');
  test('by name (*.spdx3.json), and by content (JSON-LD of the SPDX 3 vocabulary with an AI package)', () => {
    assert.equal(service.claimsByName('file:///r/model.spdx3.json'), true);
    // SPDX 2 documents are named .spdx.json too: only their content can say.
    assert.equal(service.claimsByName('file:///r/model.spdx.json'), false);
    assert.equal(service.parse(TextDocument.create('file:///r/model.spdx.json', 'json', 1, small)).kind, 'spdx3');
    assert.equal(service.parse(TextDocument.create('file:///r/release.json', 'json', 1, small)).kind, 'spdx3');
    assert.equal(
      service.mayClaimFile('file:///r/release.json', () => small),
      true,
    );
    assert.equal(
      service.mayClaimFile('file:///r/package.json', () => '{ "name": "x", "version": "1.0.0" }'),
      false,
    );
  });

  test('an SPDX 2 document, and an SPDX 3 SBOM without an AI package, are not claimed by content', () => {
    const spdx2 =
      '{ "spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "x", ' +
      '"packages": [{ "SPDXID": "SPDXRef-a", "name": "a" }] }';
    assert.equal(service.parse(TextDocument.create('file:///r/x.spdx.json', 'json', 1, spdx2)).kind, 'none');
    // The official example of the SPDX 3.0.1 specification: a software SBOM.
    const sbom = readFileSync(join(ROOT, FIXTURES, 'package_sbom.json'), 'utf8');
    assert.equal(service.parse(TextDocument.create('file:///r/package_sbom.json', 'json', 1, sbom)).kind, 'none');
    // Named as an SPDX 3 document: claimed, and told it is not an AI-BOM, on its first line.
    const named = service.parse(TextDocument.create('file:///r/package.spdx3.json', 'json', 1, sbom));
    assert.equal(named.kind, 'spdx3');
    const diagnostics = service.doValidation(named);
    assert.deepEqual(diagnostics.map(brief), ['I spdx3/not-ai-bom@0:0-0:1']);
    assert.equal(service.summarize(named, diagnostics)?.verdict.state, 'incomplete');
    assert.equal(service.getChecklist(named, diagnostics), undefined);
  });

  test('full-IRI type names are read as their compact forms', () => {
    const text = small
      .replace('"type": "ai_AIPackage"', '"type": "https://spdx.org/rdf/3.0.1/terms/AI/AIPackage"')
      .replace(/"type": "Relationship"/g, '"type": "https://spdx.org/rdf/3.0.1/terms/Core/Relationship"');
    const parsed = service.parse(TextDocument.create('file:///r/release.json', 'json', 1, text));
    assert.equal(parsed.kind, 'spdx3');
    const diagnostics = service.doValidation(parsed);
    assert.equal(statuses(parsed, diagnostics).status.get('parameters.weights'), 'met');
    assert.equal(diagnostics.length, 3);
  });
});

describe('a hand-written SPDX 3 AI-BOM (test/fixtures/spdx3/small.spdx3.json)', () => {
  const { parsed, diagnostics } = open(`${FIXTURES}/small.spdx3.json`);

  test("the fixture is valid SPDX 3.0.1 (the official JSON schema): its findings are the reader's own", () => {
    const validate = spdx3Validator();
    assert.equal(validate(JSON.parse(readFileSync(join(ROOT, FIXTURES, 'small.spdx3.json'), 'utf8'))), true);
  });

  test('findings at their values', () => {
    assert.equal(parsed.kind, 'spdx3');
    const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(sorted.map(brief), [
      // "bare-lib" (line 41): a library without a hasDeclaredLicense relationship.
      'E spdx3/unlicensed@40:14-40:24',
      // "Llama 2 Community License" (line 69), the name of the trainer's LicenseRef-, inside its quotes: a
      // use-restricted license on code.
      'E license/restricted@68:15-68:40',
      // ".../eval-set" (line 93), the second end of trainedOn, inside its quotes: no such element.
      'E spdx3/unknown-element@92:54-92:92',
    ]);
  });

  test('the OSAID view: weights and datasets stated, code of unstated use checked, documentation not judged', () => {
    const { checklist, status } = statuses(parsed, diagnostics);
    assert.equal(status.get('parameters.weights'), 'met'); // Apache-2.0
    assert.equal(status.get('data_information.training_data'), 'met');
    const training = checklist.groups.flatMap((g) => g.items).find((i) => i.id === 'data_information.training_data')!;
    assert.equal(training.detail, '2 datasets listed: tiny-corpus, https://example.org/spdx/tiny/eval-set.');
    for (const id of [...DESCRIPTION, ...CODE, 'data_information.license']) assert.equal(status.get(id), 'not-stated');
    assert.equal(status.get('parameters.checkpoints'), 'recommended');
    const trainingCode = checklist.groups.flatMap((g) => g.items).find((i) => i.id === 'code.training')!;
    assert.match(trainingCode.detail, /2 code packages \(tiny-trainer, bare-lib\)/);
    assert.equal(checklist.verdict.state, 'fails');
    assert.equal(checklist.verdict.errors, 3);
    assert.equal(checklist.verdict.notStated, 13);
    const lens = service.getCodeLenses(parsed, diagnostics);
    assert.equal(lens[0].command?.title, checklist.verdict.title);
    const summary = service.summarize(parsed, diagnostics)!;
    assert.equal(summary.verdict.state, 'fails');
  });

  test('hovers: a license under its test, a package with its place in the view', () => {
    const license = service.doHover(parsed, { line: 68, character: 20 });
    assert.match(JSON.stringify(license?.contents), /Llama 2/);
    const value = (line: number, character: number) =>
      (service.doHover(parsed, { line, character })?.contents as { value: string }).value;
    assert.match(value(40, 17), /\*\*bare-lib\*\* — SPDX 3 `software_Package` \(purpose `library`\)/);
    assert.match(value(40, 17), /OSI-approved/);
    assert.match(value(40, 17), /No licenses stated/);
    assert.match(value(26, 16), /terms of the weights/);
    assert.match(value(47, 16), /Not read by the OSAID view/);
  });
});

describe('SPDX 3 AI examples of the SPDX project (spdx/spdx-examples, CC0-1.0)', () => {
  // Copied unmodified from https://github.com/spdx/spdx-examples (ai/exampleNN/spdx3.0/, ATTRIBUTION.md). Every
  // expectation below is read from the file and the rules of docs/aibom.md ("Reading SPDX 3"); the line numbers in
  // the comments are 1-based (as an editor shows them), the ranges 0-based.
  const item = (checklist: ReturnType<typeof statuses>['checklist'], id: string) =>
    checklist.groups.flatMap((g) => g.items).find((i) => i.id === id)!;
  const all = (ids: readonly string[], status: string) => ids.map((id) => [id, status] as const);

  describe('example02.spdx3.json: SPDX 3.0.0, a model without a license, relationships naming absent elements', () => {
    const file = `${FIXTURES}/example02.spdx3.json`;
    const { text, parsed, diagnostics } = open(file);

    test('SPDX 3.0.0 is read as 3.0.1 is: recognised by name and by content', () => {
      // Line 2: "@context": "https://spdx.org/rdf/3.0.0/spdx-context.jsonld"; line 7: "specVersion": "3.0.0". The
      // reader's rules name `spdx.org/rdf/3.` (any SPDX 3 version) and read type names of any 3.x vocabulary: a 3.0.0
      // document is not refused, nor told it is of another version.
      assert.equal(parsed.kind, 'spdx3');
      assert.equal(service.parse(TextDocument.create('file:///r/example02.json', 'json', 1, text)).kind, 'spdx3');
      assert.equal(service.parse(TextDocument.create('file:///r/sbom.spdx.json', 'json', 1, text)).kind, 'spdx3');
    });

    test('findings: the model states no license; nine relationship ends name no element', () => {
      const sorted = [...diagnostics].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
      assert.deepEqual(sorted.map(brief), [
        // Line 54: the ai_AIPackage ".../AIPackage-" has `"name": ""` (the empty string, with its quotes, is its
        // anchor); no hasDeclaredLicense or hasConcludedLicense relationship starts from it.
        'E osaid/missing@53:16-53:18',
        // Lines 97-100 (contains): from ".../DatasetPackage-035470d9-…" — the graph's dataset is ".../DatasetPackage-"
        // (line 71) — to ".../File1-…" and ".../File2-…", which no element of the graph is.
        'E spdx3/unknown-element@96:17-96:94',
        'E spdx3/unknown-element@98:11-98:79',
        'E spdx3/unknown-element@99:11-99:79',
        // Lines 108-109 (availableFrom): the same absent dataset, to ".../Organization/OurWorldInData-…", named by
        // the dataset's originatedBy (line 74) but not an element of the graph.
        'E spdx3/unknown-element@107:17-107:94',
        'E spdx3/unknown-element@108:15-108:105',
        // Lines 116-117 and 124-125 (hasConcludedLicense, hasDeclaredLicense): the absent dataset, to "CC-BY-4.0", a
        // bare license id — no license element of the graph, nor an SPDX individual.
        'E spdx3/unknown-element@115:17-115:94',
        'E spdx3/unknown-element@116:15-116:24',
        'E spdx3/unknown-element@123:17-123:94',
        'E spdx3/unknown-element@124:15-124:24',
      ]);
    });

    test('the OSAID view: weights missing, one dataset listed, everything else not stated; fails', () => {
      const { checklist, status } = statuses(parsed, diagnostics);
      assert.deepEqual(
        new Map(status),
        new Map([
          // No package has a license; the data information's license is not stated (as for any document).
          ['data_information.license', 'not-stated'],
          ...all(DESCRIPTION, 'not-stated'),
          // Line 70: one dataset_DatasetPackage (unnamed: listed by its id). No trainedOn relationship.
          ['data_information.training_data', 'met'],
          // No software_Package at all: no code.
          ...all(CODE, 'not-stated'),
          ['parameters.weights', 'missing'],
          ['parameters.checkpoints', 'recommended'],
          ['parameters.optimizer_state', 'recommended'],
        ]),
      );
      assert.equal(
        item(checklist, 'data_information.training_data').detail,
        '1 dataset listed: https://spdx.org/spdxdocs/DatasetPackage-.',
      );
      assert.equal(
        item(checklist, 'parameters.weights').detail,
        'https://spdx.org/spdxdocs/AIPackage- states no license.',
      );
      const { verdict } = checklist;
      assert.deepEqual([verdict.state, verdict.unmet, verdict.errors, verdict.notStated], ['fails', 1, 10, 13]);
      assert.equal(service.summarize(parsed, diagnostics)!.verdict.state, 'fails');
    });
  });

  describe('example03.spdx3.json: SPDX 3.0.1, a model under a proprietary LicenseRef-', () => {
    const { text, parsed, diagnostics } = open(`${FIXTURES}/example03.spdx3.json`);

    test('recognised by name and by content', () => {
      assert.equal(parsed.kind, 'spdx3');
      assert.equal(service.parse(TextDocument.create('file:///r/example03.json', 'json', 1, text)).kind, 'spdx3');
    });

    test('findings: the license is not open, reported once for its two relationships', () => {
      assert.deepEqual(diagnostics.map(brief), [
        // Line 128, inside the quotes: "LicenseRef-MedTech-Proprietary-2024", the expression of the element that both
        // hasDeclaredLicense (line 109) and hasConcludedLicense (line 118) give the model. A custom license whose
        // terms are not reviewed is not open (docs/license-policy.md, "LicenseRef-Acme"); the element has no `name`,
        // so the expression itself is judged. All relationship ends are elements of the graph.
        'E license/not-open@127:50-127:85',
      ]);
    });

    test('the OSAID view: weights not open, no training data listed; fails', () => {
      const { checklist, status } = statuses(parsed, diagnostics);
      assert.deepEqual(
        new Map(status),
        new Map([
          ['data_information.license', 'not-stated'],
          ...all(DESCRIPTION, 'not-stated'),
          // No dataset_DatasetPackage, no trainedOn: the training data is only told in ai_informationAboutTraining
          // (line 77), free text the reader does not read. A document not written by osai-check: "not stated".
          ['data_information.training_data', 'not-stated'],
          ...all(CODE, 'not-stated'),
          ['parameters.weights', 'not-open'],
          ['parameters.checkpoints', 'recommended'],
          ['parameters.optimizer_state', 'recommended'],
        ]),
      );
      assert.equal(
        item(checklist, 'parameters.weights').detail,
        'RetinaScan AI: `LicenseRef-MedTech-Proprietary-2024` is not open.',
      );
      const { verdict } = checklist;
      assert.deepEqual([verdict.state, verdict.unmet, verdict.errors, verdict.notStated], ['fails', 1, 1, 14]);
    });
  });

  describe('example04.spdx3.json: SPDX 3.0.1, an Apache-2.0 model trained on a listed dataset', () => {
    const { text, parsed, diagnostics } = open(`${FIXTURES}/example04.spdx3.json`);

    test('recognised by name and by content', () => {
      assert.equal(parsed.kind, 'spdx3');
      assert.equal(service.parse(TextDocument.create('file:///r/example04.json', 'json', 1, text)).kind, 'spdx3');
    });

    test('no findings', () => {
      // The model's licenses (lines 238-255) are the element ".../licenses/Apache-2.0" (line 257), expression
      // "Apache-2.0": open. The base model bert-base-uncased (line 195) is a software_Package of purpose `model`: not
      // code, not judged, so its missing license is no finding. Every relationship end is an element of the graph.
      assert.deepEqual(diagnostics.map(brief), []);
    });

    test('the OSAID view: weights met, the dataset listed, the rest not stated; incomplete', () => {
      const { checklist, status } = statuses(parsed, diagnostics);
      assert.deepEqual(
        new Map(status),
        new Map([
          ['data_information.license', 'not-stated'],
          ...all(DESCRIPTION, 'not-stated'),
          // Line 173: the dataset_DatasetPackage "ContractClauses-v2", which the model is also trainedOn (line 226):
          // listed once.
          ['data_information.training_data', 'met'],
          ...all(CODE, 'not-stated'),
          ['parameters.weights', 'met'],
          ['parameters.checkpoints', 'recommended'],
          ['parameters.optimizer_state', 'recommended'],
        ]),
      );
      assert.equal(item(checklist, 'data_information.training_data').detail, '1 dataset listed: ContractClauses-v2.');
      // Declared and concluded name the same license element: the model has one license.
      assert.equal(item(checklist, 'parameters.weights').detail, 'LegalBERT-Contracts under Apache-2.0.');
      const { verdict } = checklist;
      // Nothing it states fails; the code and the data description are not stated: no verdict either way.
      assert.deepEqual([verdict.state, verdict.unmet, verdict.errors, verdict.notStated], ['incomplete', 0, 0, 13]);
    });
  });
});

describe('round trip: a manifest exported as SPDX 3 and read back', () => {
  const manifests = EXAMPLE_MANIFESTS;
  const COMPARED = MANIFEST_COMPARED;
  test(`${manifests.length} manifests`, () => {
    for (const file of manifests) {
      const { before, after } = roundTrip(file, 'yaml');
      for (const id of COMPARED) assert.equal(after.status.get(id), before.status.get(id), `${file}: ${id}`);
      for (const id of DESCRIPTION) assert.equal(after.status.get(id), 'not-stated', `${file}: ${id}`);
      // A manifest that fails fails as SPDX 3; one that meets is "incomplete": its description is not stated.
      const expected = before.checklist.verdict.state === 'meets' ? 'incomplete' : before.checklist.verdict.state;
      assert.equal(after.checklist.verdict.state, expected, file);
    }
  });
});

describe('round trip: MOF model files and model cards exported as SPDX 3 and read back', () => {
  // A MOF file names each component's OSAID item; its export says so in an annotation on the component. Compared: the
  // six code items, the weights, checkpoints and optimizer state where the MOF view lists them.
  const mofFiles = MOF_FILES;
  test(`${mofFiles.length} MOF model files keep their code, weights and parameters statuses`, () => {
    for (const file of mofFiles) {
      const { before, after } = roundTrip(file, 'yaml');
      for (const id of MOF_COMPARED.filter((i) => before.status.has(i)))
        assert.equal(after.status.get(id), before.status.get(id), `${file}: ${id}`);
      if (before.checklist.verdict.state === 'fails') assert.equal(after.checklist.verdict.state, 'fails', file);
    }
  });

  // A model card states the weights' license and the training datasets; what it does not state stays "not stated"
  // in its export (the checklist annotations say so), never "missing".
  const cards = MODEL_CARDS;
  test(`${cards.length} model cards keep every checklist status`, () => {
    for (const file of cards) {
      const { before, after } = roundTrip(file, 'markdown');
      // `license: unknown` (the Hub's id for terms not known) fails the card's weights as not open; the export
      // declares no license for it, so the weights are missing: unmet both ways.
      const unknown = /^license:\s*unknown\s*$/m.test(sourceText(file));
      for (const [id, status] of before.status) {
        const expected = unknown && id === 'parameters.weights' && status === 'not-open' ? 'missing' : status;
        assert.equal(after.status.get(id), expected, `${file}: ${id}`);
      }
      assert.equal(after.checklist.verdict.unmet, before.checklist.verdict.unmet, file);
      assert.equal(after.checklist.verdict.notStated, before.checklist.verdict.notStated, file);
      if (before.checklist.verdict.unmet > 0) assert.equal(after.checklist.verdict.state, 'fails', file);
    }
  });
});
