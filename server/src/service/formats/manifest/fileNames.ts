/** The language id of OSAID manifests in VS Code. */
export const MANIFEST_LANGUAGE_ID = 'osai-manifest';

/** `osai.yaml`, `osai.yml`, `*.osai.yaml`, `*.osai.yml` (as in the extension's language contribution). */
export function isManifestFileName(path: string): boolean {
  const name = path.replace(/[?#].*$/, '').replace(/^.*[\\/]/, '');
  return /^(?:.+\.)?osai\.ya?ml$/i.test(name);
}
