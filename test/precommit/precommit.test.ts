/**
 * The pre-commit hook (.pre-commit-hooks.yaml) for real: Debian's `pre-commit` installs it, as it
 * would from GitHub, from a git snapshot of this working tree (uncommitted changes included), then
 * runs it on commits in a scratch repository. Needs `pre-commit` (`apt-get install pre-commit`;
 * `npm test` installs it) and the npm registry, which `npm install` in the hook's clone uses (the
 * npm cache first). The hook's Node.js is the system's (`language_version: system`): nodeenv
 * downloads nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers';

/**
 * The whole file: installing the hook runs `npm install` of the project (devDependencies too) in pre-commit's clone.
 */
const TIMEOUT_MS = 10 * 60_000;

interface Run {
  code: number | null;
  /** stdout and stderr (git prints a hook's output on stderr). */
  output: string;
}

/** A manifest that meets OSAID 1.0 but for one finding: the weights are under a non-commercial license (line 9). */
const BAD_MANIFEST = `osaid: "1.0"
system:
  name: Tiny-1B
  version: "1.0"
  producer: Example Lab
parameters:
  weights:
    location: https://example.org/tiny-1b/weights
    license: CC-BY-NC-4.0
  checkpoints: {location: https://example.org/tiny-1b/checkpoints, license: Apache-2.0}
  optimizer_state: {location: https://example.org/tiny-1b/optimizer, license: Apache-2.0}
code:
  data_processing: {location: https://example.org/tiny-1b/data, license: Apache-2.0}
  training: {location: https://example.org/tiny-1b/train, license: Apache-2.0}
  evaluation: {location: https://example.org/tiny-1b/eval, license: Apache-2.0}
  inference: {location: https://example.org/tiny-1b/infer, license: Apache-2.0}
  architecture: {location: https://example.org/tiny-1b/model, license: Apache-2.0}
  supporting_libraries:
    - {name: tokenizers, location: https://github.com/huggingface/tokenizers, license: Apache-2.0}
data_information:
  license: CC-BY-4.0
  description:
    provenance: Public web pages crawled in 2024.
    scope: 1 trillion tokens of English text.
    characteristics: Documented per source in the data card.
    collection: Common Crawl snapshots listed in the data card.
    labeling: No human labeling.
    processing: Language identification, deduplication and PII masking.
  training_data:
    - {name: Tiny corpus, kind: public, location: https://example.org/tiny-1b/corpus, license: ODC-By-1.0}
  documentation:
    - {kind: data_card, location: https://example.org/tiny-1b/data-card, license: CC-BY-4.0}
`;
const FIXED_MANIFEST = BAD_MANIFEST.replace('license: CC-BY-NC-4.0', 'license: Apache-2.0');

/** A Hugging Face model card whose license is non-commercial (line 2, the value at column 10). */
const BAD_CARD = `---
license: cc-by-nc-4.0
library_name: transformers
pipeline_tag: text-generation
---
# Tiny-1B
`;

/**
 * A MOF model file (recognised by its content, under any YAML name) with a non-commercial parameters license (line 13,
 * column 16).
 */
const BAD_MOF = `framework:
  name: Model Openness Framework
  version: '1.0'
release:
  name: Tiny-1B
  producer: Example Lab
  license:
    distribution:
      name: Apache-2.0
  components:
    - name: Model architecture
    - name: Model parameters (Final)
      license: CC-BY-NC-4.0
`;

/** The finding both non-commercial licenses get: \`CC-BY-NC-4.0\`, its name, and why it is not open. */
const NOT_OPEN =
  '`CC-BY-NC-4.0` (Creative Commons Attribution Non Commercial 4.0 ' +
  'International) is not open: its non-commercial clause restricts use.';

