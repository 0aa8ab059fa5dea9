// esbuild options of the Node bundles, shared by the build (build.mjs) and the benchmark, which measures the service as
// bundled (bench/shipped.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * The Node bundles take the YAML library's ES module build (the one its package.json gives
 * browsers), not its CommonJS one. Bundled from CommonJS, every `isMap`, `isScalar`, … our
 * code calls goes through an interop getter, and the parser reads `process.env.LOG_TOKENS`
 * for every token (a debugging switch); the ES build has neither, so esbuild binds the
 * functions directly. The code is otherwise the same (the ES build logs warnings with
 * console.warn), and faster (BENCHMARKS.md, "Design measurements").
 */
const require = createRequire(import.meta.url);
const YAML_ESM = join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');
const yamlEsm = {
  name: 'yaml-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_ESM }));
  },
};

/**
 * Node modules the LSP libraries load at start for what this server never does: the server
 * library's helpers that find global npm and yarn modules (`child_process`) and the JSON-RPC
 * library's random pipe names (`crypto`), each a visible part of a start. Their one importer
 * each gets functions that load the module on first call instead.
 */
const LAZY_BUILTINS = [
  {
    importer: /[\\/]node_modules[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/,
    module: 'child_process',
    functions: ['fork', 'spawnSync'],
  },
  {
    importer: /[\\/]node_modules[\\/]vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/,
    module: 'crypto',
    functions: ['randomBytes'],
  },
];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, (args) => {
      const lazy = LAZY_BUILTINS.find(
        (l) => l.importer.test(args.importer) && args.path.replace(/^node:/, '') === l.module,
      );
      return lazy ? { path: lazy.module, namespace: 'lazy-builtin' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const lazy = LAZY_BUILTINS.find((l) => l.module === args.path);
      const functions = lazy.functions.map((name) => `${name}: (...args) => load().${name}(...args)`).join(', ');
      return {
        contents: `const load = () => require('node:${lazy.module}');\nmodule.exports = { ${functions} };`,
        loader: 'js',
      };
    });
  },
};

/**
 * Large data the server reads on first use goes beside the bundles, not inside them: the SPDX
 * license-text index (server/src/service/licenses/identify/generated/spdxTexts.ts) as
 * `spdx-texts.json`, and the CycloneDX JSON schemas (server/src/service/formats/cyclonedx/schemas/)
 * as `cyclonedx-schemas.json`. Inside a Node bundle they would be read, and carried in the code
 * cache, at every start of the server and the command line, which mostly need neither; and the
 * browser bundle and the Node bundles share one copy in the `.vsix`. A Node bundle reads the file
 * from disk; the browser bundle gets its text from the client in the worker's first message
 * (server/src/host/bundledResources.ts).
 *
 * The schemas lose their annotations (`description`, `title`, `examples`, `$comment`,
 * `meta:enum`): ajv does not use them for validation and they are most of the schemas' size.
 * Property and definition names are kept, whatever they are called.
 */
const ANNOTATIONS = new Set(['description', 'title', 'examples', '$comment', 'meta:enum']);
const NAME_MAPS = new Set(['properties', 'definitions', '$defs', 'patternProperties']);
function withoutAnnotations(schema, namesHere = false) {
  if (Array.isArray(schema)) return schema.map((s) => withoutAnnotations(s));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (namesHere) out[key] = withoutAnnotations(value);
    else if (!ANNOTATIONS.has(key)) out[key] = withoutAnnotations(value, NAME_MAPS.has(key));
  }
  return out;
}

const RESOURCES = [
  {
    source: /[\\/]licenses[\\/]identify[\\/]generated[\\/]spdxTexts\.ts$/,
    file: 'spdx-texts.json',
    exported: 'SPDX_TEXT_INDEX',
    parsed: false,
    text(path) {
      const literal = /export const SPDX_TEXT_INDEX = (".*");\s*$/m.exec(readFileSync(path, 'utf8'));
      if (!literal) throw new Error(`${path}: no SPDX_TEXT_INDEX string (run npm run license-index)`);
      return JSON.parse(literal[1]);
    },
  },
  {
    source: /[\\/]formats[\\/]cyclonedx[\\/]schemas[\\/]index\.ts$/,
    file: 'cyclonedx-schemas.json',
    exported: 'CYCLONEDX_SCHEMAS',
    parsed: true,
    text(path) {
      const folder = dirname(path);
      const names = [...readFileSync(path, 'utf8').matchAll(/from '\.\/([^']+\.json)'/g)].map((m) => m[1]);
      if (names.length === 0) throw new Error(`${path}: no schema imports`);
      return JSON.stringify(
        Object.fromEntries(
          names.map((name) => [name, withoutAnnotations(JSON.parse(readFileSync(join(folder, name), 'utf8')))]),
        ),
      );
    },
  },
];
const BROWSER_READER = resolve(dirname(new URL(import.meta.url).pathname), '../server/src/host/bundledResources.ts');

/** @param {'node' | 'browser'} platform */
export function resourceFiles(platform) {
  return {
    name: 'resource-files',
    setup(build) {
      const outdir = dirname(resolve(build.initialOptions.outfile ?? join(build.initialOptions.outdir ?? '.', 'x')));
      for (const resource of RESOURCES) {
        build.onLoad({ filter: resource.source }, (args) => {
          mkdirSync(outdir, { recursive: true });
          writeFileSync(join(outdir, resource.file), resource.text(args.path));
          const file = JSON.stringify(resource.file);
          const read =
            platform === 'node'
              ? `require('node:fs').readFileSync(require('node:path').join(__dirname, ${file}), 'utf8')`
              : `require(${JSON.stringify(BROWSER_READER)}).bundledResource(${file})`;
          return {
            contents:
              `let value;\nmodule.exports = { get ${resource.exported}() { ` +
              `return (value ??= ${resource.parsed ? `JSON.parse(${read})` : read}); } };\n`,
            loader: 'js',
            resolveDir: dirname(args.path),
          };
        });
      }
    },
  };
}

/**
 * The version the server reports (server/src/version.ts), written into every bundle that has it
 * (the browser ones too, scripts/build.mjs): no bundle reads or carries package.json for it.
 */
export const versionDefine = {
  OSAI_VERSION: JSON.stringify(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version),
};

/** @param {{ production?: boolean }} options */
export function nodeBundle({ production = false } = {}) {
  return {
    define: versionDefine,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    plugins: [yamlEsm, lazyBuiltins, resourceFiles('node')],
  };
}
