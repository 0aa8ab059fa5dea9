/**
 * Marketplace readiness of the extension package: the icon, the links to the repository, the
 * changelog entry for the version, and the files `vsce` packages (what .vscodeignore lets in).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

interface PackageJson {
  name: string;
  version: string;
  publisher: string;
  icon?: string;
  repository?: unknown;
  bugs?: unknown;
  homepage?: string;
  galleryBanner?: { color: string; theme: string };
  qna?: unknown;
  scripts: Record<string, string>;
  contributes: { walkthroughs?: Array<{ steps: Array<{ media: { markdown?: string } }> }> };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Width, height and colour type from a PNG's first chunk, which must be IHDR. */
function pngHeader(png: Buffer): { width: number; height: number; colorType: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
  assert.equal(png.readUInt32BE(8), 13, 'IHDR is 13 bytes long');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR', 'the first chunk is IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png.readUInt8(25) };
}

describe('marketplace fields', () => {
  test('the icon is a square PNG of 256×256 pixels with an alpha channel', () => {
    assert.equal(pkg.icon, 'media/icon.png');
    const png = readFileSync(join(ROOT, pkg.icon));
    // The Marketplace wants at least 128×128 and no SVG; scripts/icon.ts renders media/icon.svg at 256×256.
    assert.deepEqual(pngHeader(png), { width: 256, height: 256, colorType: 6 });
  });

  test('the repository, where to report bugs, the home page, the banner', () => {
    assert.deepEqual(pkg.repository, { type: 'git', url: 'https://github.com/osai-tools/osai-manifest' });
    assert.deepEqual(pkg.bugs, { url: 'https://github.com/osai-tools/osai-manifest/issues' });
    assert.equal(pkg.homepage, 'https://github.com/osai-tools/osai-manifest#readme');
    assert.deepEqual(pkg.galleryBanner, { color: '#17321b', theme: 'dark' });
    assert.equal(pkg.qna, false, 'questions go to the issues, not to an unwatched Q&A tab');
    assert.doesNotMatch(pkg.scripts.package, /--allow-missing-repository/, 'the package names its repository now');
  });

  test('CHANGELOG.md has a dated section for the version in package.json, with entries', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    assert.equal(changelog.split('\n')[0], '# Changelog');
    const heading = `## [${pkg.version}] - `;
    const start = changelog.split('\n').findIndex((l) => l.startsWith(heading));
    assert.ok(start >= 0, `CHANGELOG.md has a "${heading}YYYY-MM-DD" section`);
    const lines = changelog.split('\n');
    assert.match(lines[start].slice(heading.length), /^\d{4}-\d{2}-\d{2}$/, 'the section is dated');
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    const section = lines.slice(start + 1, end < 0 ? undefined : end);
    assert.ok(
      section.some((l) => l.startsWith('### ')),
      'the section has a Keep a Changelog group (### Added, …)',
    );
    assert.ok(section.filter((l) => l.startsWith('- ')).length >= 5, 'and entries');
    assert.ok(
      changelog.includes(`\n[${pkg.version}]: https://github.com/osai-tools/osai-manifest/`),
      'the version links to the repository',
    );
  });
});

describe('the packaged files (vsce ls)', () => {
  test('exactly what VS Code loads: the manifest, docs, icon, walkthrough pages, bundles, schemas, grammar', () => {
    // `npm run package`'s flags that `vsce ls` also takes (it lists what `vsce package` packs).
    const packageFlags = /\bvsce package (.*?)(?:&&|$)/.exec(pkg.scripts.package)?.[1].trim().split(/\s+/) ?? [];
    const lsFlags = packageFlags.filter((f) =>
      ['--no-dependencies', '--dependencies', '--yarn', '--no-yarn', '--follow-symlinks'].includes(f),
    );
    assert.deepEqual(lsFlags, ['--no-dependencies'], `the package script is ${JSON.stringify(pkg.scripts.package)}`);
    const r = spawnSync(process.execPath, [VSCE, 'ls', ...lsFlags], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, `vsce ls failed: ${r.stderr}`);
    const listed = r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'client/out/browser.js',
      'client/out/extension.js',
      'language-configuration.json',
      'media/icon.png',
      'media/walkthrough/create-manifest.md',
      'media/walkthrough/export-report.md',
      'media/walkthrough/fix-finding.md',
      'media/walkthrough/open-checklist.md',
      'package.json',
      'schemas/mof-model.schema.json',
      'schemas/osai-manifest.schema.json',
      'server/out/browser-server.js',
      'server/out/bundles.json',
      'server/out/cyclonedx-schemas.json',
      'server/out/server-main.js',
      'server/out/server.js',
      'server/out/spdx-texts.json',
      'syntaxes/osai-manifest.tmLanguage.json',
    ];
    const unbuilt = expected.filter((f) => f.includes('/out/') && !existsSync(join(ROOT, f)));
    assert.deepEqual(
      listed,
      expected,
      unbuilt.length > 0 ? `not built yet (npm run build): ${unbuilt.join(', ')}` : 'see .vscodeignore',
    );
  });

  test('every walkthrough page package.json names is packaged', () => {
    const pages = (pkg.contributes.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.media.markdown));
    assert.deepEqual(
      pages,
      ['create-manifest', 'fix-finding', 'open-checklist', 'export-report'].map((p) => `media/walkthrough/${p}.md`),
    );
    for (const page of pages) assert.ok(existsSync(join(ROOT, page!)), `${page} exists`);
  });
});
