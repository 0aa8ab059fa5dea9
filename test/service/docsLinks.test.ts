/**
 * The documentation's links hold: every relative link and image in README.md, BENCHMARKS.md and
 * docs/*.md points to a file or folder of the repository, and every `#anchor` (on the same page,
 * or `page.md#anchor`) is a heading of that page, slugged as GitHub does. Links to http(s) and
 * mailto addresses are not followed. Also: README.md stays short (under 200 lines) and links
 * every page of docs/.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../helpers';

export interface Link {
  target: string;
  line: number;
  image: boolean;
}

/**
 * The text with fenced code blocks and inline code spans blanked out (same length, same lines), so that their contents
 * are not read as links or headings.
 */
export function withoutCode(text: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  const lines = text.split('\n');
  let fence: string | undefined;
  const out = lines.map((line) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      if (open) {
        fence = open[1];
        return blank(line);
      }
      return line;
    }
    if (open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = undefined;
    return blank(line);
  });
  // Inline code: a run of backticks up to the next run of the same length, within a paragraph.
  return out.join('\n').replace(/(`+)(?:(?!\1)[^\n]|\n(?![ \t]*\n))+?\1(?!`)/g, (m) => blank(m));
}

/** Links, images and link reference definitions of a Markdown text, with their line (1-based). */
export function linksOf(markdown: string): Link[] {
  const text = withoutCode(markdown);
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const links: Link[] = [];
  const inline = /(!?)\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
  for (const m of text.matchAll(inline))
    links.push({ target: m[2].replace(/^<|>$/g, ''), line: lineAt(m.index!), image: m[1] === '!' });
  for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm))
    links.push({ target: m[1].replace(/^<|>$/g, ''), line: lineAt(m.index!), image: false });
  for (const m of text.matchAll(/<(img|a)\b[^>]*?\b(src|href)\s*=\s*("[^"]*"|'[^']*')/gi))
    links.push({ target: m[3].slice(1, -1), line: lineAt(m.index!), image: m[1].toLowerCase() === 'img' });
  return links.sort((a, b) => a.line - b.line);
}

/**
 * GitHub's heading anchor (github-slugger): lowercase, punctuation other than `-` and `_` removed, each space a `-`.
 */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link or image in a heading: its text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/[`*]/g, '') // code and emphasis markers are not part of the rendered text
    .trim();
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The anchors of a Markdown page: its ATX headings' slugs (a repeated slug gets `-1`, `-2`, …), and `id`/`name`
 * attributes of HTML.
 */
export function anchorsOf(markdown: string): Set<string> {
  const text = withoutCode(markdown);
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const m of markdown.split('\n').map((line, i) => ({ line, blanked: text.split('\n')[i] }))) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(m.blanked);
    if (!heading) continue;
    // The heading's own text (code spans included), taken from the unblanked line.
    const own = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(m.line)![1];
    const base = slug(own);
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    anchors.add(seen === 0 ? base : `${base}-${seen}`);
  }
  for (const m of text.matchAll(/<[a-z]+\b[^>]*?\b(?:id|name)\s*=\s*("[^"]*"|'[^']*')/gi))
    anchors.add(m[1].slice(1, -1));
  return anchors;
}

/** How the checker sees the files: the real file system, or a made-up one in the checker's own tests. */
export interface Files {
  read(path: string): string;
  exists(path: string): boolean;
  isFile(path: string): boolean;
}
const DISK: Files = { read: (p) => readFileSync(p, 'utf8'), exists: existsSync, isFile: (p) => statSync(p).isFile() };

/** What is wrong with the links of `file` (a path under `root`), one line each: `file:line: …`. */
export function brokenLinks(root: string, file: string, files: Files = DISK): string[] {
  const problems: string[] = [];
  const markdown = files.read(file);
  const here = relative(root, file).split(sep).join('/');
  for (const link of linksOf(markdown)) {
    const where = `${here}:${link.line}: ${link.image ? 'image' : 'link'} ${link.target}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) {
      if (!/^(https?|mailto):/i.test(link.target)) problems.push(`${where}: a scheme other than http(s) or mailto`);
      continue;
    }
    const hash = link.target.indexOf('#');
    const pathPart = (hash >= 0 ? link.target.slice(0, hash) : link.target).replace(/\?.*$/, '');
    const anchor = hash >= 0 ? link.target.slice(hash + 1) : undefined;
    let path: string;
    try {
      path = decodeURIComponent(pathPart);
    } catch {
      problems.push(`${where}: not a valid percent-encoded path`);
      continue;
    }
    const target = path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
    const inRepo = relative(root, target);
    if (inRepo.startsWith('..') || resolve(root, inRepo) !== target) {
      problems.push(`${where}: outside the repository`);
      continue;
    }
    if (!files.exists(target)) {
      problems.push(`${where}: ${inRepo.split(sep).join('/')} does not exist`);
      continue;
    }
    if (anchor === undefined) continue;
    if (anchor === '') {
      problems.push(`${where}: an empty anchor`);
      continue;
    }
    if (!target.endsWith('.md') || !files.isFile(target)) continue; // line anchors of source files (#L10) are GitHub's
    const anchors = anchorsOf(target === file ? markdown : files.read(target));
    let wanted: string;
    try {
      wanted = decodeURIComponent(anchor);
    } catch {
      wanted = anchor;
    }
    if (!anchors.has(wanted))
      problems.push(`${where}: no heading #${wanted} in ${inRepo.split(sep).join('/') || here}`);
  }
  return problems;
}

