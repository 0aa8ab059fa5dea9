/**
 * The OSAID 1.0 view of a MOF file: MOF components mapped to the OSAID checklist groups
 * (requirements §2) and to the requirement ids of the project's OSAID manifest.
 */

export interface OsaidGroup {
  /** Requirement id in the OSAID manifest's requirements table. */
  requirement: string;
  /** Satisfied by any one of these components (data information). */
  anyOf?: readonly string[];
  /** Each of these components is required (one diagnostic per missing one). */
  allOf?: readonly string[];
  message: string;
  messageFor?: (component: string) => string;
}

export interface OsaidMapping {
  group: 'Data information' | 'Code' | 'Model' | 'Optional';
  /** The OSAID manifest requirement id it corresponds to. */
  requirement?: string;
  /**
   * OSAID's license test for it: code needs OSI-approved terms, the rest open (OSD-conformant) terms; `none`: the OSAID
   * view does not read it.
   */
  test: 'osi' | 'open' | 'none';
  note: string;
}

export const OSAID_BY_COMPONENT: Readonly<Record<string, OsaidMapping>> = {
  Datasets: {
    group: 'Data information',
    requirement: 'data_information.training_data',
    test: 'open',
    note:
      "The released training data: the OSAID checklist's first choice of data " +
      'information, counted when it is under open terms. (OSAID itself does ' +
      'not require training data to be released, only listed and described.)',
  },
  'Data card': {
    group: 'Data information',
    requirement: 'data_information.description',
    test: 'open',
    note:
      "A data card is the natural home of OSAID's data information: " +
      'provenance, scope, characteristics, collection, labeling and ' +
      'processing of the training data. It counts when it is under open terms.',
  },
  'Technical report': {
    group: 'Data information',
    requirement: 'data_information.documentation',
    test: 'open',
    note: 'Counts as data information when it describes the training data and is under open terms.',
  },
  'Research paper': {
    group: 'Data information',
    requirement: 'data_information.documentation',
    test: 'open',
    note: 'Counts as data information when it describes the training data and is under open terms.',
  },
  'Data preprocessing code': {
    group: 'Code',
    requirement: 'code.data_processing',
    test: 'osi',
    note: 'OSAID requires the code used to process and filter the data, under an OSI-approved license.',
  },
  'Training code': {
    group: 'Code',
    requirement: 'code.training',
    test: 'osi',
    note: 'OSAID requires the training code (with its arguments and settings), under an OSI-approved license.',
  },
  'Evaluation code': {
    group: 'Code',
    requirement: 'code.evaluation',
    test: 'osi',
    note: 'OSAID requires the code for validation and testing, under an OSI-approved license.',
  },
  'Inference code': {
    group: 'Code',
    requirement: 'code.inference',
    test: 'osi',
    note: 'OSAID requires the inference code, under an OSI-approved license.',
  },
  'Supporting libraries and tools': {
    group: 'Code',
    requirement: 'code.supporting_libraries',
    test: 'osi',
    note: 'OSAID requires supporting libraries such as tokenizers, under OSI-approved licenses (optional in MOF).',
  },
  'Model architecture': {
    group: 'Model',
    requirement: 'code.architecture',
    test: 'osi',
    note: 'OSAID requires the model architecture code, under an OSI-approved license.',
  },
  'Model parameters (Final)': {
    group: 'Model',
    requirement: 'parameters.weights',
    test: 'open',
    note: 'OSAID requires the weights, under OSD-conformant (open) terms.',
  },
  'Model parameters (Intermediate)': {
    group: 'Optional',
    requirement: 'parameters.checkpoints',
    test: 'open',
    note: 'Recommended by OSAID (checkpoints).',
  },
  'Model metadata': {
    group: 'Optional',
    requirement: 'parameters.optimizer_state',
    test: 'open',
    note: 'Recommended by OSAID (training configuration, optimizer state).',
  },
  'Evaluation data': { group: 'Optional', test: 'none', note: 'Optional in the OSAID checklist.' },
  'Evaluation results': { group: 'Optional', test: 'none', note: 'Optional in the OSAID checklist.' },
  'Model card': { group: 'Optional', test: 'none', note: 'Optional in the OSAID checklist.' },
  'Sample model outputs': { group: 'Optional', test: 'none', note: 'Optional in the OSAID checklist.' },
};

const REQUIRED_CODE = [
  'Data preprocessing code',
  'Training code',
  'Evaluation code',
  'Inference code',
  'Supporting libraries and tools',
] as const;
const REQUIRED_MODEL = ['Model architecture', 'Model parameters (Final)'] as const;

/** What OSAID needs, in report order: data information first. */
export const OSAID_GROUPS: readonly OsaidGroup[] = [
  {
    requirement: 'data_information',
    anyOf: ['Data card', 'Datasets', 'Technical report', 'Research paper'],
    message:
      'OSAID 1.0 requires data information — a complete description of the ' +
      'training data and a listing of every training dataset — and this file ' +
      'shows none. Add a `Data card` component (or `Datasets`, a `Technical ' +
      'report` or a `Research paper` that describes the data).',
  },
  ...[...REQUIRED_CODE, ...REQUIRED_MODEL].map((name): OsaidGroup => ({
    requirement: OSAID_BY_COMPONENT[name].requirement!,
    allOf: [name],
    message: '',
    messageFor: (component) =>
      `Missing for OSAID 1.0: \`${component}\`. ${OSAID_BY_COMPONENT[component].note} ` +
      `Add the component to \`release.components\`.`,
  })),
];
