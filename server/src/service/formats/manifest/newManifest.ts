/** The text of a new manifest: every required and recommended element, with placeholders. */
import { childrenOf, Requirement } from '../../osaid/requirements';
import { blockEntry } from './skeleton';

export function newManifestText(): string {
  const header = [
    '# Open Source AI release manifest, checked against the Open Source AI Definition 1.0.',
    '# Replace every TODO; hover a key to see what OSAID asks for there.',
  ];
  return [...header, ...entries('', '')].join('\n') + '\n';
}

function entries(pattern: string, indent: string): string[] {
  const lines: string[] = [];
  for (const req of childrenOf(pattern)) {
    if (req.level === 'optional' || req.when) continue;
    lines.push(...(req.shape.kind === 'section' ? section(req, indent) : blockEntry(req, indent)));
  }
  return lines;
}

function section(req: Requirement, indent: string): string[] {
  const key = req.path.slice(req.path.lastIndexOf('.') + 1);
  return [`${indent}${key}:`, ...entries(req.path, `${indent}  `)];
}
