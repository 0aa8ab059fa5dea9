/**
 * The hostile-input section's measurements: the worst cases at the size limit and just under
 * the token budget, each family measured in a fresh `node --expose-gc` child that runs this
 * file (`--hostile-family <id>`), so that one family's garbage never counts against the next.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Lexer, parseDocument } from 'yaml';
import { getLanguageService } from '../../server/src/service';
import {
  DEFAULT_MAX_FILE_SIZE,
  MAX_NESTING_DEPTH,
  MAX_YAML_TOKENS,
  yamlWork,
} from '../../server/src/service/yaml/parse';
import { median } from './stats';

const ROOT = join(__dirname, '..', '..');

interface HostileFamily {
  id: string;
  label: string;
  uri: string;
  languageId: string;
  text: () => string;
}

/** Lines from `line(i)` for i = 0, 1, … while the text stays within `limit` characters. */
function fill(head: string, line: (i: number) => string, limit = DEFAULT_MAX_FILE_SIZE, tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length > limit) break;
    parts.push(next);
    size += next.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** The deepest flow nesting the guard accepts on a `key: value` line (the mapping is one level). */
const DEEPEST = MAX_NESTING_DEPTH - 1;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Nine levels of ten aliases: 10^9 values once expanded ("billion laughs"). */
function aliasBombLines(): string {
  const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < 9; i++)
    levels.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  return levels.join('\n') + '\n';
}

/**
 * Deterministic random bytes decoded as UTF-8 the way an editor opens them (invalid bytes become U+FFFD), cut to
 * `limit` UTF-8 bytes.
 */
function junk(limit: number): string {
  let seed = 7;
  const bytes = Buffer.alloc(limit);
  for (let i = 0; i < limit; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = (seed >> 16) & 0xff;
  }
  let text = bytes.toString('utf8');
  while (Buffer.byteLength(text) > limit) text = text.slice(0, Math.floor(text.length * 0.999));
  return text;
}

/** The YAML lexer's token count: what the parser's budget counts. */
function tokens(text: string): number {
  let count = 0;
  for (const _ of new Lexer().lex(text)) count++;
  return count;
}

/** `head`, as many `line(i)` as keep the text within the token budget (and the size limit), then `tail`. */
function underBudget(head: string, line: (i: number) => string, tail = ''): string {
  const build = (n: number) => head + Array.from({ length: n }, (_, i) => line(i)).join('') + tail;
  let low = 0;
  let high = 1;
  while (tokens(build(high)) <= MAX_YAML_TOKENS && build(high).length <= DEFAULT_MAX_FILE_SIZE) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const text = build(mid);
    if (tokens(text) <= MAX_YAML_TOKENS && text.length <= DEFAULT_MAX_FILE_SIZE) low = mid;
    else high = mid;
  }
  return build(low);
}

const MANIFEST_URI = 'file:///bench/hostile/osai.yaml';
const ITEMS = 1_000_000;
export const budget = `${MAX_YAML_TOKENS.toLocaleString('en-US')} tokens`;

