/**
 * `--format sarif`: valid against the official SARIF 2.1.0 JSON schema (vendored in
 * test/fixtures/sarif/, see ATTRIBUTION.md), with exact rules and results for the examples.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { Codes } from '../../server/src/service';
import { MofCodes } from '../../server/src/service/formats/mof';
import { getLanguageService } from '../../server/src/service';
import { SARIF_SCHEMA_URI } from '../../server/src/service/output/sarif';

const CODE_DOCS = getLanguageService().codeDocs();
import { ROOT } from '../helpers';
import { cli, olmoWith, runCli } from './run';

const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema is draft-04 (hence ajv-draft-04). `unicodeRegExp: false`: its `language` pattern
// (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) has a stray `]` that only non-Unicode regexps accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function sarifOf(...args: string[]): { log: Log; code: number | null } {
  const r = cli('--format', 'sarif', ...args);
  const log = JSON.parse(r.stdout) as Log;
  assertValid(log);
  return { log, code: r.code };
}

function assertValid(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, `not valid SARIF 2.1.0:\n${JSON.stringify(validateSarif.errors, null, 2)}`);
}

const brief = (r: Result) => {
  const loc = r.locations![0].physicalLocation!;
  const g = loc.region!;
  return (
    `${r.ruleId} ${r.level} ${loc.artifactLocation!.uri}@${g.startLine}:` +
    `${g.startColumn}-${g.endLine}:${g.endColumn}`
  );
};

describe('--format sarif', () => {
  test('the schema validator itself rejects what is not SARIF', () => {
    assert.equal(
      validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }),
      false,
      'a driver without a name',
    );
    assert.equal(
      validateSarif({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
      }),
      false,
      'an unknown level',
    );
    assert.equal(
      validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] }),
      false,
      'formats are checked',
    );
  });

  test('examples/: valid SARIF 2.1.0, one run, one rule per code used, one result per finding', () => {
    const { log, code } = sarifOf('examples/{*.osai.yaml,models/*.yml}');
    assert.equal(code, 1);
    assert.equal(log.$schema, SARIF_SCHEMA_URI);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'osai-check');
    assert.equal(driver.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(driver.informationUri, 'https://opensource.org/ai/open-source-ai-definition');
    assert.deepEqual(
      driver.rules!.map((r) => r.id),
      ['license/restricted', 'mof/license-type', 'osaid/missing', 'osaid/recommended'],
    );
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(ROOT).href}/` } });
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      run.artifacts!.map((a) => a.location!.uri),
      [
        'examples/llama-style.osai.yaml',
        'examples/missing-data-information.osai.yaml',
        'examples/models/Granite-4-1.yml',
        'examples/olmo-7b.osai.yaml',
      ],
    );
    assert.deepEqual(run.results!.map(brief), [
      'osaid/recommended note examples/llama-style.osai.yaml@9:1-9:11',
      'osaid/recommended note examples/llama-style.osai.yaml@9:1-9:11',
      'license/restricted error examples/llama-style.osai.yaml@12:14-12:20',
      'osaid/recommended note examples/llama-style.osai.yaml@23:1-23:17',
      'osaid/recommended note examples/missing-data-information.osai.yaml@7:1-7:11',
      'osaid/recommended note examples/missing-data-information.osai.yaml@7:1-7:11',
      'osaid/missing error examples/missing-data-information.osai.yaml@19:1-19:17',
      'osaid/recommended note examples/missing-data-information.osai.yaml@19:1-19:17',
      ...Array(5).fill('osaid/missing error examples/missing-data-information.osai.yaml@21:3-21:14'),
      ...Array(5).fill('osaid/missing error examples/models/Granite-4-1.yml@15:3-15:13'),
      'mof/license-type warning examples/models/Granite-4-1.yml@20:14-20:38',
    ]);
    for (const r of run.results!) {
      assert.equal(driver.rules![r.ruleIndex!].id, r.ruleId, 'ruleIndex points at the rule');
      const loc = r.locations![0].physicalLocation!.artifactLocation!;
      assert.equal(loc.uriBaseId, '%SRCROOT%');
      assert.equal(run.artifacts![loc.index!].location!.uri, loc.uri, 'the artifact index points at the file');
    }
    const fingerprints = run.results!.map(
      (r) => `${r.locations![0].physicalLocation!.artifactLocation!.uri}#${r.partialFingerprints!['osaiFinding/v1']}`,
    );
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'fingerprints are unique within a file');
  });

  test('the Llama example: exact rule and result, with the requirement docs in the help', () => {
    const { log } = sarifOf('examples/llama-style.osai.yaml');
    const driver = log.runs[0].tool.driver;
    const restricted = driver.rules!.find((r) => r.id === 'license/restricted')!;
    assert.deepEqual(restricted, {
      id: 'license/restricted',
      name: 'LicenseRestricted',
      shortDescription: { text: 'An AI license with use restrictions (Llama, Gemma, RAIL, Falcon, …).' },
      fullDescription: { text: 'An AI license with use restrictions (Llama, Gemma, RAIL, Falcon, …).' },
      help: {
        text:
          'An AI license with use restrictions (Llama, Gemma, RAIL, Falcon, ' +
          '…).\nModel weights: license: An SPDX license expression; the terms ' +
          'must be OSD-conformant (OSI-approved, or an open data/content license).',
        // Written out: the code's row of docs/diagnostic-codes.md, then the weights' license requirement as the
        // OSAID FAQ states it (terms that let anyone use, study, modify and share; use restrictions never qualify).
        markdown: [
          '**`license/restricted`** (error): An AI license with use restrictions (Llama, Gemma, RAIL, Falcon, …).',
          '',
          '### The requirement concerned',
          '',
          '**Model weights: license** — Required by OSAID 1.0',
          '',
          'An SPDX license expression; the terms must be OSD-conformant ' +
            '(OSI-approved, or an open data/content license).',
          '',
          'OSAID 1.0 asks for terms that let anyone use, study, modify and share for any purpose ("OSD-conformant"). ' +
            'Any OSI-approved license qualifies, and so do open data and content licenses such as CC0-1.0, ' +
            'CC-BY-4.0, CC-BY-SA-4.0, CDLA-Permissive-2.0, ODC-By-1.0 or ODbL-1.0. Non-commercial (-NC), ' +
            'no-derivatives (-ND) and use-restricted terms (e.g. Llama, Gemma, RAIL licenses) never qualify.',
          '',
          'Example:',
          '```yaml',
          'license: CC-BY-4.0',
          '```',
          '',
          'Source: [OSAID FAQ](https://hackmd.io/@opensourceinitiative/osaid-faq)',
        ].join('\n'),
      },
      helpUri: 'https://hackmd.io/@opensourceinitiative/osaid-faq',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['license'] },
    });
    assert.match(restricted.help!.markdown!, /\*\*Model weights: license\*\* — Required by OSAID 1\.0/);
    assert.match(
      restricted.help!.markdown!,
      /use-restricted terms \(e\.g\. Llama, Gemma, RAIL licenses\) never qualify/,
    );
    const recommended = driver.rules!.find((r) => r.id === 'osaid/recommended')!;
    assert.equal(recommended.defaultConfiguration!.level, 'note');
    assert.deepEqual(recommended.help!.markdown!.match(/^\*\*[^*]+\*\* — \w+ by OSAID 1\.0$/gm), [
      '**Intermediate checkpoints** — Recommended by OSAID 1.0',
      '**Optimizer state** — Recommended by OSAID 1.0',
      '**Data documentation** — Recommended by OSAID 1.0',
    ]);
    const result = log.runs[0].results!.find((r) => r.ruleId === 'license/restricted')!;
    assert.deepEqual(result, {
      ruleId: 'license/restricted',
      ruleIndex: 0,
      level: 'error',
      // The Llama 3 Community License's terms: its acceptable-use policy (1.b.iv), the licence needed above 700 million
      // monthly active users (2) and no use to improve other large language models (1.b.v).
      message: {
        text:
          '`llama3` is the Meta Llama 3 Community License Agreement, which restricts use (acceptable-use policy; ' +
          '700-million-monthly-active-user clause; no use to improve other large language models). Such terms are ' +
          'neither OSI-approved nor open: they do not let everyone use the component for any purpose. Parameters, ' +
          'data information and documentation need OSD-conformant terms ' +
          '(e.g. Apache-2.0, CC-BY-4.0, CDLA-Permissive-2.0).',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'examples/llama-style.osai.yaml', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: 12, startColumn: 14, endLine: 12, endColumn: 20 },
          },
        },
      ],
      partialFingerprints: {
        'osaiFinding/v1': 'license/restricted|parameters.weights.license|parameters.weights.license',
      },
      properties: { path: 'parameters.weights.license', requirement: 'parameters.weights.license' },
    });
  });

  test('a clean manifest: valid, no rules, no results; --quiet leaves only errors', () => {
    const { log, code } = sarifOf('examples/olmo-7b.osai.yaml');
    assert.equal(code, 0);
    assert.deepEqual(log.runs[0].tool.driver.rules, []);
    assert.deepEqual(log.runs[0].results, []);
    const quiet = sarifOf('--quiet', 'examples/llama-style.osai.yaml').log;
    assert.deepEqual(
      quiet.runs[0].tool.driver.rules!.map((r) => r.id),
      ['license/restricted'],
    );
    assert.deepEqual(
      quiet.runs[0].results!.map((r) => r.level),
      ['error'],
    );
  });

  test('odd inputs stay valid: stdin, syntax errors, every fixture, names that need percent-encoding', () => {
    const stdin = runCli(['--format', 'sarif', '-'], { input: 'osaid: "1.0"\n  bad: [\n' });
    const log = JSON.parse(stdin.stdout) as Log;
    assertValid(log);
    assert.equal(log.runs[0].artifacts![0].location!.uri, '%3Cstdin%3E');
    assert.ok(log.runs[0].results!.some((r) => r.ruleId === Codes.yamlSyntax));
    const named = runCli(['--format', 'sarif', '--stdin-filename', 'my models/a b#1.osai.yaml', '-'], {
      input: olmoWith('license: MIT}', 'license: MIT-ish}'),
    });
    const namedLog = JSON.parse(named.stdout) as Log;
    assertValid(namedLog);
    assert.equal(
      namedLog.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri,
      'my%20models/a%20b%231.osai.yaml',
    );
    const outside = mkdtempSync(join(tmpdir(), 'osai-sarif-'));
    try {
      writeFileSync(
        join(outside, 'my release.osai.yaml'),
        readFileSync(join(ROOT, 'examples', 'llama-style.osai.yaml')),
      );
      const far = sarifOf(outside).log;
      assert.deepEqual(
        far.runs[0].results![0].locations![0].physicalLocation!.artifactLocation,
        { uri: `${pathToFileURL(outside).href}/my%20release.osai.yaml`, index: 0 },
        'outside the working directory: an absolute file URI',
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const fixtures = sarifOf('test/fixtures/manifests', 'test/fixtures/mof').log;
    assert.ok(fixtures.runs[0].results!.length > 50);
  });

  test(
    'every code has its documented meaning (CODE_DOCS is the table of ' + 'docs/diagnostic-codes.md, word for word)',
    () => {
      const page = readFileSync(join(ROOT, 'docs', 'diagnostic-codes.md'), 'utf8');
      assert.ok(page.startsWith('# Diagnostic codes\n'), 'docs/diagnostic-codes.md is the "Diagnostic codes" page');
      const rows = page
        .split('\n')
        .filter((l) => /^\| `[a-z][a-z0-9]*\/[a-z-]+` \|/.test(l))
        .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '').trim()));
      const documented = Object.fromEntries(
        rows.map(([code, severity, meaning, fix]) => [
          code.replace(/`/g, ''),
          { severity, meaning, ...(fix !== '—' ? { fix } : {}) },
        ]),
      );
      assert.equal(rows.length, Object.keys(documented).length, 'each code has one row');
      assert.deepEqual(CODE_DOCS, documented);
      for (const code of [...Object.values(Codes), ...Object.values(MofCodes)])
        assert.ok(CODE_DOCS[code], `${code} is documented`);
    },
  );
});
