/**
 * Checks the packaged .vsix (a zip) holds only what VS Code loads, and stays small: no
 * sources, tests, node_modules or source maps. Used by the offline launcher before it
 * installs the .vsix.
 */
import { readFileSync, statSync } from 'node:fs';

export const VSIX_MAX_BYTES = 1024 * 1024;

/** Paths allowed in the .vsix. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/media\/icon\.png$/,
  /^extension\/media\/walkthrough\/[\w.-]+\.(md|svg|png)$/,
  /^extension\/LICENSE(\.txt)?$/i,
  /^extension\/client\/out\/extension\.js$/,
  /^extension\/client\/out\/browser\.js$/,
  /^extension\/server\/out\/browser-server\.js$/,
  /^extension\/server\/out\/server\.js$/,
  /^extension\/server\/out\/server-main\.js$/,
  /^extension\/server\/out\/bundles\.json$/,
  /^extension\/server\/out\/spdx-texts\.json$/,
  /^extension\/server\/out\/cyclonedx-schemas\.json$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/language-configuration\.json$/,
];
const REQUIRED = [
  'extension/package.json',
  'extension/client/out/extension.js',
  'extension/server/out/server.js',
  'extension/server/out/server-main.js',
  'extension/server/out/bundles.json',
  'extension/language-configuration.json',
  // The license-text index and the CycloneDX schemas the server reads on first use (scripts/bundleOptions.mjs).
  'extension/server/out/spdx-texts.json',
  'extension/server/out/cyclonedx-schemas.json',
  // VS Code for the Web, the Marketplace page and the Get Started walkthrough.
  'extension/client/out/browser.js',
  'extension/server/out/browser-server.js',
  'extension/media/icon.png',
  'extension/media/walkthrough/create-manifest.md',
  'extension/media/walkthrough/fix-finding.md',
  'extension/media/walkthrough/open-checklist.md',
  'extension/media/walkthrough/export-report.md',
];

/** File names in a zip, from its central directory. */
export function zipEntries(file: string): string[] {
  const zip = readFileSync(file);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Throws with every problem found; returns a one-line description otherwise. */
export function checkVsix(file: string): string {
  const size = statSync(file).size;
  const entries = zipEntries(file).filter((e) => !e.endsWith('/'));
  const problems: string[] = [];
  if (size >= VSIX_MAX_BYTES) problems.push(`it is ${(size / 1024).toFixed(0)} KB, over the 1 MB target`);
  const unexpected = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
  if (unexpected.length > 0)
    problems.push(`it holds files that do not belong (see .vscodeignore): ${unexpected.join(', ')}`);
  const missing = REQUIRED.filter((e) => !entries.includes(e));
  if (missing.length > 0) problems.push(`it lacks ${missing.join(', ')}`);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return `${entries.length} files, ${(size / 1024).toFixed(1)} KB`;
}
