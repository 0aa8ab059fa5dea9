/**
 * The contract between the OSAID language server and its clients: custom request names and
 * the types they carry. The VS Code client imports this module and nothing else from the
 * server, so it must stay free of imports (types and tiny constants only).
 */

/** Request `{ textDocument: { uri } }` → `Checklist | null`: the document's OSAID checklist. */
export const CHECKLIST_REQUEST = 'osai/checklist';

/**
 * Request `ReportParams` → `ReportResult | null`: the document's compliance report, rendered
 * by the server (the same renderer as `osai-check --report`); null for documents that have
 * no checklist.
 */
export const REPORT_REQUEST = 'osai/report';

/** Request `{}` → `NewManifestResult`: the text of a new manifest (every requirement, placeholders to fill in). */
export const NEW_MANIFEST_REQUEST = 'osai/newManifest';

/**
 * Request `{ textDocument: { uri } }` → `ManifestFromCardResult | null`: an OSAID manifest
 * (`osai.yaml`) pre-filled with what a Hugging Face model card states, `TODO` for the rest;
 * null when the document is not a model card (or not open).
 */
export const MANIFEST_FROM_CARD_REQUEST = 'osai/manifestFromCard';

export interface ManifestFromCardResult {
  text: string;
}

/**
 * The client command the "Create osai.yaml from this card" code action runs, with the card's
 * URI (a string) as its argument: the client writes the file, the server has no I/O.
 */
export const CREATE_MANIFEST_FROM_CARD_COMMAND = 'osaiManifest.createManifestFromCard';

/**
 * The kind of that code action: a whole-file source action (VS Code's "Source Action…" menu),
 * not a light bulb on every line of a card's prose.
 */
export const CREATE_MANIFEST_FROM_CARD_KIND = 'source.createManifest.osai';

/**
 * The release's files, read by the client for the server (the evidence): requests from the
 * server to a client that said `fileAccess: true` in its initialization options. VS Code's
 * client answers them through `vscode.workspace.fs`, so a repository opened on github.dev or
 * vscode.dev (and any workspace a web worker server cannot read) gets the same evidence. Each
 * answers null for what cannot be read or is outside the workspace.
 * - `osai/fs/stat` `{ uri }` → `FsStat | null`
 * - `osai/fs/readDirectory` `{ uri }` → `string[] | null` (the names in the folder)
 * - `osai/fs/readFile` `{ uri, maxBytes }` → `{ base64 } | null` (at most `maxBytes` bytes)
 */
/**
 * Asks the hosts a document's locations name, now, whatever `osaiManifest.online.enable` says
 * (the command "OSAID: Check locations online"); what they answer is published with the
 * document's diagnostics. Cancelling the request cancels the requests to the hosts.
 */
export const CHECK_ONLINE_REQUEST = 'osai/checkOnline';

export interface CheckOnlineResult {
  /** Locations asked about (each once). */
  locations: number;
  /** Locations a host answered about. */
  answered: number;
  /** No host could be reached. */
  offline: boolean;
  /** Findings the answers gave (online/, location/, evidence/ from the hosts). */
  findings: number;
}

/** The active document as an AI bill of materials (`osai-check --format cyclonedx|spdx3`): "OSAID: Export AI-BOM…". */
export const EXPORT_AIBOM_REQUEST = 'osai/exportAiBom';

export interface ExportAiBomParams {
  textDocument: { uri: string };
  /** `cyclonedx-1.7` (the newest), `cyclonedx-1.6`, or `spdx3` (SPDX 3.0.1 JSON-LD). */
  format: AiBomFormat;
  /** Who made it (`OSAID Manifest for VS Code 0.1.0`). */
  tool: { name: string; version: string };
}

export const AIBOM_FORMATS = ['cyclonedx-1.7', 'cyclonedx-1.6', 'spdx3'] as const;
export type AiBomFormat = (typeof AIBOM_FORMATS)[number];

export interface ExportAiBomResult {
  /** The BOM's JSON text. */
  text: string;
}

export const FS_STAT_REQUEST = 'osai/fs/stat';
export const FS_READ_DIRECTORY_REQUEST = 'osai/fs/readDirectory';
export const FS_READ_FILE_REQUEST = 'osai/fs/readFile';

export interface FsStat {
  kind: 'file' | 'directory';
  size: number;
  mtime: number;
  link?: boolean;
}

export interface FsReadFileResult {
  base64: string;
}

export type ReportFormat = 'html' | 'md';

export interface ReportParams {
  textDocument: { uri: string };
  format: ReportFormat;
  /** How the document is named in the report (e.g. its workspace-relative path). */
  file: string;
  /** Who made the report, shown in its footer. */
  generator?: string;
}

export interface ReportResult {
  text: string;
}

export interface NewManifestResult {
  /** The language id to open it with. */
  languageId: string;
  text: string;
}

