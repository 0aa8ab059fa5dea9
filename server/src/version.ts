/**
 * The version the server reports at `initialize`: package.json's, written into the bundles by the
 * build (`define` in scripts/build.mjs and scripts/bundleOptions.mjs), so that no bundle carries
 * package.json. Run from source (tests under tsx), it is read from package.json.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- run from source it reads package.json */
declare const OSAI_VERSION: string | undefined;

export const SERVER_VERSION: string =
  typeof OSAI_VERSION === 'string' ? OSAI_VERSION : (require('../../package.json') as { version: string }).version;
