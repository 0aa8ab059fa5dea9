/**
 * The policy as the docs state it, held against the checker: the "At a glance" table of
 * docs/license-policy.md (each written value's verdict under each test), the examples of the
 * verdict rule in docs/checks.md (placeholders and family names leave a requirement unmet), and
 * the treat-as-open examples (what the setting refuses). A docs change that the code does not
 * follow, or the other way round, fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { checkLicense, licenseQualifies, type LicenseTest } from '../../server/src/service/licenses';
import { judgeTreatAsOpen } from '../../server/src/service/licenses/treatAsOpen';
import { example, ROOT } from '../helpers';

const POLICY = readFileSync(join(ROOT, 'docs', 'license-policy.md'), 'utf8');
const CHECKS = readFileSync(join(ROOT, 'docs', 'checks.md'), 'utf8');

/** The backticked values of the first paragraph or bullet of `page` that starts with `lead`. */
function examplesAfter(page: string, lead: string, until: string): string[] {
  const start = page.indexOf(lead);
  assert.ok(start >= 0, `the page has "${lead}"`);
  const end = page.indexOf(until, start);
  assert.ok(end > start, `"${until}" follows "${lead}"`);
  return [...page.slice(start, end).matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

describe('docs/license-policy.md, "At a glance": every row is what the checker says', () => {
  const table = POLICY.slice(
    POLICY.indexOf('<!-- license-examples:start -->'),
    POLICY.indexOf('<!-- license-examples:end -->'),
  );
  const rows = table
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );

  test('the table has the cases the policy names', () => {
    assert.ok(rows.length >= 20, `${rows.length} rows`);
  });

  for (const [written, osi, open] of rows) {
    const value = /^`(.+)`$/.exec(written)![1];
    test(value, () => {
      for (const [t, cell] of [
        ['osi', osi],
        ['open', open],
      ] as Array<[LicenseTest, string]>) {
        const passes = cell.startsWith('✓');
        assert.equal(licenseQualifies(value, t), passes, `${value} under ${t}: the docs say ${cell}`);
        const findings = checkLicense(value, t);
        if (passes)
          assert.deepEqual(
            findings.map((f) => f.severity),
            cell.includes('warning') ? ['warning'] : [],
            `${value} under ${t}`,
          );
        else
          assert.ok(
            findings.some((f) => f.severity === 'error'),
            `${value} under ${t} is an error`,
          );
        const listed = /✓ when listed in `treatAsOpen`/.exec(cell);
        if (listed)
          assert.equal(licenseQualifies(value, t, { extraOpen: [value] }), true, `${value} listed in treatAsOpen`);
      }
    });
  }
});

describe('docs/license-policy.md, "Your own reviewed licenses": what the setting accepts and refuses', () => {
  test('every license the page says is refused is refused; the kinds it says are accepted are accepted', () => {
    const refused = examplesAfter(POLICY, '- **Refused**', '\n\n');
    for (const entry of ['CC-BY-NC-4.0', 'llama3', 'qwen-research', 'cc', 'unknown', 'proprietary', 'MIT'])
      assert.ok(refused.includes(entry), `the page names ${entry}`);
    for (const entry of refused.filter((e) => !e.startsWith('--') && e !== 'treatAsOpen' && !e.includes(' '))) {
      assert.equal(judgeTreatAsOpen(entry).accepted, false, entry);
    }
    assert.equal(
      judgeTreatAsOpen('MIT').accepted === false && (judgeTreatAsOpen('MIT') as { refusal: string }).refusal,
      'already-open',
    );
    for (const entry of [
      'LicenseRef-Example-Open',
      'AdditionRef-Example',
      'Example Model License 2',
      'Apple Sample Code License',
    ]) {
      assert.equal(judgeTreatAsOpen(entry).accepted, true, entry);
    }
  });
});

describe('docs/checks.md, "One rule": its examples leave a requirement unmet', () => {
  const service = getLanguageService();
  const OLMO = example('olmo-7b.osai.yaml');
  const weights = (license: string) => {
    const text = OLMO.replace('    license: Apache-2.0\n  checkpoints:', `    license: ${license}\n  checkpoints:`);
    assert.notEqual(text, OLMO);
    const parsed = service.parse(TextDocument.create('file:///d/osai.yaml', 'osai-manifest', 1, text));
    const diagnostics = service.doValidation(parsed);
    const checklist = service.getChecklist(parsed, diagnostics)!;
    return { item: checklist.groups[2].items.find((i) => i.id === 'parameters.weights')!, verdict: checklist.verdict };
  };
  const examples = examplesAfter(CHECKS, '- **One rule:', '\n- **');

  test('the placeholders it names are placeholders: unmet, and the verdict fails', () => {
    const placeholders = ['TODO', 'TBD', 'N/A', 'none'];
    for (const p of placeholders) {
      assert.ok(examples.includes(p), `docs/checks.md names ${p}`);
      const { item, verdict } = weights(JSON.stringify(p));
      assert.equal(item.status, 'placeholder', p);
      assert.equal(verdict.state, 'fails', p);
    }
  });

  test('the family names it names are unmet for the weights', () => {
    for (const family of ['cc', 'bsd', 'gpl']) {
      assert.ok(examples.includes(family), `docs/checks.md names ${family}`);
      const { item, verdict } = weights(family);
      assert.equal(item.status, 'not-open', family);
      assert.equal(verdict.state, 'fails', family);
    }
  });

  test('the verdict it quotes for an all-placeholder manifest is the one a new manifest gets', () => {
    assert.ok(CHECKS.includes('"✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders"'));
    const parsed = service.parse(
      TextDocument.create('file:///d/osai.yaml', 'osai-manifest', 1, service.newDocument()!.text),
    );
    assert.equal(
      service.getChecklist(parsed, service.doValidation(parsed))!.verdict.title,
      '✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders',
    );
  });
});