/**
 * `not-stated`: the document cannot show it (a model card says nothing about code): for
 * information, never an error.
 */
export type ChecklistStatus = 'met' | 'missing' | 'not-open' | 'invalid' | 'placeholder' | 'recommended' | 'not-stated';

/** The words a status reads as, in the tree view, the report and the CLI. */
export const STATUS_WORDS: Readonly<Record<ChecklistStatus, string>> = {
  met: 'met',
  missing: 'missing',
  'not-open': 'not open',
  invalid: 'invalid',
  placeholder: 'placeholder',
  recommended: 'not provided',
  'not-stated': 'not stated',
};

export type ChecklistGroupId = 'data_information' | 'code' | 'parameters';

export interface ChecklistRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ChecklistItem {
  /** The requirement id (its manifest path), e.g. `code.training`. */
  id: string;
  title: string;
  level: 'required' | 'recommended';
  status: ChecklistStatus;
  /** Why it has that status: the first diagnostic's message, or what satisfies it. */
  detail: string;
  /** Where to reveal it in the document. */
  range: ChecklistRange;
  /** What OSAID asks for here and why (Markdown). */
  explanation: string;
  /** What the release's own files show for it (a local location: its license file, or that it does not exist). */
  evidence?: ChecklistEvidence;
}

/**
 * The evidence of a checklist item: `agrees` (the license found is the declared one),
 * `disagrees`, `none` (nothing states a license, or nothing was declared to compare with),
 * `not-found` (the location does not exist), `outside-root` (not followed).
 */
export interface ChecklistEvidence {
  state: 'agrees' | 'disagrees' | 'none' | 'not-found' | 'outside-root';
  /** One line, e.g. "`./train/LICENSE` is the MIT License (`MIT`, 98% match)". */
  summary: string;
}

/** The words an evidence state reads as, in the tree view and the report. */
export const EVIDENCE_WORDS: Readonly<Record<ChecklistEvidence['state'], string>> = {
  agrees: 'evidence agrees',
  disagrees: 'evidence disagrees',
  none: 'no evidence',
  'not-found': 'location not found',
  'outside-root': 'outside the repository',
};

export interface ChecklistGroup {
  id: ChecklistGroupId;
  title: string;
  items: ChecklistItem[];
}

/** A classification a format adds to the checklist (MOF files: the MOF class and progress). */
export interface ChecklistClassification {
  /** What is classified, with a link (e.g. "Model Openness Framework"). */
  scheme: { name: string; url: string };
  /** The class reached, e.g. "MOF Class III — Open Model" (or that none is). */
  reached: string;
  /** What the next class still needs, one line; empty when nothing is left. */
  summary: string;
  /** The full one-line title (status bar tooltip, lens). */
  title: string;
  /** Progress towards each class, from the first reachable to the highest. */
  levels: Array<{ title: string; percent: number }>;
}

/**
 * Where a document stands: `meets` (every required item met by a real value that passes its
 * test, and no error), `fails` (an unmet required item or an error), `incomplete` (nothing it
 * states fails, but it cannot state everything: a model card says nothing about code).
 */
export type VerdictState = 'meets' | 'fails' | 'incomplete';

/** The verdict of a document: one model for the lens, the status bar, the tree view, the CLI and the report. */
export interface ChecklistVerdict {
  /** `state === 'meets'`: the only state that is green. */
  meets: boolean;
  state: VerdictState;
  /** One line, e.g. "✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders". */
  title: string;
  /** Required items not met: missing, not open, invalid or still a placeholder. */
  unmet: number;
  /** Of the unmet required items, those that are a placeholder (`TODO`, `TBD`, empty). */
  placeholders: number;
  /** Required items the document cannot show (model cards: code, the data description). */
  notStated: number;
  /** Error diagnostics of any kind: each one fails the verdict. */
  errors: number;
  /** YAML syntax errors: while there are any, the title says so instead of a count. */
  syntaxErrors: number;
}

export interface Checklist {
  uri: string;
  /** The document format's id (as in `osai-check --format json`). */
  kind: string;
  /** The format's name for people ("OSAID manifest", "MOF model"). */
  kindLabel: string;
  verdict: ChecklistVerdict;
  groups: ChecklistGroup[];
  /** Set by formats that classify a release (MOF model files). */
  classification?: ChecklistClassification;
}

/**
 * The files beside the server bundles that the browser client reads and hands to its server
 * worker in the worker's first message, `{ [WORKER_RESOURCES_KEY]: { name: text } }`, before
 * any LSP message (server/src/host/bundledResources.ts).
 */
export const WORKER_RESOURCES = ['spdx-texts.json', 'cyclonedx-schemas.json'] as const;
export const WORKER_RESOURCES_KEY = 'osaiResources';
