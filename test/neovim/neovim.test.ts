/**
 * Headless Neovim as the LSP client: the configuration of docs/editors.md for the Neovim found
 * (0.7–0.10, or 0.11 and later), written to a temporary init.lua, starts `osai-language-server`
 * (the package bin, found on PATH like after `npm install -g .`) for copies of the examples; the
 * test asserts what Neovim received — `vim.diagnostic.get()` of each buffer, exactly — and what
 * hover, code lens and code actions give through Neovim. Needs `nvim` (Debian 12: 0.7.2, which
 * `npm test` installs) or OSAI_NVIM=/path/to/nvim, e.g. a 0.11 build for the newer configuration. OSAI_NVIM_KEEP=1
 * keeps the temporary folder (it is
 * kept anyway when the Neovim run fails); OSAI_NVIM_TIMEOUT_MS bounds the run (60 000).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { ROOT, service } from '../helpers';

const NVIM = process.env.OSAI_NVIM || 'nvim';
/** The whole Neovim run (startup, server, every request) must end within this, or it is killed. */
const RUN_TIMEOUT_MS = Number(process.env.OSAI_NVIM_TIMEOUT_MS) || 60_000;
/** Each wait inside Neovim (diagnostics, code lens, a request) gives up after this. */
const WAIT_MS = 15_000;

const LLAMA = 'manifests/llama-style.osai.yaml';
const MISSING = 'manifests/missing-data-information.osai.yaml';
const CLEAN = 'manifests/release/osai.yaml';
const FILES = [LLAMA, MISSING, CLEAN];
const SOURCES: Record<string, string> = {
  [LLAMA]: 'llama-style.osai.yaml',
  [MISSING]: 'missing-data-information.osai.yaml',
  [CLEAN]: 'olmo-7b.osai.yaml',
};

/** What drive.lua writes: everything Neovim holds after the session. */
interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface NvimFile {
  name: string;
  filetype: string;
  clients: string[];
  serverPullsDiagnostics: boolean;
  reports: number;
  diagnostics: NvimDiagnostic[];
  codeLens: Array<{ line: number; title: string | null }>;
}
interface NvimResult {
  error?: string;
  version: { major: number; minor: number; patch: number };
  files: NvimFile[];
  hover: MarkupContent | null;
  codeActions: string[];
  afterFix?: { title: string; text: string; diagnostics: NvimDiagnostic[]; version: number };
  logPath: string;
  messages: string;
}

interface Version {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/** `nvim --version`, or a clear error when there is no usable Neovim. */
function nvimVersion(): Version | Error {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error) {
    return new Error(
      `cannot run Neovim (\`${NVIM}\`: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}). ` +
        'Install it — Debian/Ubuntu: `apt-get install -y neovim` (npm test does) — or set OSAI_NVIM=/path/to/nvim.',
    );
  }
  const m = /^NVIM v(\d+)\.(\d+)\.(\d+)/m.exec(r.stdout ?? '');
  if (r.status !== 0 || !m)
    return new Error(`\`${NVIM} --version\` did not print a Neovim version (exit ${r.status}): ${r.stdout}${r.stderr}`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text: m[0] };
}

const version = nvimVersion();
/** Neovim 0.11 brought `vim.lsp.config`/`vim.lsp.enable`; docs/editors.md gives one configuration before, one after. */
const modern = !(version instanceof Error) && (version.major > 0 || version.minor >= 11);

/**
 * The documented configuration for the Neovim found: the ```lua block of docs/editors.md's
 * "Neovim" section that uses `vim.lsp.start_client` (0.7–0.10) or `vim.lsp.config` (0.11+).
 */