const DOCS = join(ROOT, 'docs');
const PAGES = [
  join(ROOT, 'README.md'),
  join(ROOT, 'BENCHMARKS.md'),
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(DOCS, f)),
];

describe('documentation links', () => {
  for (const page of PAGES) {
    const name = relative(ROOT, page).split(sep).join('/');
    test(`${name}: every relative link and image exists, every anchor is a heading`, () => {
      const problems = brokenLinks(ROOT, page);
      assert.deepEqual(problems, [], `${name} has broken links:\n${problems.join('\n')}`);
    });
  }

  test('README.md is under 200 lines', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\n$/, '').split('\n').length;
    assert.ok(lines < 200, `README.md has ${lines} lines: move the detail to docs/`);
  });

  test('README.md links every page of docs/', () => {
    const linked = new Set(
      linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target.replace(/#.*$/, '')),
    );
    const pages = readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`);
    assert.deepEqual(
      pages.filter((p) => !linked.has(p)),
      [],
      'pages of docs/ that README.md does not link',
    );
  });
});

describe('the link checker itself', () => {
  test('slugs as GitHub does', () => {
    assert.equal(slug("How our verdicts compare with OSI's"), 'how-our-verdicts-compare-with-osis');
    assert.equal(slug('Emacs (Eglot)'), 'emacs-eglot');
    assert.equal(slug('`osai-check` and `--format sarif`'), 'osai-check-and---format-sarif');
    assert.equal(slug('A complete workflow: code scanning'), 'a-complete-workflow-code-scanning');
    assert.equal(slug('Data — the snake_case keys'), 'data--the-snake_case-keys');
    assert.equal(slug('Über [links](x.md) 2.0'), 'über-links-20');
  });

  test('repeated headings get -1, -2; headings in code blocks are not headings', () => {
    const anchors = anchorsOf(
      '# Title\n\n## Usage\n\n```sh\n# not a heading\n```\n\n## Usage\n\n### Usage ##\n\n<a id="custom"></a>\n',
    );
    assert.deepEqual([...anchors].sort(), ['custom', 'title', 'usage', 'usage-1', 'usage-2']);
  });

  test('finds what is broken, and nothing else', () => {
    const root = join(sep, 'repo');
    const pages: Record<string, string> = {
      [join(root, 'README.md')]: [
        '# Page',
        '## A section',
        '[ok](#a-section) [ok](docs/a.md) [ok](docs/a.md#the-a-page) ' +
          '[ok](docs/) ![ok](docs/images/x.png "title") [ok](https://example.com/x.md#nope)',
        '[missing file](docs/nope.md) ![missing image](docs/images/nope.png) [missing anchor](#nope)',
        '[missing anchor elsewhere](docs/a.md#nope) [outside](../outside.md) [ok](LICENSE#L3)',
        '`[in code](nope.md)` and ``[in `code`](nope.md)``',
        '```md',
        '[in a block](nope.md)',
        '```',
        '[ref]: docs/also-nope.md',
        '<img src="docs/images/html.png" alt="an HTML image">',
      ].join('\n'),
      [join(root, 'docs', 'a.md')]: '# The A page\n\n[back](../README.md#a-section) [bad](../README.md#the-a-page)\n',
      [join(root, 'docs', 'images', 'x.png')]: '',
      [join(root, 'LICENSE')]: '',
    };
    const files: Files = {
      read: (p) => pages[p] ?? assert.fail(`read ${p}`),
      exists: (p) => p in pages || Object.keys(pages).some((f) => f.startsWith(p + sep)),
      isFile: (p) => p in pages,
    };
    assert.deepEqual(brokenLinks(root, join(root, 'README.md'), files), [
      'README.md:4: link docs/nope.md: docs/nope.md does not exist',
      'README.md:4: image docs/images/nope.png: docs/images/nope.png does not exist',
      'README.md:4: link #nope: no heading #nope in README.md',
      'README.md:5: link docs/a.md#nope: no heading #nope in docs/a.md',
      'README.md:5: link ../outside.md: outside the repository',
      'README.md:10: link docs/also-nope.md: docs/also-nope.md does not exist',
      'README.md:11: image docs/images/html.png: docs/images/html.png does not exist',
    ]);
    assert.deepEqual(brokenLinks(root, join(root, 'docs', 'a.md'), files), [
      'docs/a.md:3: link ../README.md#the-a-page: no heading #the-a-page in README.md',
    ]);
  });
});
