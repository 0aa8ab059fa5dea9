/** The file names a manifest goes by (the same list as the extension's language contribution). */
export const MANIFEST_FILE_PATTERNS = ['osai.yaml', 'osai.yml', '*.osai.yaml', '*.osai.yml'] as const;

/** The language id of OSAID manifests in VS Code. */
export const MANIFEST_LANGUAGE_ID = 'osai-manifest';

export function isManifestFileName(path: string): boolean {
  const name = path.replace(/[?#].*$/, '').replace(/^.*[\\/]/, '');
  return /^(?:.+\.)?osai\.ya?ml$/i.test(name);
}
