/**
 * Data files the browser server does not carry in its bundle (the SPDX license-text index, the
 * CycloneDX schemas): its client reads them beside the bundle and hands them over in the
 * worker's first message (client/src/browserExtension.ts, `WORKER_RESOURCES`), before any LSP
 * message. The browser bundle reads them here (scripts/bundleOptions.mjs); the Node bundles
 * read the same files from disk.
 */
const resources = new Map<string, string>();

export function installResources(given: Readonly<Record<string, unknown>>): void {
  for (const [name, text] of Object.entries(given)) if (typeof text === 'string') resources.set(name, text);
}

export function bundledResource(name: string): string {
  const text = resources.get(name);
  if (text === undefined) throw new Error(`${name} was not handed to the language server by its client`);
  return text;
}
