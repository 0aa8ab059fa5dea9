/**
 * The language service as it ships: bundled with the server's own esbuild options
 * (scripts/bundleOptions.mjs), so the speed table measures the code users run, and its bare
 * parse is the same build of the YAML library (the fair baseline for "what do our checks add").
 * The source as tsx runs it would load the library's CommonJS build instead, which is slower.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- it loads the bundle it has just built, by path */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { parseDocument } from 'yaml';
import type { getLanguageService } from '../../server/src/service';

export interface Shipped {
  getLanguageService: typeof getLanguageService;
  TextDocument: typeof TextDocument;
  parseDocument: typeof parseDocument;
}

const ROOT = join(__dirname, '..', '..');

export async function loadShipped(): Promise<Shipped> {
  const esbuild = await import('esbuild');
  const { nodeBundle } = (await import(join(ROOT, 'scripts', 'bundleOptions.mjs'))) as {
    nodeBundle: (o?: { production?: boolean }) => object;
  };
  const outdir = join(ROOT, 'server', 'out', 'bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'shipped.js');
  // Production options, as in the .vsix: minified, no source map.
  await esbuild.build({
    ...nodeBundle({ production: true }),
    entryPoints: [join(__dirname, 'shippedEntry.ts')],
    outfile,
  });
  // SHIPPED_OVERRIDE: another build's bundle (e.g. an older commit's), to compare builds under the same harness.
  return require(process.env.SHIPPED_OVERRIDE ?? outfile) as Shipped;
}