describe(
  'pre-commit hook osai-check (Debian pre-commit, installed from a snapshot of this tree)',
  { timeout: TIMEOUT_MS },
  () => {
    let dir: string;
    let scratch: string;
    let env: NodeJS.ProcessEnv;

    const run = (command: string, args: readonly string[], options: SpawnSyncOptions = {}): Run => {
      const r = spawnSync(command, args, { cwd: scratch, env, encoding: 'utf8', timeout: 120_000, ...options });
      if (r.error) throw r.error;
      return { code: r.status, output: `${r.stdout}${r.stderr}` };
    };
    const git = (...args: string[]): string => {
      const r = run('git', args);
      assert.equal(r.code, 0, `git ${args.join(' ')}:\n${r.output}`);
      return r.output.trim();
    };
    const write = (path: string, text: string | Buffer): void => {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    };
    const commits = (): string[] => git('log', '--format=%H %s').split('\n');
    /** `git commit` runs the hook; what pre-commit printed, and the exit code. */
    const commit = (message: string): Run => run('git', ['commit', '-m', message]);

    before(
      () => {
        const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
        if (version.error || version.status !== 0) {
          throw new Error(
            `pre-commit is not installed (${version.error?.message ?? version.stderr}): ` +
              `install it with \`apt-get install pre-commit\` (npm test installs it)`,
          );
        }

        dir = mkdtempSync(join(tmpdir(), 'osai-precommit-'));
        writeFileSync(join(dir, 'gitconfig'), '');
        env = {
          ...Object.fromEntries(
            Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')),
          ),
          // pre-commit's clones, environments and log, thrown away after the test.
          PRE_COMMIT_HOME: join(dir, 'pre-commit-home'),
          PRE_COMMIT_COLOR: 'never',
          // No user or system git configuration (hooksPath, signing, templates) in the way.
          GIT_CONFIG_GLOBAL: join(dir, 'gitconfig'),
          GIT_CONFIG_NOSYSTEM: '1',
          // The project's packages are pinned by package-lock.json with their integrity: take them
          // from the npm cache without asking the registry whether they changed; no audit report.
          npm_config_prefer_offline: 'true',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
        };

        // The snapshot: every file git would commit here (tracked, and untracked but not ignored),
        // as they are in the working tree, committed in a repository of its own.
        const snapshot = join(dir, 'snapshot');
        const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
          cwd: ROOT,
          encoding: 'utf8',
          env,
        });
        assert.equal(listed.status, 0, listed.stderr);
        for (const file of new Set(listed.stdout.split('\0').filter(Boolean))) {
          const from = join(ROOT, file);
          if (!existsSync(from) && !isLink(from)) continue; // deleted in the working tree
          const to = join(snapshot, file);
          mkdirSync(dirname(to), { recursive: true });
          if (isLink(from)) symlinkSync(readlinkSync(from), to);
          else copyFileSync(from, to); // with its mode (bin/*.js stay executable)
        }
        assert.ok(existsSync(join(snapshot, '.pre-commit-hooks.yaml')), 'the snapshot has .pre-commit-hooks.yaml');
        const inSnapshot = (...args: string[]): string => {
          const r = run(
            'git',
            [
              '-c',
              'user.name=Snapshot',
              '-c',
              'user.email=snapshot@example.org',
              '-c',
              'commit.gpgsign=false',
              ...args,
            ],
            { cwd: snapshot },
          );
          assert.equal(r.code, 0, r.output);
          return r.output.trim();
        };
        inSnapshot('init', '-q');
        inSnapshot('add', '-A');
        inSnapshot('commit', '-q', '-m', 'snapshot of the working tree');
        const rev = inSnapshot('rev-parse', 'HEAD');

        // The scratch repository, with its configuration committed before the hook is installed.
        scratch = join(dir, 'scratch');
        mkdirSync(scratch);
        git('init', '-q');
        git('config', 'user.name', 'Test User');
        git('config', 'user.email', 'test@example.org');
        git('config', 'commit.gpgsign', 'false');
        write(
          '.pre-commit-config.yaml',
          [
            'repos:',
            `  - repo: ${snapshot}`,
            `    rev: ${rev}`,
            '    hooks:',
            '      - id: osai-check',
            // The system's node and npm: nodeenv links them instead of downloading Node.js (fails if they are missing).
            '        language_version: system',
            '',
          ].join('\n'),
        );
        git('add', '.pre-commit-config.yaml');
        git('commit', '-q', '-m', 'pre-commit configuration');

        const install = run('pre-commit', ['install']);
        assert.equal(install.code, 0, install.output);
        const started = Date.now();
        const hooks = run('pre-commit', ['install-hooks'], { timeout: TIMEOUT_MS - 60_000 });
        assert.equal(hooks.code, 0, `pre-commit install-hooks:\n${hooks.output}`);
        console.log(
          `pre-commit install-hooks (clone, npm install, build, npm pack, npm install ` +
            `-g): ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      },
      { timeout: TIMEOUT_MS },
    );

    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('the hook runs on the system Node.js, installed from the package npm packs (with the built bundles)', () => {
      const home = env.PRE_COMMIT_HOME!;
      const clones = readdirSync(home).filter((entry) => entry.startsWith('repo'));
      assert.equal(clones.length, 1, `one clone in ${home}: ${clones.join(', ')}`);
      const clone = join(home, clones[0]);
      assert.deepEqual(
        readdirSync(clone).filter((entry) => entry.startsWith('node_env')),
        ['node_env-system'],
      );
      const installed = join(clone, 'node_env-system', 'lib', 'node_modules', 'osai-manifest');
      for (const file of [
        'bin/osai-check.js',
        'server/out/cli.js',
        'server/out/launch.js',
        'server/out/bundles.json',
      ]) {
        assert.ok(existsSync(join(installed, file)), `the installed package has ${file}`);
      }
      const node = run(join(clone, 'node_env-system', 'bin', 'node'), ['-p', 'process.execPath']);
      const system = run('node', ['-p', 'process.execPath']);
      assert.equal(node.output, system.output, "the environment's node is the system's");
    });

    test('a manifest with a finding: the commit is refused and the finding shown, nothing committed', () => {
      const before = commits();
      // Line 9 is ` license: CC-BY-NC-4.0`: the value starts after 4 spaces and `license: ` (13 characters), column 14.
      assert.equal(BAD_MANIFEST.split('\n')[8], '    license: CC-BY-NC-4.0');
      write('osai.yaml', BAD_MANIFEST);
      git('add', 'osai.yaml');
      const r = commit('release manifest');
      assert.notEqual(r.code, 0, r.output);
      assert.match(r.output, /^OSAID release check\.+Failed$/m);
      assert.match(r.output, /^- hook id: osai-check$/m);
      assert.match(r.output, /^- exit code: 1$/m);
      const findings = r.output.split('\n').filter((line) => /^\S+:\d+:\d+ (error|warning|info) /.test(line));
      assert.equal(findings.length, 1, r.output);
      assert.ok(findings[0].startsWith(`osai.yaml:9:14 error license/not-open ${NOT_OPEN}`), findings[0]);
      assert.match(r.output, /^1 file checked: 1 error, 0 warnings$/m);
      assert.deepEqual(commits(), before, 'nothing was committed');
      assert.equal(git('diff', '--cached', '--name-only'), 'osai.yaml', 'the manifest is still staged');
    });

    test('the manifest fixed: the commit goes through', () => {
      const before = commits();
      write('osai.yaml', FIXED_MANIFEST);
      git('add', 'osai.yaml');
      const r = commit('release manifest');
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, /^OSAID release check\.+Passed$/m);
      const after = commits();
      assert.equal(after.length, before.length + 1);
      assert.match(after[0], / release manifest$/);
      assert.equal(git('show', '--format=', '--name-only', 'HEAD'), 'osai.yaml');
    });

    test(
      'YAML and README files that are none of its formats do not block a ' +
        'commit (they reach the hook, which skips them)',
      () => {
        const before = commits();
        write('config/app.yaml', 'server:\n  port: 8080\n  hosts: [a, b]\n');
        write('deploy.yml', 'on: push\njobs: {}\n');
        write('docs/README.md', '# Docs\n\nNo front matter here.\n');
        write('blog/README.md', '---\ntitle: A post\nlayout: post\n---\nText.\n'); // front matter, but not a card's
        write('legacy.yml', Buffer.from('name: caf\xe9\n', 'latin1')); // not UTF-8 either
        git('add', '-A');
        const r = commit('configuration and docs');
        assert.equal(r.code, 0, r.output);
        // Passed, not "(no files to check)Skipped": the files were handed to osai-check.
        assert.match(r.output, /^OSAID release check\.+Passed$/m);
        assert.equal(commits().length, before.length + 1);
        assert.equal(git('show', '--format=', '--name-only', 'HEAD').split('\n').length, 5);
      },
    );

    test('a model card and a MOF model file (recognised by content) with findings: the commit is refused', () => {
      const before = commits();
      // line 2, value after `license: ` (9 characters): column 10
      assert.equal(BAD_CARD.split('\n')[1], 'license: cc-by-nc-4.0');
      // line 13, value after 6 spaces and `license: `: column 16
      assert.equal(BAD_MOF.split('\n')[12], '      license: CC-BY-NC-4.0');
      write('models/tiny/README.md', BAD_CARD);
      write('models/tiny/openness.yml', BAD_MOF);
      git('add', 'models');
      const r = commit('model card and MOF file');
      assert.notEqual(r.code, 0, r.output);
      assert.match(r.output, /^OSAID release check\.+Failed$/m);
      const lines = r.output.split('\n');
      assert.ok(
        lines.some((l) => l.startsWith(`models/tiny/README.md:2:10 error license/not-open ${NOT_OPEN}`)),
        r.output,
      );
      assert.ok(
        lines.some((l) =>
          l.startsWith(
            'models/tiny/openness.yml:13:16 error license/not-open `Model ' +
              'parameters (Final)`: `CC-BY-NC-4.0` is not open',
          ),
        ),
        r.output,
      );
      assert.ok(
        lines.includes(
          'models/tiny/openness.yml:1:1 error mof/missing Missing ' +
            '`framework.date`: the date of the MOF version, YYYY-MM-DD. MOT requires it.',
        ),
        r.output,
      );
      assert.deepEqual(commits(), before, 'nothing was committed');
      git('rm', '-q', '-r', '--cached', 'models');
      rmSync(join(scratch, 'models'), { recursive: true });
    });

    test(
      'staged names that look like options are files: nothing is overwritten, ' + 'no option is taken from a name',
      () => {
        const before = commits();
        // Weights under a custom license nobody reviewed: a finding, unless `--treat-as-open=LicenseRef-Evil` were
        // taken
        // as an option.
        const evil = FIXED_MANIFEST.replace(
          '    license: Apache-2.0\n  checkpoints:',
          '    license: LicenseRef-Evil\n  checkpoints:',
        );
        assert.notEqual(evil, FIXED_MANIFEST);
        write('release.osai.yaml', evil);
        const config = readFileSync(join(scratch, '.pre-commit-config.yaml'), 'utf8');
        const hostile = [
          '--output=osai.yaml',
          '--output=.pre-commit-config.yaml',
          '--treat-as-open=LicenseRef-Evil.yaml',
          '-x.yaml',
          '--quiet.yml',
          'with space.yaml',
          'new\nline.yaml',
        ];
        for (const name of hostile) write(name, 'note: an ordinary YAML file\n');
        git('add', '-A');
        const r = commit('hostile names');
        assert.notEqual(r.code, 0, r.output);
        assert.match(r.output, /^- exit code: 1$/m);
        const findings = r.output.split('\n').filter((line) => /^\S.*:\d+:\d+ (error|warning|info) /.test(line));
        assert.equal(findings.length, 1, r.output);
        assert.match(
          findings[0],
          /^release\.osai\.yaml:9:14 error license\/not-open `LicenseRef-Evil` is a custom license whose terms have not been reviewed/,
        );
        assert.equal(readFileSync(join(scratch, 'osai.yaml'), 'utf8'), FIXED_MANIFEST, 'osai.yaml is not overwritten');
        assert.equal(
          readFileSync(join(scratch, '.pre-commit-config.yaml'), 'utf8'),
          config,
          'the configuration is not overwritten',
        );
        for (const name of hostile)
          assert.equal(readFileSync(join(scratch, name), 'utf8'), 'note: an ordinary YAML file\n', name);
        assert.deepEqual(commits(), before, 'nothing was committed');

        // Options of the user's own (`args` without the `--` that ends them): a staged name is still never one.
        const withArgs = config.replace(
          '        language_version: system\n',
          "        language_version: system\n        args: [--max-warnings, '50']\n",
        );
        assert.notEqual(withArgs, config);
        write('.pre-commit-config.yaml', withArgs);
        git('add', '.pre-commit-config.yaml');
        // the staged files: the manifest, the hostile names and the configuration
        const own = run('pre-commit', ['run']);
        assert.equal(own.code, 1, own.output);
        assert.match(own.output, /^release\.osai\.yaml:9:14 error license\/not-open `LicenseRef-Evil`/m);
        assert.equal(readFileSync(join(scratch, 'osai.yaml'), 'utf8'), FIXED_MANIFEST, 'osai.yaml is not overwritten');
        assert.equal(
          readFileSync(join(scratch, '.pre-commit-config.yaml'), 'utf8'),
          withArgs,
          'the configuration is not overwritten',
        );
        write('.pre-commit-config.yaml', config);
        git('add', '.pre-commit-config.yaml');
        git('rm', '-q', '--cached', '--', 'release.osai.yaml', ...hostile);
        for (const name of ['release.osai.yaml', ...hostile]) rmSync(join(scratch, name));
      },
    );

    test('a card the hook cannot read, or one that starts with a byte order mark, is never passed over', () => {
      const before = commits();
      const bomb = `---\nlicense: cc-by-nc-4.0\na: &a [x, x, x, x, x, x, x, x, x]\n${'bcdefghij'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)
        .join('\n')}\n---\n# Tiny\n`;
      write('models/bomb/README.md', bomb);
      git('add', 'models');
      const unreadable = commit('an unreadable card');
      assert.match(unreadable.output, /^- exit code: 2$/m, unreadable.output);
      assert.match(
        unreadable.output,
        /^osai-check: models\/bomb\/README\.md:\d+:\d+: not checked, its YAML could not be read: Too many alias expansions/m,
      );
      assert.deepEqual(commits(), before, 'nothing was committed');
      git('rm', '-q', '-r', '--cached', 'models');
      rmSync(join(scratch, 'models'), { recursive: true });

      write('models/bom/README.md', `\uFEFF${BAD_CARD}`);
      git('add', 'models');
      const bom = commit('a card with a BOM');
      assert.match(bom.output, /^- exit code: 1$/m, bom.output);
      assert.ok(
        bom.output
          .split('\n')
          .some((l) => l.startsWith(`models/bom/README.md:2:10 error license/not-open ${NOT_OPEN}`)),
        bom.output,
      );
      assert.deepEqual(commits(), before, 'nothing was committed');
      git('rm', '-q', '-r', '--cached', 'models');
      rmSync(join(scratch, 'models'), { recursive: true });
    });

    test('large files that are none of its formats pass: the size limit is for its own files', () => {
      const before = commits();
      const page =
        `---\ntitle: A long post\nlayout: post\n---\n` +
        `${'A paragraph of text, repeated to make the page long.\n'.repeat(100_000)}`;
      const data = `# framework and openness are only mentioned here\nrows:\n${'  - {a: 1, b: 2}\n'.repeat(300_000)}`;
      assert.ok(Buffer.byteLength(page) > 4 * 1024 * 1024 && Buffer.byteLength(data) > 4 * 1024 * 1024);
      write('site/README.md', page);
      write('data/table.yaml', data);
      git('add', '-A');
      const r = commit('large files');
      assert.equal(r.code, 0, r.output);
      assert.equal(commits().length, before.length + 1);
    });

    test(
      'pre-commit run --all-files: every file (the configuration, the ' +
        'manifest, the other YAML and README files) passes',
      () => {
        const r = run('pre-commit', ['run', '--all-files']);
        assert.equal(r.code, 0, r.output);
        assert.match(r.output, /^OSAID release check\.+Passed$/m);
      },
    );
  },
);

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
