/**
 * SPDX 3.0.1 export: every export of the examples and fixtures validates against the official
 * JSON schema (test/fixtures/spdx3), as does an official example; the validator rejects broken
 * documents; every reference resolves within the graph (what the schema cannot check); and two
 * exports are checked field by field against expectations written by hand from their sources
 * (examples/olmo-7b.osai.yaml, examples/cards/model/README.md).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { ROOT } from '../helpers';
import { runCli } from '../cli/run';
import { SPDX3_FIXTURES, spdx3Validator } from './spdx3Schema';

const service = getLanguageService();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document's JSON-LD, read by path in the assertions
type Loose = Record<string, any>;
const TOOL = { name: 'osai-check', version: '0.0.0-test' };

function exported(file: string, created?: string) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const languageId = file.endsWith('.md') ? 'markdown' : 'yaml';
  const parsed = service.parse(TextDocument.create(`file:///${file}`, languageId, 1, text));
  const diagnostics = service.doValidation(parsed);
  return service.exportSpdx3(parsed, diagnostics, { tool: TOOL, ...(created ? { created } : {}) });
}

function files(dir: string, match: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return files(relative(ROOT, path), match);
    return match.test(name) ? [relative(ROOT, path)] : [];
  });
}

/** The references of an element to others, by property. */
function references(element: Loose): string[] {
  const refs: unknown[] = [
    element.creationInfo,
    element.from,
    element.to,
    element.subject,
    element.suppliedBy,
    element.rootElement,
    element.element,
    element.createdBy,
    element.createdUsing,
  ].flat();
  return refs.filter((r): r is string => typeof r === 'string');
}

const ALL = [
  ...files('examples', /\.osai\.yaml$|^osai\.yaml$/),
  ...files('test/fixtures/manifests', /\.osai\.yaml$/),
  ...files('examples/cards', /^README\.md$/),
  ...files('test/fixtures/cards', /\.md$/),
  ...files('examples/models', /\.yml$/),
  ...files('test/fixtures/mof', /\.yml$/),
];

