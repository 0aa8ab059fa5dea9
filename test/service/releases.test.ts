/**
 * Real releases, held against the Open Source Initiative's own OSAID 1.0 validation: the ones
 * OSI passed meet our checks with zero errors; the others do not, each for the reason OSI gave.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../helpers';
import { checkRelease, comparisonTable, RELEASES, TABLE_END, TABLE_PAGE, TABLE_START } from '../releases/releases';

function item(r: ReturnType<typeof checkRelease>, id: string) {
  const found = r.checklist.groups.flatMap((g) => g.items).find((i) => i.id === id);
  assert.ok(found, `${r.file}: checklist item ${id}`);
  return found;
}

describe('OSI-reviewed releases (examples/releases/)', () => {
  for (const release of RELEASES) {
    test(`${release.release}: OSI — ${release.osi}`, () => {
      const r = checkRelease(release);
      const summary = `${r.checklist.verdict.title}; unmet: ${r.unmet.join(', ')}`;
      switch (release.reason.kind) {
        case 'passes':
          assert.equal(r.checklist.verdict.meets, true, summary);
          assert.equal(r.errors, 0, summary);
          return;
        case 'weights-restricted':
          assert.equal(r.checklist.verdict.meets, false, summary);
          assert.equal(item(r, 'parameters.weights').status, 'not-open', summary);
          assert.match(item(r, 'parameters.weights').detail, /restricts use/, 'the detail names the restriction');
          return;
        case 'weights-restricted-and-components-missing':
          assert.equal(r.checklist.verdict.meets, false, summary);
          assert.equal(item(r, 'parameters.weights').status, 'not-open', summary);
          assert.equal(item(r, 'code.training').status, 'missing', summary);
          return;
        case 'training-code-and-data-information-missing':
          assert.equal(r.checklist.verdict.meets, false, summary);
          assert.equal(item(r, 'parameters.weights').status, 'met', 'the weights themselves are open');
          assert.equal(item(r, 'code.training').status, 'missing', summary);
          assert.ok(
            r.checklist.groups
              .find((g) => g.id === 'data_information')!
              .items.some((i) => i.level === 'required' && i.status === 'missing'),
            summary,
          );
          return;
      }
    });
  }

  test(`${TABLE_PAGE}'s comparison table is generated from this data (npm run releases:table)`, () => {
    const page = readFileSync(join(ROOT, TABLE_PAGE), 'utf8');
    const start = page.indexOf(TABLE_START);
    const end = page.indexOf(TABLE_END);
    assert.ok(start >= 0 && end > start, `${TABLE_PAGE} has the table markers`);
    assert.equal(page.indexOf(TABLE_START, start + 1), -1, `${TABLE_PAGE} has one table`);
    assert.equal(
      page
        .slice(0, start)
        .match(/^#+ .*$/gm)
        ?.at(-1),
      "## How our verdicts compare with OSI's",
      'the table is in its section (docs link to its anchor)',
    );
    assert.equal(
      page.slice(start + TABLE_START.length, end).trim(),
      comparisonTable(),
      `run \`npm run releases:table\` and commit ${TABLE_PAGE}`,
    );
  });
});
