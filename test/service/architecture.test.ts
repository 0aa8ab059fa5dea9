/**
 * The layering of docs/ARCHITECTURE.md, checked on the source: only the registry knows which
 * formats exist, shared machinery never imports a format, the VS Code client imports
 * nothing from the server but the protocol module, and no module imports itself back.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The files a module imports, resolved to repository-relative paths (relative imports only). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) =>
    relative(ROOT, resolve(dirname(file), m[1]))
      .split('\\')
      .join('/'),
  );
}

const SERVICE = join(ROOT, 'server', 'src', 'service');

test('no module outside the format registry asks which format a document is', () => {
  const offenders = sources(join(ROOT, 'server', 'src'))
    .filter((f) => !f.endsWith(join('formats', 'registry.ts')))
    .filter((f) => /kind\s*[!=]==\s*'(?:osai|mof|none)'/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  assert.deepEqual(offenders, []);
});

test('shared machinery never imports a format', () => {
  const shared = readdirSync(SERVICE).filter((d) => d !== 'formats' && statSync(join(SERVICE, d)).isDirectory());
  assert.ok(shared.includes('licenses') && shared.includes('yaml'), shared.join(', '));
  const offenders = shared
    .flatMap((d) => sources(join(SERVICE, d)))
    .flatMap((f) =>
      imports(f)
        .filter((i) => i.startsWith('server/src/service/formats/'))
        .map((i) => `${relative(ROOT, f)} → ${i}`),
    );
  assert.deepEqual(offenders, []);
});

test('formats do not import each other', () => {
  const formats = join(SERVICE, 'formats');
  const offenders = readdirSync(formats)
    .filter((d) => statSync(join(formats, d)).isDirectory())
    .flatMap((name) =>
      sources(join(formats, name)).flatMap((f) =>
        imports(f)
          .filter(
            (i) =>
              i.startsWith('server/src/service/formats/') &&
              !i.startsWith(`server/src/service/formats/${name}/`) &&
              i !== 'server/src/service/formats/format',
          )
          .map((i) => `${relative(ROOT, f)} → ${i}`),
      ),
    );
  assert.deepEqual(offenders, []);
});

test('the VS Code client imports nothing from the server but the protocol module', () => {
  const serverImports = sources(join(ROOT, 'client', 'src')).flatMap((f) =>
    imports(f).filter((i) => i.startsWith('server/')),
  );
  assert.ok(serverImports.length > 0, 'the client does use the protocol module');
  assert.deepEqual([...new Set(serverImports)], ['server/src/protocol']);
  assert.deepEqual(imports(join(ROOT, 'server', 'src', 'protocol.ts')), [], 'the protocol module imports nothing');
});

/** The source file an import resolves to (`x` is `x.ts` or `x/index.ts`), or undefined for a non-TypeScript file. */
function sourceFile(path: string): string | undefined {
  return [`${path}.ts`, `${path}/index.ts`].find((candidate) => existsSync(join(ROOT, candidate)));
}

/** Each import cycle once, as the files around it, starting from the first file reached (depth first). */
function importCycles(files: readonly string[]): string[][] {
  const edges = new Map(
    files.map((f) => [relative(ROOT, f).split('\\').join('/'), imports(f).flatMap((i) => sourceFile(i) ?? [])]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

test('no import cycles in the server, the client or the scripts', () => {
  // A cycle makes the order modules load in decide what a module sees of another: move what both need into a third.
  const files = ['server/src', 'client/src', 'scripts'].flatMap((dir) => sources(join(ROOT, dir)));
  assert.ok(
    files.some((f) => f.endsWith(join('scripts', 'bench.ts'))),
    'the scripts are walked',
  );
  assert.deepEqual(
    importCycles(files).map((cycle) => cycle.join(' → ')),
    [],
  );
});
