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
 * The SPDX license-text index (server/src/service/licenses/identify/generated/spdxTexts.ts,
 * a large block of data) goes beside a Node bundle as `spdx-texts.json`, read on first use: inside
 * the bundle it would be read, and carried in the code cache, at every start of the server and
 * the command line, which mostly read no license file. (The browser bundle keeps it inline: a
 * worker reads no files.)
 */
const INDEX_SOURCE = /[\\/]licenses[\\/]identify[\\/]generated[\\/]spdxTexts\.ts$/;
const spdxIndexFile = {
  name: 'spdx-index-file',
  setup(build) {
    const outdir = dirname(resolve(build.initialOptions.outfile ?? join(build.initialOptions.outdir ?? '.', 'x')));
    build.onLoad({ filter: INDEX_SOURCE }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const literal = /export const SPDX_TEXT_INDEX = (".*");\s*$/m.exec(source);
      if (!literal) throw new Error(`${args.path}: no SPDX_TEXT_INDEX string (run npm run license-index)`);
      mkdirSync(outdir, { recursive: true });
      writeFileSync(join(outdir, 'spdx-texts.json'), JSON.parse(literal[1]));
      return {
        contents:
          'let text;\nmodule.exports = { get SPDX_TEXT_INDEX() { return (text ??= ' +
          "require('node:fs').readFileSync(require('node:path').join(__dirname, " +
          "'spdx-texts.json'), 'utf8')); } };\n",
        loader: 'js',
      };
    });
  },
};

/**
 * The version the server reports (server/src/version.ts), written into every bundle that has it
 * (the browser ones too, scripts/build.mjs): no bundle reads or carries package.json for it.
 */
/**
 * The CycloneDX JSON schemas (server/src/service/formats/cyclonedx/schemas/) enter the bundles
 * without their annotations (`description`, `title`, `examples`, `$comment`, `meta:enum`): ajv
 * does not use them for validation, they are most of the schemas' size, and their prose ("a
 * process (such as …)") would read as Node globals to the browser bundles' check
 * (scripts/build.mjs). Property and definition names are kept, whatever they are called.
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
export const cyclonedxSchemas = {
  name: 'cyclonedx-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]cyclonedx[\\/]schemas[\\/][^\\/]+\.json$/ }, (args) => ({
      contents: JSON.stringify(withoutAnnotations(JSON.parse(readFileSync(args.path, 'utf8')))),
      loader: 'json',
    }));
  },
};

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
    plugins: [yamlEsm, lazyBuiltins, spdxIndexFile, cyclonedxSchemas],
  };
}
