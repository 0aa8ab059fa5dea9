/** Report entries for the examples, as the CLI and VS Code build them: the service's checklists. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportEntry } from '../../server/src/service/report';
import { ROOT, service } from '../helpers';

export const DATE = new Date('2026-01-01T12:30:00Z');

export function entry(path: string): ReportEntry {
  const languageId = /\.osai\.ya?ml$/.test(path) ? 'osai-manifest' : 'yaml';
  const parsed = service.parse(
    TextDocument.create(pathToFileURL(join(ROOT, path)).href, languageId, 1, readFileSync(join(ROOT, path), 'utf8')),
  );
  const checklist = service.getChecklist(parsed, service.doValidation(parsed));
  if (!checklist) throw new Error(`${path} has no checklist`);
  return { file: path, checklist };
}

export const EXAMPLES = [
  'examples/llama-style.osai.yaml',
  'examples/missing-data-information.osai.yaml',
  'examples/models/Granite-4-1.yml',
  'examples/olmo-7b.osai.yaml',
];
