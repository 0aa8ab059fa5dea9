// esbuild options of the Node bundles, shared by the build (build.mjs) and the benchmark, which measures the service as bundled (bench/shipped.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Node bundles take the YAML library's ES module build (the one its package.json gives
 * browsers), not its CommonJS one. Bundled from CommonJS, every `isMap`, `isScalar`, … our
 * code calls goes through an interop getter, and the parser reads `process.env.LOG_TOKENS`
 * for every token (a debugging switch, ~300 ns a read); the ES build has neither, so esbuild
 * binds the functions directly. The code is otherwise the same (the ES build logs warnings
 * with console.warn): a parse is 10–20% faster, our rules walk ~40%.
 */
const require = createRequire(import.meta.url);
const YAML_ESM = join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');
const yamlEsm = {
  name: 'yaml-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_ESM }));
  },
};

/** @param {{ production?: boolean }} options */
export function nodeBundle({ production = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    plugins: [yamlEsm],
  };
}
