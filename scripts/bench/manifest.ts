/** The bench's documents: a manifest grown to a size, and the keystrokes the protocol section types into it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A complete manifest grown to about `lines` lines with more libraries and datasets. */
export function generateManifest(lines: number): string {
  const head = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8').split('\n');
  const librariesAt = head.findIndex((l) => l.includes('supporting_libraries:')) + 1;
  const dataAt = head.findIndex((l) => l.includes('training_data:')) + 1;
  const extra = Math.max(0, lines - head.length);
  const libraries: string[] = [];
  const datasets: string[] = [];
  for (let i = 0; libraries.length + datasets.length < extra; i++) {
    libraries.push(
      `    - name: library-${i}   # pinned`,
      `      location: https://github.com/example/library-${i}`,
      `      license: ${i % 3 === 0 ? 'MIT' : i % 3 === 1 ? 'Apache-2.0' : 'BSD-3-Clause OR MIT'}`,
    );
    datasets.push(
      `    - name: Dataset ${i}`,
      '      kind: public',
      `      location: https://huggingface.co/datasets/example/set-${i}`,
      `      license: ${i % 2 ? 'CC-BY-4.0' : 'ODC-By-1.0'}`,
    );
  }
  const out = [
    ...head.slice(0, librariesAt),
    ...libraries.slice(0, Math.ceil(extra / 2)),
    ...head.slice(librariesAt, dataAt),
    ...datasets.slice(0, Math.floor(extra / 2)),
    ...head.slice(dataAt),
  ];
  return out.join('\n');
}

const ANCHOR = 'every 1000 steps';

/**
 * Where a keystroke is typed: `small`, a comment in `parameters` (a short top-level entry);
 * `large`, the comment of the middle supporting library, inside `code` (the largest entry, about
 * half the file): the server reparses the top-level entry that changed, so this is its worst case.
 */
export type Place = 'small' | 'large';
const LARGE_ANCHOR = /# pinned/g;

/** The manifest with keystroke `k` typed into a comment: the text changes, the diagnostics do not. */
export function keystroke(base: string, k: number, place: Place = 'small'): string {
  if (place === 'small') return base.replace(ANCHOR, `${ANCHOR} k${k}`);
  const at = [...base.matchAll(LARGE_ANCHOR)];
  if (at.length === 0) return base.replace(ANCHOR, `${ANCHOR} k${k}`);
  const middle = at[Math.floor(at.length / 2)].index!;
  return `${base.slice(0, middle)}# pinned k${k}${base.slice(middle + '# pinned'.length)}`;
}

export function manifest(lines: number): string {
  const text = generateManifest(lines);
  if (!text.includes(ANCHOR))
    throw new Error(`protocol bench: the generated manifest has no "${ANCHOR}" comment to type into`);
  return text;
}
