/**
 * CycloneDX ML-BOM export: every export of the examples and fixtures validates against the
 * official schemas (1.6 and 1.7, from @cyclonedx/cyclonedx-library), the validator rejects a
 * broken BOM, and two exports are checked field by field against expectations written by hand
 * from their sources (examples/olmo-7b.osai.yaml, examples/cards/model/README.md).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { ROOT } from '../helpers';
import { cyclonedxValidator } from './cyclonedxSchema';

const service = getLanguageService();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the BOM's JSON, read by path in the assertions
type Loose = Record<string, any>;
const TOOL = { name: 'osai-check', version: '0.0.0-test' };

function exported(file: string, specVersion: '1.6' | '1.7' = '1.7', serialNumber?: string) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const languageId = file.endsWith('.md') ? 'markdown' : 'yaml';
  const parsed = service.parse(TextDocument.create(`file:///${file}`, languageId, 1, text));
  const diagnostics = service.doValidation(parsed);
  return service.exportCycloneDx(parsed, diagnostics, {
    specVersion,
    tool: TOOL,
    ...(serialNumber ? { serialNumber } : {}),
  });
}

function files(dir: string, match: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) return files(relative(ROOT, path), match);
    return match.test(name) ? [relative(ROOT, path)] : [];
  });
}

describe('every export validates against the official CycloneDX schema', () => {
  const manifests = [
    ...files('examples', /\.osai\.yaml$|^osai\.yaml$/),
    ...files('test/fixtures/manifests', /\.osai\.yaml$/),
  ];
  const cards = [...files('examples/cards', /^README\.md$/), ...files('test/fixtures/cards', /\.md$/)];
  const mof = [...files('examples/models', /\.yml$/), ...files('test/fixtures/mof', /\.yml$/)];
  for (const version of ['1.6', '1.7'] as const) {
    test(`${version}: ${manifests.length + cards.length + mof.length} manifests, cards and MOF model files`, () => {
      const validate = cyclonedxValidator(version);
      let checked = 0;
      for (const file of [...manifests, ...cards, ...mof]) {
        const bom = exported(file, version);
        if (!bom) continue; // a file whose YAML cannot be read (the alias bomb): nothing to export
        checked++;
        assert.equal(validate(bom), true, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
      assert.ok(checked >= 40, `${checked} exports`);
    });
  }

  test('the validator rejects a broken BOM', () => {
    const validate = cyclonedxValidator('1.7');
    const bom = exported('examples/olmo-7b.osai.yaml') as Record<string, unknown>;
    assert.equal(validate(bom), true);
    const brokenType = structuredClone(bom) as { metadata: { component: { type: string } } };
    brokenType.metadata.component.type = 'model';
    assert.equal(validate(brokenType), false, 'an unknown component type');
    const { bomFormat: _dropped, ...noFormat } = bom;
    assert.equal(validate(noFormat), false, 'no bomFormat');
    const badLicense = structuredClone(bom) as { components: Array<{ licenses: unknown }> };
    badLicense.components[0].licenses = [{ license: { id: 'Not-An-SPDX-Id' } }];
    assert.equal(validate(badLicense), false, 'a license id that is not on the SPDX list');
  });
});

describe('field by field', () => {
  test('examples/olmo-7b.osai.yaml: the weights as the model, every component with its declared license', () => {
    const bom = exported('examples/olmo-7b.osai.yaml') as Loose;
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.7');
    assert.equal(bom.serialNumber, undefined, 'none unless asked: the output is deterministic');
    assert.deepEqual(bom.metadata.tools.components, [
      { type: 'application', name: 'osai-check', version: '0.0.0-test' },
    ]);
    const model = bom.metadata.component;
    // system.name, version, producer; parameters.weights; system.homepage.
    assert.equal(model.type, 'machine-learning-model');
    assert.equal(model['bom-ref'], 'osai:parameters.weights');
    assert.deepEqual(model.supplier, { name: 'Allen Institute for AI' });
    assert.equal(model.name, 'OLMo-7B');
    assert.equal(model.version, '1.0');
    assert.deepEqual(model.licenses, [{ expression: 'Apache-2.0', acknowledgement: 'declared' }]);
    assert.deepEqual(model.externalReferences, [
      { type: 'distribution', url: 'https://huggingface.co/allenai/OLMo-7B' },
      { type: 'website', url: 'https://allenai.org/olmo' },
    ]);
    // The one training dataset, Dolma, by reference.
    assert.deepEqual(model.modelCard.modelParameters.datasets, [{ ref: 'osai:data_information.training_data[0]' }]);
    const line = (c: Loose) => [
      c.type,
      c['bom-ref'],
      c.name,
      c.licenses?.[0]?.expression ?? c.licenses?.[0]?.license?.name ?? '-',
      c.externalReferences?.[0] ? `${c.externalReferences[0].type} ${c.externalReferences[0].url}` : '-',
    ];
    const HF = 'https://huggingface.co/allenai/OLMo-7B';
    const GH = 'https://github.com';
    assert.deepEqual(bom.components.map(line), [
      [
        'file',
        'osai:parameters.checkpoints',
        'OLMo-7B: Intermediate checkpoints',
        'Apache-2.0',
        `distribution ${HF}/tree/main/revisions`,
      ],
      [
        'file',
        'osai:parameters.optimizer_state',
        'OLMo-7B: Optimizer state',
        'Apache-2.0',
        `distribution ${HF}/tree/main/optimizer`,
      ],
      [
        'application',
        'osai:code.data_processing',
        'OLMo-7B: Data processing code',
        'Apache-2.0',
        `vcs ${GH}/allenai/dolma`,
      ],
      ['application', 'osai:code.training', 'OLMo-7B: Training code', 'Apache-2.0', `vcs ${GH}/allenai/OLMo`],
      ['application', 'osai:code.evaluation', 'OLMo-7B: Evaluation code', 'Apache-2.0', `vcs ${GH}/allenai/OLMo-Eval`],
      ['application', 'osai:code.inference', 'OLMo-7B: Inference code', 'Apache-2.0', `vcs ${GH}/allenai/OLMo`],
      [
        'application',
        'osai:code.architecture',
        'OLMo-7B: Model architecture code',
        'Apache-2.0',
        `vcs ${GH}/allenai/OLMo/tree/main/olmo`,
      ],
      ['library', 'osai:code.supporting_libraries[0]', 'tokenizers', 'Apache-2.0', `vcs ${GH}/huggingface/tokenizers`],
      ['library', 'osai:code.supporting_libraries[1]', 'wandb sweeps', 'MIT', `vcs ${GH}/wandb/wandb`],
      ['data', 'osai:data_information', 'OLMo-7B: data information', 'CC-BY-4.0', '-'],
      [
        'data',
        'osai:data_information.training_data[0]',
        'Dolma',
        'ODC-By-1.0',
        'distribution https://huggingface.co/datasets/allenai/dolma',
      ],
      [
        'file',
        'osai:data_information.documentation[0]',
        'OLMo-7B: data_card 1',
        'ODC-By-1.0',
        'documentation https://huggingface.co/datasets/allenai/dolma',
      ],
      [
        'file',
        'osai:data_information.documentation[1]',
        'OLMo-7B: research_paper 2',
        'CC-BY-4.0',
        'documentation https://arxiv.org/abs/2402.00159',
      ],
    ]);
    const dolma = bom.components.find(
      (c: { 'bom-ref': string }) => c['bom-ref'] === 'osai:data_information.training_data[0]',
    );
    assert.deepEqual(dolma.data, [{ type: 'dataset', name: 'Dolma', classification: 'public' }]);
    // The model depends on every other component.
    assert.deepEqual(bom.dependencies[0], {
      ref: 'osai:parameters.weights',
      dependsOn: bom.components.map((c: { 'bom-ref': string }) => c['bom-ref']),
    });
    // The verdict travels with it: the example meets the checks.
    const property = (name: string) => bom.metadata.properties.find((p: { name: string }) => p.name === name)?.value;
    assert.equal(property('osai-manifest:osaid:verdict'), '✓ Meets the OSAID 1.0 checks');
    assert.equal(property('osai-manifest:osaid:state'), 'meets');
    assert.equal(property('osai-manifest:osaid:checklist:parameters.weights'), 'met');
  });

  test('examples/cards/model/README.md (Zephyr 7B β): what the card states, nothing it does not', () => {
    const bom = exported('examples/cards/model/README.md') as Loose;
    const model = bom.metadata.component;
    // `license: mit`, written as the SPDX id; the two `datasets`.
    assert.equal(model.type, 'machine-learning-model');
    assert.deepEqual(model.licenses, [{ expression: 'MIT', acknowledgement: 'declared' }]);
    assert.deepEqual(
      bom.components.map((c: Loose) => [c.type, c.name, c.externalReferences?.[0]?.url]),
      [
        ['data', 'HuggingFaceH4/ultrachat_200k', 'https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k'],
        [
          'data',
          'HuggingFaceH4/ultrafeedback_binarized',
          'https://huggingface.co/datasets/HuggingFaceH4/ultrafeedback_binarized',
        ],
      ],
    );
    assert.equal(
      bom.metadata.properties.find((p: { name: string }) => p.name === 'osai-manifest:osaid:state').value,
      'incomplete',
      'a card cannot state everything',
    );
  });

  test('deterministic: the same file gives the same bytes; a serial number only when asked', () => {
    assert.equal(
      JSON.stringify(exported('examples/olmo-7b.osai.yaml')),
      JSON.stringify(exported('examples/olmo-7b.osai.yaml')),
    );
    const withSerial = exported('examples/olmo-7b.osai.yaml', '1.7', 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79');
    assert.equal(withSerial?.serialNumber, 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79');
    assert.equal(cyclonedxValidator('1.7')(withSerial), true);
  });

  test('examples/models/Granite-4-1.yml (MOF): the final parameters as the model, the licenses MOT applies', () => {
    const bom = exported('examples/models/Granite-4-1.yml') as Loose;
    const model = bom.metadata.component;
    // release.name; the distribution license (Apache-2.0) applies to every component without its own;
    // release.huggingface is where the final parameters are, release.repository the release's site.
    assert.equal(model.type, 'machine-learning-model');
    assert.equal(model.name, 'Granite-4.1');
    assert.deepEqual(model.licenses, [{ expression: 'Apache-2.0', acknowledgement: 'declared' }]);
    assert.deepEqual(model.externalReferences, [
      { type: 'distribution', url: 'https://huggingface.co/collections/ibm-granite/granite-41-language-models' },
      { type: 'website', url: 'https://github.com/ibm-granite/granite-4.1-language-models' },
    ]);
    assert.deepEqual(
      bom.components.map((c: Loose) => [c.type, c.description, c.licenses[0].expression]),
      [
        ['application', 'Model architecture', 'Apache-2.0'],
        ['file', 'Model card', 'Apache-2.0'],
        ['file', 'Data card', 'Apache-2.0'],
        ['file', 'Technical report', 'Apache-2.0'],
        ['file', 'Evaluation results', 'Apache-2.0'],
      ],
    );
  });

  test('examples/cards/dataset/README.md (C4): the dataset itself is the main component', () => {
    const bom = exported('examples/cards/dataset/README.md') as Loose;
    // pretty_name: C4; license: [odc-by], the Hub's id for ODC-By-1.0.
    assert.deepEqual(
      {
        type: bom.metadata.component.type,
        name: bom.metadata.component.name,
        licenses: bom.metadata.component.licenses,
      },
      { type: 'data', name: 'C4', licenses: [{ expression: 'ODC-By-1.0', acknowledgement: 'declared' }] },
    );
    assert.deepEqual(bom.metadata.component.data, [{ type: 'dataset', name: 'C4' }]);
    assert.equal(bom.components, undefined);
  });
});