const CONFIG_PAGE = join('docs', 'editors.md');
const CONFIG_MARK = modern ? 'vim.lsp.config(' : 'vim.lsp.start_client';
function documentedNeovimConfig(): string {
  const page = readFileSync(join(ROOT, CONFIG_PAGE), 'utf8');
  const section = page.slice(page.indexOf('\n### Neovim\n'), page.indexOf('\n### Helix\n'));
  assert.ok(
    page.includes('\n### Neovim\n') && section.length > 0,
    `${CONFIG_PAGE} has a "Neovim" section before "Helix"`,
  );
  const blocks = [...section.matchAll(/```lua\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((b) => b.includes(CONFIG_MARK));
  assert.equal(blocks.length, 1, `${CONFIG_PAGE} has one \`\`\`lua block with ${CONFIG_MARK} in its "Neovim" section`);
  const block = blocks[0];
  assert.ok(
    block.includes("cmd = { 'osai-language-server', '--stdio' }"),
    `the Neovim configuration of ${CONFIG_PAGE} no longer starts \`osai-language-server ` +
      `--stdio\`; this test puts that command on PATH`,
  );
  return block;
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** Runs Neovim in its own process group, so that a hung run is killed together with the server it started. */
function runNvim(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(NVIM, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => {
      stdout += String(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += String(b);
    });
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup('SIGKILL'); // the language server, should it outlive Neovim
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
/** `severity code line:col-line:col`, 0-based lines and byte columns as Neovim keeps them. */
const brief = (d: NvimDiagnostic): string =>
  `${SEVERITY[d.severity]} ${d.code} ${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col}`;
const sortDiagnostics = (list: NvimDiagnostic[]): NvimDiagnostic[] =>
  [...list].sort(
    (a, b) => a.lnum - b.lnum || a.col - b.col || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );

/** The server's own answer for a text, converted the way Neovim stores diagnostics (UTF-16 → byte columns). */
function expectedFromService(path: string, text: string): NvimDiagnostic[] {
  const document = TextDocument.create(pathToFileURL(path).toString(), 'yaml.osai', 1, text);
  const lines = text.split('\n');
  const byteCol = (line: number, character: number): number =>
    Buffer.byteLength((lines[line] ?? '').slice(0, character), 'utf8');
  return service.doValidation(service.parse(document)).map((d: Diagnostic) => ({
    lnum: d.range.start.line,
    col: byteCol(d.range.start.line, d.range.start.character),
    end_lnum: d.range.end.line,
    end_col: byteCol(d.range.end.line, d.range.end.character),
    severity: d.severity ?? 1,
    code: String(d.code),
    source: String(d.source),
    message: d.message,
  }));
}

describe(
  `headless Neovim (${version instanceof Error ? 'not found' : version.text}` +
    `) with the ${CONFIG_MARK} configuration of docs/editors.md`,
  () => {
    let work = '';
    let result: NvimResult;
    let run: Run;
    let log = '';
    let done = false;
    const file = (name: string): NvimFile => {
      assert.ok(done, 'no result: the Neovim run failed (see the first test)');
      const f = result.files.find((x) => x.name === name);
      assert.ok(f, `Neovim reported nothing for ${name}`);
      return f;
    };
    /** Everything needed to understand a failure: Neovim's output, messages and LSP log. */
    const context = (): string =>
      `\n--- nvim exit ${run?.code} signal ${run?.signal}` +
      `${run?.timedOut ? ' (killed: timeout)' : ''}\n--- stderr\n${run?.stderr}` +
      `\n--- stdout\n${run?.stdout}` +
      `\n--- :messages\n${result?.messages ?? ''}\n--- lsp.log\n${log}\n--- temporary folder\n${work}`;

    let keep = process.env.OSAI_NVIM_KEEP === '1';

    // The one Neovim run; every later test reads its result.
    test(
      `Neovim runs headless with the configuration of docs/editors.md and reports within ${RUN_TIMEOUT_MS / 1000} s`,
      { timeout: RUN_TIMEOUT_MS + 15_000 },
      async () => {
        if (version instanceof Error) throw version;
        try {
          await startNeovim();
        } catch (error) {
          keep = true; // the folder named in the message stays for a look
          throw error;
        }
      },
    );

    async function startNeovim(): Promise<void> {
      work = realpathSync(mkdtempSync(join(tmpdir(), 'osai-nvim-')));
      for (const dir of ['bin', 'config', 'data', 'cache', 'state', 'manifests/release'])
        mkdirSync(join(work, dir), { recursive: true });
      for (const name of FILES) copyFileSync(join(ROOT, 'examples', SOURCES[name]), join(work, name));
      // `osai-language-server` on PATH, as `npm install -g .` or `npm link` leave it (pinned to this Node).
      const bin = join(work, 'bin', 'osai-language-server');
      writeFileSync(
        bin,
        `#!/bin/sh\nexec ${shellQuote(process.execPath)} ` +
          `${shellQuote(join(ROOT, 'bin', 'osai-language-server.js'))} "$@"\n`,
      );
      chmodSync(bin, 0o755);
      const init = join(work, 'init.lua');
      writeFileSync(init, documentedNeovimConfig());
      assert.ok(
        existsSync(join(ROOT, 'server', 'out', 'server.js')),
        'server/out/server.js is missing: run `npm run build` first',
      );

      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${join(work, 'bin')}:${process.env.PATH ?? ''}`,
        XDG_CONFIG_HOME: join(work, 'config'),
        XDG_DATA_HOME: join(work, 'data'),
        XDG_CACHE_HOME: join(work, 'cache'),
        XDG_STATE_HOME: join(work, 'state'),
        OSAI_NVIM_PROBE: join(__dirname, 'probe.lua'),
        OSAI_NVIM_DRIVER: join(__dirname, 'drive.lua'),
        OSAI_NVIM_OUT: join(work, 'result.json'),
        OSAI_NVIM_WAIT_MS: String(WAIT_MS),
        OSAI_NVIM_PLAN: JSON.stringify({
          hover: { file: LLAMA, line: 11, character: 14 },
          fix: { file: MISSING, line: 20, title: 'Add all missing OSAID requirements' },
        }),
      };
      // A Neovim running the test suite (its terminal) must not leak into the child.
      for (const name of [
        'NVIM',
        'NVIM_LISTEN_ADDRESS',
        'NVIM_LOG_FILE',
        'NVIM_APPNAME',
        'VIMRUNTIME',
        'VIMINIT',
        'MYVIMRC',
      ])
        delete env[name];

      run = await runNvim(
        [
          '--headless',
          '-n',
          '-i',
          'NONE',
          '--cmd',
          'lua dofile(vim.env.OSAI_NVIM_PROBE)',
          '-u',
          init,
          '-c',
          'lua dofile(vim.env.OSAI_NVIM_DRIVER)',
          ...FILES,
        ],
        work,
        env,
      );
      const out = join(work, 'result.json');
      assert.ok(!run.timedOut, `Neovim did not finish within ${RUN_TIMEOUT_MS} ms and was killed${context()}`);
      assert.ok(existsSync(out), `Neovim wrote no result${context()}`);
      result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
      const logPath = result.logPath;
      log = logPath && existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
      assert.equal(result.error, undefined, `the Neovim session failed: ${result.error}${context()}`);
      done = true;
    }

    after(() => {
      if (work && !keep) rmSync(work, { recursive: true, force: true });
      else if (work) console.log(`kept ${work}`);
    });

    test('the server attaches to each manifest (filetype yaml.osai) and its diagnostics are pushed', () => {
      for (const name of FILES) {
        const f = file(name);
        assert.equal(f.filetype, 'yaml.osai', `${name}: filetype`);
        assert.deepEqual(f.clients, ['osai'], `${name}: attached clients`);
        assert.ok(f.reports >= 1, `${name}: no diagnostics report arrived`);
        // Neovim before 0.10 cannot pull: the server must push (publishDiagnostics).
        if (!(version instanceof Error) && version.minor < 10)
          assert.equal(
            f.serverPullsDiagnostics,
            false,
            `${name}: the server offered pull diagnostics to a client without them`,
          );
      }
      assert.equal(run.code, 0, `nvim exit code${context()}`);
    });

    test('llama-style: the one error, license/restricted on `llama3` (line index 11), and the recommendations', () => {
      const diagnostics = sortDiagnostics(file(LLAMA).diagnostics);
      assert.deepEqual(diagnostics.map(brief), [
        'info osaid/recommended 8:0-8:10',
        'info osaid/recommended 8:0-8:10',
        'error license/restricted 11:13-11:19',
        'info osaid/recommended 22:0-22:16',
      ]);
      const restricted = diagnostics.find((d) => d.code === 'license/restricted');
      assert.match(
        restricted?.message ?? '',
        /^`llama3` is the Meta Llama 3 Community License Agreement, which restricts use/,
      );
    });

    test('missing-data-information: training_data and five description elements missing (0-based lines 18, 20)', () => {
      const diagnostics = sortDiagnostics(file(MISSING).diagnostics);
      assert.deepEqual(diagnostics.map(brief), [
        'info osaid/recommended 6:0-6:10',
        'info osaid/recommended 6:0-6:10',
        'error osaid/missing 18:0-18:16',
        'info osaid/recommended 18:0-18:16',
        ...Array<string>(5).fill('error osaid/missing 20:2-20:13'),
      ]);
      const missing = diagnostics
        .filter((d) => d.code === 'osaid/missing')
        .map((d) => /^Missing `([^`]+)`/.exec(d.message)?.[1])
        .sort();
      assert.deepEqual(missing, [
        'data_information.description.characteristics',
        'data_information.description.collection',
        'data_information.description.labeling',
        'data_information.description.processing',
        'data_information.description.scope',
        'data_information.training_data',
      ]);
    });

    test('a complete manifest named osai.yaml: a report with no diagnostics', () => {
      const f = file(CLEAN);
      assert.deepEqual(f.diagnostics, []);
      assert.ok(f.reports >= 1);
    });

    test('every diagnostic has source "osai" and is exactly what the server computes for the file', () => {
      for (const name of FILES) {
        const f = file(name);
        for (const d of f.diagnostics) assert.equal(d.source, 'osai', `${name}: ${brief(d)}`);
        const expected = expectedFromService(join(work, name), readFileSync(join(work, name), 'utf8'));
        assert.deepEqual(sortDiagnostics(f.diagnostics), sortDiagnostics(expected), name);
      }
    });

    test("hover on `llama3` through Neovim is the server's Markdown", () => {
      assert.ok(done, 'no result: the Neovim run failed (see the first test)');
      assert.ok(result.hover, 'no hover');
      assert.equal(result.hover.kind, 'markdown');
      assert.match(result.hover.value, /Llama 3/);
      const path = join(work, LLAMA);
      const parsed = service.parse(
        TextDocument.create(pathToFileURL(path).toString(), 'yaml.osai', 1, readFileSync(path, 'utf8')),
      );
      const expected = service.doHover(parsed, { line: 11, character: 14 }) as Hover | null;
      assert.deepEqual(result.hover, expected?.contents);
    });

    test('the verdict code lens on line 1 of each manifest (refreshed by the documented autocmds)', () => {
      assert.deepEqual(file(LLAMA).codeLens, [{ line: 0, title: '✗ 1 unmet OSAID 1.0 requirement' }]);
      assert.deepEqual(file(MISSING).codeLens, [{ line: 0, title: '✗ 6 unmet OSAID 1.0 requirements' }]);
      assert.deepEqual(file(CLEAN).codeLens, [{ line: 0, title: '✓ Meets the OSAID 1.0 checks' }]);
    });

    test(
      'vim.lsp.buf.code_action() on `description:` offers each missing ' +
        'element and "add all"; choosing it clears every osaid/missing',
      () => {
        assert.ok(done, 'no result: the Neovim run failed (see the first test)');
        assert.deepEqual(result.codeActions, [
          'Add `data_information.description.scope`',
          'Add `data_information.description.characteristics`',
          'Add `data_information.description.collection` (collection and selection)',
          'Add `data_information.description.labeling` (labeling procedures)',
          'State that `data_information.description.labeling` does not apply (with the reason)',
          'Add `data_information.description.processing` (processing and filtering)',
          'Add all missing OSAID requirements (6)',
        ]);
        const fixed = result.afterFix;
        assert.ok(fixed, 'the "add all" action was not applied');
        assert.equal(fixed.title, 'Add all missing OSAID requirements (6)');
        for (const key of ['scope:', 'characteristics:', 'collection:', 'labeling:', 'processing:', 'training_data:'])
          assert.ok(fixed.text.includes(key), `the fixed text lacks ${key}`);
        assert.ok(fixed.text.includes('# Only the provenance has been written so far.'), 'the fix kept the comment');
        assert.deepEqual(fixed.diagnostics.filter((d) => d.code === 'osaid/missing').map(brief), []);
        // What the server reported after Neovim's incremental didChange is a fresh check of Neovim's buffer: both hold
        // the
        // same text.
        assert.deepEqual(
          sortDiagnostics(fixed.diagnostics),
          sortDiagnostics(expectedFromService(join(work, MISSING), fixed.text)),
        );
      },
    );

    test('Neovim logged no error and showed no error message', () => {
      assert.ok(done, 'no result: the Neovim run failed (see the first test)');
      assert.doesNotMatch(log, /\[ERROR\]/, `lsp.log:\n${log}`);
      assert.doesNotMatch(result.messages, /\bE\d+:|Error/, `:messages\n${result.messages}`);
    });
  },
);