describe('every export validates against the official SPDX 3.0.1 schema', () => {
  test('the official example (spdx-spec examples/jsonld/package_sbom.json) validates', () => {
    const validate = spdx3Validator();
    const example = JSON.parse(readFileSync(join(SPDX3_FIXTURES, 'package_sbom.json'), 'utf8'));
    assert.equal(validate(example), true, JSON.stringify(validate.errors?.slice(0, 3)));
  });

  test(`${ALL.length} manifests, cards and MOF model files`, () => {
    const validate = spdx3Validator();
    let checked = 0;
    for (const file of ALL) {
      const document = exported(file);
      if (!document) continue; // a file whose YAML cannot be read (the alias bomb): nothing to export
      checked++;
      assert.equal(validate(document), true, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
    assert.ok(checked >= 20, `${checked} exports`);
  });

  test('every reference resolves within the graph, and every spdxId is unique', () => {
    for (const file of ALL) {
      const document = exported(file) as Loose | undefined;
      if (!document) continue;
      const graph: Loose[] = document['@graph'];
      const ids = graph.map((e) => e.spdxId ?? e['@id']);
      assert.equal(new Set(ids).size, ids.length, `${file}: duplicate ids`);
      const known = new Set(ids);
      for (const element of graph)
        for (const ref of references(element)) assert.ok(known.has(ref), `${file}: ${element.spdxId} → ${ref}`);
      // The document lists every element but the creation information, and itself.
      const doc = graph.find((e) => e.type === 'SpdxDocument')!;
      assert.deepEqual(
        [...doc.element].sort(),
        graph
          .filter((e) => e.spdxId && e !== doc)
          .map((e) => e.spdxId)
          .sort(),
        file,
      );
    }
  });

  test('the validator rejects broken documents', () => {
    const validate = spdx3Validator();
    const document = exported('examples/olmo-7b.osai.yaml') as Loose;
    assert.equal(validate(document), true);
    const byType = (d: Loose, type: string) => d['@graph'].find((e: Loose) => e.type === type);

    const wrongContext = { ...document, '@context': 'https://spdx.org/rdf/3.0.0/spdx-context.jsonld' };
    assert.equal(validate(wrongContext), false, 'the 3.0.0 context');
    const unknownType = structuredClone(document);
    byType(unknownType, 'ai_AIPackage').type = 'ai_Model';
    assert.equal(validate(unknownType), false, 'a class that does not exist');
    const noDatasetType = structuredClone(document);
    delete byType(noDatasetType, 'dataset_DatasetPackage').dataset_datasetType;
    assert.equal(validate(noDatasetType), false, 'a dataset without its (required) type');
    const badRelationship = structuredClone(document);
    byType(badRelationship, 'Relationship').relationshipType = 'trainedWith';
    assert.equal(validate(badRelationship), false, 'a relationship type that does not exist');
    const badCreated = structuredClone(document);
    byType(badCreated, 'CreationInfo').created = '2024-02-01';
    assert.equal(validate(badCreated), false, 'a date without its time');
    const unknownProperty = structuredClone(document);
    byType(unknownProperty, 'ai_AIPackage').ai_parameterCount = 7e9;
    assert.equal(validate(unknownProperty), false, 'a property the AI profile does not have');
  });
});

describe('field by field', () => {
  // system.name "OLMo-7B", system.version "1.0": the release's slug.
  const BASE = 'https://spdx.org/spdxdocs/osai/olmo-7b-1.0';

  test('examples/olmo-7b.osai.yaml: the weights as the AI package, every component with its declared license', () => {
    const document = exported('examples/olmo-7b.osai.yaml') as Loose;
    assert.equal(document['@context'], 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld');
    const graph: Loose[] = document['@graph'];
    const byId = (id: string): Loose => graph.find((e) => e.spdxId === id) ?? assert.fail(`no element ${id}`);

    // Created on the release date (system.release_date: 2024-02-01), by osai-check.
    const creationInfo = graph.find((e) => e.type === 'CreationInfo')!;
    assert.equal(creationInfo.specVersion, '3.0.1');
    assert.equal(creationInfo.created, '2024-02-01T00:00:00Z');
    assert.deepEqual(byId(creationInfo.createdBy[0]), {
      type: 'SoftwareAgent',
      spdxId: `${BASE}/agent/osai-check`,
      creationInfo: creationInfo['@id'],
      name: 'osai-check',
    });
    assert.equal(byId(creationInfo.createdUsing[0]).name, 'osai-check 0.0.0-test');

    const doc = graph.find((e) => e.type === 'SpdxDocument')!;
    assert.deepEqual(doc.rootElement, [`${BASE}/parameters.weights`]);
    assert.deepEqual(doc.profileConformance, ['core', 'software', 'ai', 'dataset', 'simpleLicensing']);

    // system.name, version, producer, release_date, homepage; parameters.weights.location.
    const model = byId(`${BASE}/parameters.weights`);
    assert.equal(model.type, 'ai_AIPackage');
    assert.equal(model.name, 'OLMo-7B');
    assert.equal(model.software_packageVersion, '1.0');
    assert.equal(model.software_primaryPurpose, 'model');
    assert.equal(model.releaseTime, '2024-02-01T00:00:00Z');
    assert.equal(model.software_downloadLocation, 'https://huggingface.co/allenai/OLMo-7B');
    assert.equal(model.software_homePage, 'https://allenai.org/olmo');
    assert.deepEqual(byId(model.suppliedBy), {
      type: 'Organization',
      spdxId: `${BASE}/producer`,
      creationInfo: creationInfo['@id'],
      name: 'Allen Institute for AI',
    });

    // Each element's declared license, through its hasDeclaredLicense relationship.
    const declared = (id: string) => {
      const relationship = graph.find(
        (e) => e.type === 'Relationship' && e.relationshipType === 'hasDeclaredLicense' && e.from === id,
      );
      return relationship ? byId(relationship.to[0]).simplelicensing_licenseExpression : undefined;
    };
    const HF = 'https://huggingface.co/allenai/OLMo-7B';
    const GH = 'https://github.com';
    const packages = graph.filter((e) => e.type === 'software_Package' || e.type === 'dataset_DatasetPackage');
    const line = (e: Loose) => [
      e.type,
      e.spdxId.slice(BASE.length + 1),
      e.name,
      e.software_primaryPurpose,
      declared(e.spdxId),
      e.software_downloadLocation ?? '-',
    ];
    assert.equal(declared(model.spdxId), 'Apache-2.0');
    assert.deepEqual(packages.map(line), [
      [
        'software_Package',
        'parameters.checkpoints',
        'OLMo-7B: Intermediate checkpoints',
        'model',
        'Apache-2.0',
        `${HF}/tree/main/revisions`,
      ],
      [
        'software_Package',
        'parameters.optimizer_state',
        'OLMo-7B: Optimizer state',
        'data',
        'Apache-2.0',
        `${HF}/tree/main/optimizer`,
      ],
      [
        'software_Package',
        'code.data_processing',
        'OLMo-7B: Data processing code',
        'source',
        'Apache-2.0',
        `${GH}/allenai/dolma`,
      ],
      ['software_Package', 'code.training', 'OLMo-7B: Training code', 'source', 'Apache-2.0', `${GH}/allenai/OLMo`],
      [
        'software_Package',
        'code.evaluation',
        'OLMo-7B: Evaluation code',
        'source',
        'Apache-2.0',
        `${GH}/allenai/OLMo-Eval`,
      ],
      ['software_Package', 'code.inference', 'OLMo-7B: Inference code', 'source', 'Apache-2.0', `${GH}/allenai/OLMo`],
      [
        'software_Package',
        'code.architecture',
        'OLMo-7B: Model architecture code',
        'source',
        'Apache-2.0',
        `${GH}/allenai/OLMo/tree/main/olmo`,
      ],
      [
        'software_Package',
        'code.supporting_libraries.0',
        'tokenizers',
        'library',
        'Apache-2.0',
        `${GH}/huggingface/tokenizers`,
      ],
      ['software_Package', 'code.supporting_libraries.1', 'wandb sweeps', 'library', 'MIT', `${GH}/wandb/wandb`],
      ['software_Package', 'data_information', 'OLMo-7B: data information', 'documentation', 'CC-BY-4.0', '-'],
      [
        'dataset_DatasetPackage',
        'data_information.training_data.0',
        'Dolma',
        'data',
        'ODC-By-1.0',
        'https://huggingface.co/datasets/allenai/dolma',
      ],
      [
        'software_Package',
        'data_information.documentation.0',
        'OLMo-7B: data_card 1',
        'documentation',
        'ODC-By-1.0',
        'https://huggingface.co/datasets/allenai/dolma',
      ],
      [
        'software_Package',
        'data_information.documentation.1',
        'OLMo-7B: research_paper 2',
        'documentation',
        'CC-BY-4.0',
        'https://arxiv.org/abs/2402.00159',
      ],
    ]);
    // Apache-2.0, MIT, CC-BY-4.0, ODC-By-1.0: one element each, however many declare it.
    assert.deepEqual(
      graph
        .filter((e) => e.type === 'simplelicensing_LicenseExpression')
        .map((e) => e.simplelicensing_licenseExpression),
      ['Apache-2.0', 'MIT', 'CC-BY-4.0', 'ODC-By-1.0'],
    );

    // Dolma (kind: public), with the data description's aspects on the data information.
    const dolma = byId(`${BASE}/data_information.training_data.0`);
    assert.deepEqual(dolma.dataset_datasetType, ['noAssertion']);
    assert.equal(dolma.summary, 'OSAID data kind: public');
    assert.match(byId(`${BASE}/data_information`).description, /^provenance: Dolma 1\.0 — Common Crawl/);

    // The model is trained on Dolma, and only on Dolma.
    const from = (type: string) =>
      graph.filter((e) => e.type === 'Relationship' && e.from === model.spdxId && e.relationshipType === type);
    assert.deepEqual(
      from('trainedOn').map((r) => r.to),
      [[`${BASE}/data_information.training_data.0`]],
    );
    assert.deepEqual(from('dependsOn')[0].to, [
      `${BASE}/code.data_processing`,
      `${BASE}/code.training`,
      `${BASE}/code.evaluation`,
      `${BASE}/code.inference`,
      `${BASE}/code.architecture`,
      `${BASE}/code.supporting_libraries.0`,
      `${BASE}/code.supporting_libraries.1`,
    ]);
    assert.deepEqual(from('contains')[0].to, [`${BASE}/parameters.checkpoints`, `${BASE}/parameters.optimizer_state`]);
    assert.deepEqual(from('hasDocumentation')[0].to, [
      `${BASE}/data_information`,
      `${BASE}/data_information.documentation.0`,
      `${BASE}/data_information.documentation.1`,
    ]);

    // The verdict travels with it, on the model: the example meets the checks.
    const annotations = graph.filter((e) => e.type === 'Annotation');
    assert.ok(annotations.every((a) => a.subject === model.spdxId && a.annotationType === 'other'));
    assert.equal(byId(`${BASE}/annotation/osaid/verdict`).statement, '✓ Meets the OSAID 1.0 checks');
    assert.match(
      byId(`${BASE}/annotation/osaid/parameters.weights`).statement,
      /^OSAID 1\.0 parameters\.weights .*: met/,
    );
  });

  test('examples/cards/model/README.md (Zephyr 7B β): what the card states, nothing it does not', () => {
    const document = exported('examples/cards/model/README.md') as Loose;
    const graph: Loose[] = document['@graph'];
    const model = graph.find((e) => e.type === 'ai_AIPackage')!;
    const license = graph.find(
      (e) => e.type === 'Relationship' && e.relationshipType === 'hasDeclaredLicense' && e.from === model.spdxId,
    )!;
    // `license: mit`, written as the SPDX id; the two `datasets`, which it is trained on.
    assert.equal(graph.find((e) => e.spdxId === license.to[0])!.simplelicensing_licenseExpression, 'MIT');
    const datasets = graph.filter((e) => e.type === 'dataset_DatasetPackage');
    assert.deepEqual(
      datasets.map((d) => [d.name, d.software_downloadLocation]),
      [
        ['HuggingFaceH4/ultrachat_200k', 'https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k'],
        [
          'HuggingFaceH4/ultrafeedback_binarized',
          'https://huggingface.co/datasets/HuggingFaceH4/ultrafeedback_binarized',
        ],
      ],
    );
    const trainedOn = graph.find((e) => e.type === 'Relationship' && e.relationshipType === 'trainedOn')!;
    assert.deepEqual(
      trainedOn.to,
      datasets.map((d) => d.spdxId),
    );
    assert.ok(
      graph.every((e) => e.type !== 'software_Package'),
      'a card states no code',
    );
  });

  test('deterministic: the same file gives the same bytes; created only as given', () => {
    assert.equal(
      JSON.stringify(exported('examples/olmo-7b.osai.yaml')),
      JSON.stringify(exported('examples/olmo-7b.osai.yaml')),
    );
    const given = exported('examples/olmo-7b.osai.yaml', '2025-06-30T12:00:00Z') as Loose;
    assert.equal(given['@graph'][0].created, '2025-06-30T12:00:00Z');
    assert.equal(spdx3Validator()(given), true);
  });
});

describe('osai-check --format spdx3 (the built bin/osai-check.js)', () => {
  test('one file: the document on stdout; created: --created, else SOURCE_DATE_EPOCH, else the release date', () => {
    const plain = runCli(['--format', 'spdx3', 'examples/olmo-7b.osai.yaml'], { env: { SOURCE_DATE_EPOCH: '' } });
    assert.equal(plain.code, 0, plain.stderr);
    const document = JSON.parse(plain.stdout);
    assert.equal(spdx3Validator()(document), true);
    assert.equal(document['@graph'][0].created, '2024-02-01T00:00:00Z');
    const epoch = runCli(['--format', 'spdx3', 'examples/olmo-7b.osai.yaml'], {
      env: { SOURCE_DATE_EPOCH: '1700000000' },
    });
    assert.equal(JSON.parse(epoch.stdout)['@graph'][0].created, '2023-11-14T22:13:20Z');
    const given = runCli(['--format', 'spdx3', '--created', '2025-01-02T03:04:05Z', 'examples/olmo-7b.osai.yaml'], {
      env: { SOURCE_DATE_EPOCH: '1700000000' },
    });
    assert.equal(JSON.parse(given.stdout)['@graph'][0].created, '2025-01-02T03:04:05Z');
  });

  test('usage errors: more than one file, --created without spdx3 or not a UTC date-time, --spec-version', () => {
    const two = runCli(['--format', 'spdx3', 'examples/olmo-7b.osai.yaml', 'examples/cards/model/README.md']);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /--format spdx3 writes one BOM: name one file \(2 were checked\)/);
    for (const [args, message] of [
      [['--created', '2025-01-02T03:04:05Z', 'examples/olmo-7b.osai.yaml'], /--created is for --format spdx3/],
      [['--format', 'spdx3', '--created', '2025-01-02', 'examples/olmo-7b.osai.yaml'], /--created must be a UTC/],
      [['--format', 'spdx3', '--spec-version', '1.6', 'examples/olmo-7b.osai.yaml'], /are for --format cyclonedx/],
    ] as const) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
  });
});