export const HOSTILE_FAMILIES: readonly HostileFamily[] = [
  // At the size limit: refused by a guard.
  {
    id: 'nesting-under',
    label: `flow nesting ${DEEPEST} deep on every line, 4 MiB (over the token budget)`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => fill('osaid: "1.0"\n', (i) => `k${i}: ${nested(DEEPEST)}\n`),
  },
  {
    id: 'nesting-over',
    label: `one line of ${DEEPEST + 1} flow levels in a mapping: ${DEEPEST + 2} collections (over the nesting guard)`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => `osaid: "1.0"\nlast: ${nested(DEEPEST + 1)}\n`,
  },
  {
    id: 'alias-bomb',
    label: 'alias bomb (10^9 values), padded with aliases to 4 MiB',
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => fill(`osaid: "1.0"\n${aliasBombLines()}`, (i) => `x${i}: *i\n`),
  },
  {
    id: 'alias-bomb-mof',
    label: 'the same alias bomb in a MOF-looking `.yml`',
    uri: 'file:///bench/hostile/model.yml',
    languageId: 'yaml',
    text: () => fill(`framework:\n  name: Model Openness Framework\n${aliasBombLines()}`, (i) => `x${i}: *i\n`),
  },
  {
    id: 'long-list',
    label: `${ITEMS.toLocaleString('en-US')}-item list (each item a type error)`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => `osaid: "1.0"\ncode:\n  supporting_libraries: [${Array(ITEMS).fill('1').join(',')}]\n`,
  },
  {
    id: 'blank-lines',
    label: '4 MiB of blank lines',
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => `osaid: "1.0"\n${'\n'.repeat(DEFAULT_MAX_FILE_SIZE - 13)}`,
  },
  // Just under the token budget: parsed and checked in full (the worst accepted cases).
  {
    id: 'tags-under',
    label: `a list of tagged items \`- !t 1\`, just under ${budget}`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => underBudget('osaid: "1.0"\nx-items:\n', () => '  - !t 1\n'),
  },
  {
    id: 'nesting-budget',
    label: `flow nesting ${DEEPEST} deep on every line, just under ${budget}`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => underBudget('osaid: "1.0"\n', (i) => `k${i}: ${nested(DEEPEST)}\n`),
  },
  {
    id: 'alias-budget',
    label: `the alias bomb padded with aliases, just under ${budget}`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => underBudget(`osaid: "1.0"\n${aliasBombLines()}`, (i) => `x${i}: *i\n`),
  },
  {
    id: 'unknown-keys',
    label: `unknown keys in one mapping, just under ${budget}`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => underBudget('osaid: "1.0"\n', (i) => `k${i}: 1\n`),
  },
  {
    id: 'type-errors',
    label: `a list whose every item is a type error, just under ${budget}`,
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => underBudget('osaid: "1.0"\ncode:\n  supporting_libraries: [', () => '1,', ']\n'),
  },
  // Few tokens, many characters.
  {
    id: 'long-key',
    label: 'one 1 MiB key',
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => `osaid: "1.0"\n${'k'.repeat(1024 * 1024)}: 1\n`,
  },
  {
    id: 'long-line',
    label: 'one 4 MiB line',
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => `osaid: "${'x'.repeat(DEFAULT_MAX_FILE_SIZE - 9)}"`,
  },
  {
    id: 'binary',
    label: 'binary junk (random bytes, decoded as an editor does)',
    uri: MANIFEST_URI,
    languageId: 'osai-manifest',
    text: () => junk(DEFAULT_MAX_FILE_SIZE),
  },
  {
    id: 'card-body',
    label: 'model card with a 4 MiB body',
    uri: 'file:///bench/hostile/README.md',
    languageId: 'markdown',
    text: () =>
      fill(
        '---\nlicense: apache-2.0\ndatasets:\n  - allenai/dolma\nlibrary_name: transformers\n---\n# Model\n\n',
        (i) => `## Section ${i}\n\nSome text with a [link](https://example.com/${i}) and \`code\`.\n\n`,
      ),
  },
];

export interface HostileRow {
  id: string;
  label: string;
  chars: number;
  tokens: number;
  kind: string;
  diagnostics: number;
  firstCode: string;
  symbols: number;
  ms: number;
  bare?: number;
  rssMb: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * One family, in this process (run in a child per family, so each starts from the same
 * memory): the text is generated first, then `parse + doValidation + findDocumentSymbols` of
 * a new document version three times; the median time, and the resident memory's growth over
 * the baseline taken after a full GC (the peak of the samples taken after each run).
 */
export function measureHostile(family: HostileFamily): HostileRow {
  const text = family.text();
  const service = getLanguageService();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const samples: number[] = [];
  let last: { kind: string; diagnostics: number; firstCode: string; symbols: number; tokens: number } | undefined;
  for (let run = 1; run <= 3; run++) {
    const tokensBefore = yamlWork.tokens;
    const start = performance.now();
    const parsed = service.parse(TextDocument.create(family.uri, family.languageId, run, text));
    const diagnostics = service.doValidation(parsed);
    const symbols = service.findDocumentSymbols(parsed);
    samples.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().rss);
    last = {
      kind: parsed.kind,
      diagnostics: diagnostics.length,
      firstCode: String(diagnostics[0]?.code ?? '–'),
      symbols: countSymbols(symbols),
      tokens: yamlWork.tokens - tokensBefore,
    };
  }
  // The floor, once (after the memory samples): the YAML parser alone, without its quadratic duplicate-key check (as
  // the service parses).
  let bare: number | undefined;
  if (family.languageId !== 'markdown') {
    const start = performance.now();
    parseDocument(text, { uniqueKeys: false });
    bare = performance.now() - start;
  }
  return {
    id: family.id,
    label: family.label,
    chars: text.length,
    ...last!,
    ms: median(samples),
    bare,
    rssMb: mb(peak - before),
  };
}

function countSymbols(symbols: ReadonlyArray<{ children?: unknown[] }>): number {
  return symbols.reduce((n, s) => n + 1 + countSymbols((s.children ?? []) as Array<{ children?: unknown[] }>), 0);
}

/** Every family, each in a fresh `node --expose-gc` child (a family's garbage must not count against the next). */
export function hostileRows(): HostileRow[] {
  return HOSTILE_FAMILIES.map((family) => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', __filename, '--hostile-family', family.id],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{'))
      throw new Error(`hostile family ${family.id} failed (exit ${child.status}): ${child.stderr}`);
    process.stderr.write(`  ${family.id}: ${line}\n`);
    return JSON.parse(line) as HostileRow;
  });
}

// A child measuring one family (see hostileRows).
if (require.main === module) {
  const familyAt = process.argv.indexOf('--hostile-family');
  const family = HOSTILE_FAMILIES.find((x) => x.id === process.argv[familyAt + 1]);
  if (familyAt < 0 || !family) throw new Error(`no hostile family ${process.argv[familyAt + 1]}`);
  console.log(JSON.stringify(measureHostile(family)));
}
