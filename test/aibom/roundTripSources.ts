/**
 * What the AI-BOM round-trip tests (cyclonedxRead.test.ts, spdx3Read.test.ts) export and read
 * back, and which checklist items each kind of source can carry through a BOM.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

export const DESCRIPTION = ['provenance', 'scope', 'characteristics', 'collection', 'labeling', 'processing'].map(
  (a) => `data_information.description.${a}`,
);
export const CODE = [
  'data_processing',
  'training',
  'evaluation',
  'inference',
  'architecture',
  'supporting_libraries',
].map((c) => `code.${c}`);

const listed = (dir: string, ext: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => `${dir}/${f}`);

/** Every manifest of examples/. */
export const EXAMPLE_MANIFESTS = [
  'examples/olmo-7b.osai.yaml',
  'examples/llama-style.osai.yaml',
  'examples/missing-data-information.osai.yaml',
  'examples/release/osai.yaml',
  ...listed('examples/releases', '.osai.yaml'),
];
/**
 * Every item an export carries as components (code, weights, checkpoints, optimizer state, the data information's
 * license, the training data listing). Not carried: the six aspects of the data description, which a BOM holds only
 * as text (read as "not stated"), and the data documentation, which no BOM checklist lists (as no model card's does).
 */
export const MANIFEST_COMPARED = [
  'data_information.license',
  'data_information.training_data',
  ...CODE,
  'parameters.weights',
  'parameters.checkpoints',
  'parameters.optimizer_state',
];

/** Every MOF model file of the fixtures and examples. */
export const MOF_FILES = [...listed('test/fixtures/mof', '.yml'), ...listed('examples/models', '.yml')];
/**
 * A MOF file names each component's OSAID item (formats/mof/osaid.ts, from requirements.md), and its export says so.
 * Compared where the MOF view lists them: the six code items, the weights, checkpoints and optimizer state (the MOF's
 * model metadata). Not compared: the MOF view's one data information item (its data card and papers), which a BOM
 * holds only as parts of unstated purpose — a BOM's checklist has no such item.
 */
export const MOF_COMPARED = [...CODE, 'parameters.weights', 'parameters.checkpoints', 'parameters.optimizer_state'];

/** Every model card of the fixtures and examples. */
export const MODEL_CARDS = [...listed('test/fixtures/cards/models', '.md'), 'examples/cards/model/README.md'];

export const sourceText = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
