/** The text of a new manifest: every required and recommended element, with placeholders. */
import { manifestLines } from '../../osaid/skeleton';

export function newManifestText(): string {
  const header = [
    '# Open Source AI release manifest, checked against the Open Source AI Definition 1.0.',
    '# Replace every TODO; hover a key to see what OSAID asks for there.',
  ];
  return [...header, ...manifestLines()].join('\n') + '\n';
}
