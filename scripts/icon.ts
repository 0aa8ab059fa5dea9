/**
 * Renders the extension's icon, media/icon.svg (kept in the repository, not shipped), to
 * media/icon.png (shipped, package.json `icon`): 256×256, transparent outside the shield, with
 * Debian's Chromium (/usr/bin/chromium, or OSAI_CHROMIUM) driven by playwright-core.
 *
 *   npm run icon
 *
 * Run it after editing the SVG and commit both files (test/cli/package.test.ts checks the PNG's
 * size, read from its IHDR chunk).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ICON_SIZE = 256;
const ROOT = resolve(__dirname, '..');
const SVG = join(ROOT, 'media', 'icon.svg');
const PNG = join(ROOT, 'media', 'icon.png');

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the signature). */
export function pngSize(png: Buffer): { width: number; height: number; colorType: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 33 || !png.subarray(0, 8).equals(signature)) throw new Error('not a PNG file');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('the PNG does not start with an IHDR chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png.readUInt8(25) };
}

async function main(): Promise<void> {
  const executablePath = process.env.OSAI_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium is not at ${executablePath}: apt-get install chromium, or set OSAI_CHROMIUM`);
  const svg = readFileSync(SVG, 'utf8');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: ICON_SIZE, height: ICON_SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    const { width, height } = pngSize(png);
    if (width !== ICON_SIZE || height !== ICON_SIZE)
      throw new Error(`rendered ${width}×${height}, expected ${ICON_SIZE}×${ICON_SIZE}`);
    writeFileSync(PNG, png);
    console.log(`wrote ${PNG.slice(ROOT.length + 1)}: ${width}×${height}, ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
