/** The file names a manifest goes by (the same list as the extension's language contribution). */
export const MANIFEST_FILE_PATTERNS = ['osai.yaml', 'osai.yml', '*.osai.yaml', '*.osai.yml'] as const;

export function isManifestFileName(path: string): boolean {
  const name = path.replace(/^.*[\\/]/, '');
  return /^(?:.+\.)?osai\.ya?ml$/i.test(name);
}
