/**
 * The treat-as-open list is bounded and judged once per list (issue 22): a workspace's settings
 * cannot make every license check read a huge list, and what is refused says why.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getLanguageService } from '../../server/src/service';
import { licenseQualifies } from '../../server/src/service/licenses';
import {
  MAX_TREAT_AS_OPEN_ENTRIES,
  MAX_TREAT_AS_OPEN_LENGTH,
  treatAsOpenFor,
} from '../../server/src/service/licenses/treatAsOpen';
import { ROOT } from '../helpers';

test('10,000 entries: the first 200 are read, and the rest are refused as one, saying how many', () => {
  assert.equal(MAX_TREAT_AS_OPEN_ENTRIES, 200);
  const list = Array.from({ length: 10_000 }, (_, i) => `LicenseRef-Reviewed-${i}`);
  const service = getLanguageService({ treatAsOpen: list });
  assert.deepEqual(
    service.settingsProblems().map((p) => [p.entry, p.refusal, p.message]),
    [
      [
        '9,800 more',
        'too-many',
        'The list has 10,000 entries; only the first 200 are read, and the 9,800 after them are ignored.',
      ],
    ],
  );
  assert.equal(licenseQualifies('LicenseRef-Reviewed-199', 'open', { extraOpen: list }), true);
  assert.equal(licenseQualifies('LicenseRef-Reviewed-200', 'open', { extraOpen: list }), false);
});

test(
  'an entry longer than any license name (1 MB) is refused without being ' + 'read; the message shows its start only',
  () => {
    assert.equal(MAX_TREAT_AS_OPEN_LENGTH, 200);
    const huge = `LicenseRef-${'x'.repeat(1_000_000)}`;
    const service = getLanguageService({ treatAsOpen: [huge, 'LicenseRef-Acme'] });
    const problems = service.settingsProblems();
    assert.deepEqual(
      problems.map((p) => p.refusal),
      ['too-long'],
    );
    assert.equal(problems[0].entry.length, 60);
    assert.ok(problems[0].message.length < 200, problems[0].message);
    assert.match(
      problems[0].message,
      /is 1,000,011 characters long: no license name is longer than 200, so it is ignored\.$/,
    );
    assert.equal(licenseQualifies('LicenseRef-Acme', 'open', { extraOpen: [huge, 'LicenseRef-Acme'] }), true);
  },
);

test('a list is judged once, however many checks read it', () => {
  const list = ['LicenseRef-Acme', 'CC-BY-NC-4.0'];
  assert.equal(treatAsOpenFor(list), treatAsOpenFor(list));
  // Another array with the same entries (a settings change) is judged again, to the same effect.
  const again = treatAsOpenFor([...list]);
  assert.notEqual(again, treatAsOpenFor(list));
  assert.deepEqual([...again.keys], [...treatAsOpenFor(list).keys]);
});

test('an untrusted workspace cannot set the settings that could hide findings (restrictedConfigurations)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations, [
    'osaiManifest.licenses.treatAsOpen',
    'osaiManifest.maxFileSize',
    'osaiManifest.mof.enable',
    'osaiManifest.evidence.enable',
    // Not one that hides findings: a cloned repository must not make the editor send its URLs to hosts.
    'osaiManifest.online.enable',
  ]);
  for (const setting of untrusted.restrictedConfigurations)
    assert.ok(pkg.contributes.configuration.properties[setting], setting);
  const treat = pkg.contributes.configuration.properties['osaiManifest.licenses.treatAsOpen'];
  assert.equal(treat.maxItems, MAX_TREAT_AS_OPEN_ENTRIES);
  assert.equal(treat.items.maxLength, MAX_TREAT_AS_OPEN_LENGTH);
});
