/**
 * The Hub's own metadata rules for model and dataset cards (`hf/…`): exact codes, ranges and
 * data; every quick fix applied removes its diagnostic and leaves a card of the same kind, with
 * LF and CRLF line endings; completion of the Hub's license ids and of keys in the front
 * matter (never in the body); hovers on keys. Expected values are written by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service';
import type { ParsedDocument } from '../../server/src/service/formats/format';
import { applyWorkspaceEdit, brief } from '../helpers';

const service = getLanguageService();
const URI = 'file:///w/README.md';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

function open(text: string): ParsedDocument {
  return service.parse(TextDocument.create(URI, 'markdown', 1, text));
}

function check(text: string) {
  const parsed = open(text);
  const all = service.doValidation(parsed);
  return { parsed, all, hf: all.filter((d) => String(d.code).startsWith('hf/')) };
}

/** The `hf/…` diagnostics, briefly, with their path. */
function hubBrief(text: string): string[] {
  return check(text).hf.map((d) => `${brief(d)} ${(d.data as { path: string }).path}`);
}

function fixesFor(text: string, d: Diagnostic, only?: string[]): CodeAction[] {
  const { parsed, all } = check(text);
  return service.getCodeActions(parsed, [d], all, only).filter((a) => a.diagnostics?.includes(d));
}

/**
 * Applies the fix titled `title` of the one diagnostic `code` at `path`; checks that the
 * diagnostic is gone, the YAML still parses and the card is still of its kind. Returns the text.
 */
function applyFix(text: string, code: string, path: string, title: string): string {
  const before = check(text);
  const d = before.hf.find((x) => x.code === code && (x.data as { path: string }).path === path);
  assert.ok(d, `${code} at ${path} in:\n${text}`);
  const actions = fixesFor(text, d, undefined);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  const fixed = applyWorkspaceEdit(text, action.edit, URI);
  const after = check(fixed);
  assert.equal(after.parsed.kind, before.parsed.kind, `still a ${before.parsed.kind}:\n${fixed}`);
  assert.deepEqual(
    after.parsed.yaml?.errors.map((e) => e.message),
    [],
    `valid YAML:\n${fixed}`,
  );
  assert.ok(
    !after.hf.some((x) => x.code === code && (x.data as { path: string }).path === path),
    `${code} at ${path} is gone:\n${fixed}`,
  );
  return fixed;
}

function titles(text: string, code: string, path: string): string[] {
  const d = check(text).hf.find((x) => x.code === code && (x.data as { path: string }).path === path)!;
  return fixesFor(text, d).map((a) => a.title);
}

const card = (...lines: string[]) =>
  ['---', ...lines, '---', '', '# A model', '', 'license: MIT (the body is not checked)', ''].join('\n');

describe('hf/license-id', () => {
  test('a case variant or SPDX spelling of a Hub id: the Hub id as the replacement', () => {
    const text = card('license: MIT', 'tags:', '- a');
    const { hf } = check(text);
    assert.deepEqual(hf.map(brief), ['hf/license-id@2:10-2:13']);
    assert.equal(hf[0].severity, DiagnosticSeverity.Error);
    assert.equal(hf[0].source, 'osai');
    assert.deepEqual(hf[0].data, { path: 'license', replacements: ['mit'] });
    assert.equal(applyFix(text, 'hf/license-id', 'license', 'Change to `mit`'), card('license: mit', 'tags:', '- a'));

    assert.deepEqual(
      check(card('license: Apache-2.0')).hf.map((d) => [brief(d), d.data]),
      [['hf/license-id@2:10-2:20', { path: 'license', replacements: ['apache-2.0'] }]],
    );
    // Quoted: the range is inside the quotes (as in every format), so the fix keeps the user's quoting.
    assert.deepEqual(check(card('license: "Apache-2.0"')).hf.map(brief), ['hf/license-id@2:11-2:21']);
    assert.equal(
      applyFix(card('license: "Apache-2.0"'), 'hf/license-id', 'license', 'Change to `apache-2.0`'),
      card('license: "apache-2.0"'),
    );
    // SPDX ids whose Hub id is spelt differently.
    assert.deepEqual(check(card('license: ODC-By-1.0')).hf[0].data, { path: 'license', replacements: ['odc-by'] });
    assert.deepEqual(check(card('license: GPL-3.0-only')).hf[0].data, { path: 'license', replacements: ['gpl-3.0'] });
    assert.deepEqual(check(card('license: Apache 2.0')).hf[0].data, { path: 'license', replacements: ['apache-2.0'] });
  });

  test('Hub ids are not reported, whatever they mean for OSAID', () => {
    for (const id of ['mit', 'apache-2.0', 'llama3', 'cc-by-nc-4.0', 'openrail++', 'llama3.1', 'unknown']) {
      assert.deepEqual(hubBrief(card(`license: ${id}`)), [], id);
    }
  });

  test('an SPDX id the Hub does not list: `license: other` with `license_name`', () => {
    const text = card('license: CC-BY-SA-2.0', 'datasets:', '- allenai/dolma');
    assert.deepEqual(hubBrief(text), ['hf/license-id@2:10-2:22 license']);
    assert.deepEqual(check(text).hf[0].data, { path: 'license' });
    assert.deepEqual(titles(text, 'hf/license-id', 'license'), [
      'Change to `other` and add `license_name: cc-by-sa-2.0`',
    ]);
    const fixed = applyFix(text, 'hf/license-id', 'license', 'Change to `other` and add `license_name: cc-by-sa-2.0`');
    assert.equal(fixed, card('license: other', 'license_name: cc-by-sa-2.0', 'datasets:', '- allenai/dolma'));
    assert.deepEqual(hubBrief(fixed), [], 'no other Hub finding either');

    // "or later" is not on the list (huggingface_hub#4218).
    assert.equal(
      applyFix(
        card('license: GPL-3.0-or-later'),
        'hf/license-id',
        'license',
        'Change to `other` and add `license_name: gpl-3.0-or-later`',
      ),
      card('license: other', 'license_name: gpl-3.0-or-later'),
    );
  });

  test('the inserted line keeps the comment, the indentation and the line endings', () => {
    assert.equal(
      applyFix(
        card('license: CC-BY-SA-2.0 # as in the paper', 'tags: [a]'),
        'hf/license-id',
        'license',
        'Change to `other` and add `license_name: cc-by-sa-2.0`',
      ),
      card('license: other # as in the paper', 'license_name: cc-by-sa-2.0', 'tags: [a]'),
    );
    assert.equal(
      applyFix(
        card('  license: CC-BY-SA-2.0', '  tags: [a]'),
        'hf/license-id',
        'license',
        'Change to `other` and add `license_name: cc-by-sa-2.0`',
      ),
      card('  license: other', '  license_name: cc-by-sa-2.0', '  tags: [a]'),
    );
    const text = crlf(card('license: CC-BY-SA-2.0', 'tags: [a]'));
    assert.deepEqual(hubBrief(text), ['hf/license-id@2:10-2:22 license']);
    assert.equal(
      applyFix(text, 'hf/license-id', 'license', 'Change to `other` and add `license_name: cc-by-sa-2.0`'),
      crlf(card('license: other', 'license_name: cc-by-sa-2.0', 'tags: [a]')),
    );
    assert.equal(
      applyFix(crlf(card('license: MIT')), 'hf/license-id', 'license', 'Change to `mit`'),
      crlf(card('license: mit')),
    );
  });

  test('with a `license_name` already there, only `other`', () => {
    const text = card('license: CC-BY-SA-2.0', 'license_name: my-terms');
    assert.deepEqual(hubBrief(text), [
      'hf/license-id@2:10-2:22 license',
      'hf/license-name-without-other@3:1-3:13 license_name',
    ]);
    assert.deepEqual(titles(text, 'hf/license-id', 'license'), ['Change to `other` (the card has a `license_name`)']);
    assert.equal(
      applyFix(text, 'hf/license-id', 'license', 'Change to `other` (the card has a `license_name`)'),
      card('license: other', 'license_name: my-terms'),
    );
  });

  test('an unknown name: close Hub ids, and `other` with the name when it reads as an id', () => {
    const text = card('license: lama2');
    assert.deepEqual(
      check(text).hf.map((d) => [brief(d), d.data]),
      [['hf/license-id@2:10-2:15', { path: 'license', replacements: ['llama2'] }]],
    );
    assert.deepEqual(titles(text, 'hf/license-id', 'license'), [
      'Change to `llama2`',
      'Change to `other` and add `license_name: lama2`',
    ]);
    assert.equal(applyFix(text, 'hf/license-id', 'license', 'Change to `llama2`'), card('license: llama2'));

    const custom = card('license: my-license-1.0');
    assert.deepEqual(
      check(custom).hf.map((d) => [brief(d), d.data]),
      [['hf/license-id@2:10-2:24', { path: 'license' }]],
    );
    assert.equal(
      applyFix(custom, 'hf/license-id', 'license', 'Change to `other` and add `license_name: my-license-1.0`'),
      card('license: other', 'license_name: my-license-1.0'),
    );

    // An expression is no id: reported, nothing to offer.
    const expression = card('license: apache-2.0 OR mit');
    assert.deepEqual(hubBrief(expression), ['hf/license-id@2:10-2:27 license']);
    assert.deepEqual(titles(expression, 'hf/license-id', 'license'), []);
  });

  test('a dataset card: the same rule', () => {
    const text = card('license: CC-BY-4.0', 'task_categories:', '- text-generation');
    assert.equal(check(text).parsed.kind, 'datasetcard');
    assert.deepEqual(
      check(text).hf.map((d) => [brief(d), d.data]),
      [['hf/license-id@2:10-2:19', { path: 'license', replacements: ['cc-by-4.0'] }]],
    );
    assert.equal(
      applyFix(text, 'hf/license-id', 'license', 'Change to `cc-by-4.0`'),
      card('license: cc-by-4.0', 'task_categories:', '- text-generation'),
    );
  });
});

describe('hf/license-other-unnamed', () => {
  test('`license: other` without `license_name`: on `other`, with a line to fill in', () => {
    const text = card('license: other', 'library_name: transformers');
    const { hf } = check(text);
    assert.deepEqual(hf.map(brief), ['hf/license-other-unnamed@2:10-2:15']);
    assert.equal(hf[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(hf[0].data, { path: 'license' });
    assert.equal(
      applyFix(text, 'hf/license-other-unnamed', 'license', 'Add `license_name: TODO`'),
      card('license: other', 'license_name: TODO', 'library_name: transformers'),
    );
    assert.equal(
      applyFix(crlf(text), 'hf/license-other-unnamed', 'license', 'Add `license_name: TODO`'),
      crlf(card('license: other', 'license_name: TODO', 'library_name: transformers')),
    );
  });

  test('a link alone does not name the license; a name does', () => {
    assert.deepEqual(hubBrief(card('license: other', 'license_link: LICENSE')), [
      'hf/license-other-unnamed@2:10-2:15 license',
    ]);
    assert.deepEqual(hubBrief(card('license: other', 'license_name: my-license-1.0', 'license_link: LICENSE')), []);
  });

  test('an empty `license_name` does not name it either; the fix never adds a second one', () => {
    const text = card('license: other', "license_name: ''");
    assert.deepEqual(hubBrief(text), ['hf/license-other-unnamed@2:10-2:15 license']);
    assert.deepEqual(titles(text, 'hf/license-other-unnamed', 'license'), []);
  });
});

describe('hf/license-name-without-other', () => {
  test('on each stray key; change `license` to `other`, or remove the key under a listed id', () => {
    const text = card('license: apache-2.0', 'license_name: yi-license', 'license_link: LICENSE');
    const { hf } = check(text);
    assert.deepEqual(hf.map(brief), [
      'hf/license-name-without-other@3:1-3:13',
      'hf/license-name-without-other@4:1-4:13',
    ]);
    assert.deepEqual(
      hf.map((d) => d.data),
      [{ path: 'license_name' }, { path: 'license_link' }],
    );
    assert.ok(hf.every((d) => d.severity === DiagnosticSeverity.Warning));
    assert.deepEqual(titles(text, 'hf/license-name-without-other', 'license_name'), [
      'Change `license` to `other`',
      'Remove `license_name`',
    ]);
    const fixed = applyFix(text, 'hf/license-name-without-other', 'license_name', 'Change `license` to `other`');
    assert.equal(fixed, card('license: other', 'license_name: yi-license', 'license_link: LICENSE'));
    assert.deepEqual(hubBrief(fixed), [], 'one change answers both');
    assert.equal(
      applyFix(text, 'hf/license-name-without-other', 'license_link', 'Remove `license_link`'),
      card('license: apache-2.0', 'license_name: yi-license'),
    );
  });

  test('a link beside a listed id: removing it is the only fix (`other` would lose the id and name nothing)', () => {
    const text = card('license: mit', 'license_link: LICENSE', 'tags: [a]');
    assert.deepEqual(hubBrief(text), ['hf/license-name-without-other@3:1-3:13 license_link']);
    assert.deepEqual(titles(text, 'hf/license-name-without-other', 'license_link'), ['Remove `license_link`']);
    assert.equal(
      applyFix(crlf(text), 'hf/license-name-without-other', 'license_link', 'Remove `license_link`'),
      crlf(card('license: mit', 'tags: [a]')),
    );
  });

  test('no `license` at all: add `license: other` before the first stray key', () => {
    const text = card('datasets:', '- allenai/dolma', 'license_name: my-license', 'license_link: LICENSE');
    assert.deepEqual(hubBrief(text), [
      'hf/license-name-without-other@4:1-4:13 license_name',
      'hf/license-name-without-other@5:1-5:13 license_link',
    ]);
    const fixed = applyFix(text, 'hf/license-name-without-other', 'license_name', 'Add `license: other`');
    assert.equal(
      fixed,
      card('datasets:', '- allenai/dolma', 'license: other', 'license_name: my-license', 'license_link: LICENSE'),
    );
    assert.deepEqual(hubBrief(fixed), []);
    assert.equal(
      applyFix(crlf(text), 'hf/license-name-without-other', 'license_link', 'Add `license: other`'),
      crlf(card('datasets:', '- allenai/dolma', 'license: other', 'license_name: my-license', 'license_link: LICENSE')),
    );
  });

  test('`license: Other` is a misspelling of `other`, reported once', () => {
    assert.deepEqual(hubBrief(card('license: Other', 'license_name: x')), ['hf/license-id@2:10-2:15 license']);
  });
});

describe('hf/license-list', () => {
  test('a block list of one id: on the list, replaced by the id', () => {
    const text = card('license:', '- mit', 'tags: [a]');
    const { hf } = check(text);
    assert.deepEqual(hf.map(brief), ['hf/license-list@3:1-3:6']);
    assert.equal(hf[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(hf[0].data, { path: 'license' });
    assert.equal(applyFix(text, 'hf/license-list', 'license', 'Change to `mit`'), card('license: mit', 'tags: [a]'));
    assert.equal(
      applyFix(crlf(text), 'hf/license-list', 'license', 'Change to `mit`'),
      crlf(card('license: mit', 'tags: [a]')),
    );
  });

  test('a flow list of one id', () => {
    assert.deepEqual(hubBrief(card('license: [mit]')), ['hf/license-list@2:10-2:15 license']);
    assert.equal(
      applyFix(card('license: [mit]'), 'hf/license-list', 'license', 'Change to `mit`'),
      card('license: mit'),
    );
  });

  test('several ids: no fix, and each item that is not a Hub id is reported on its own', () => {
    const text = card('license: [mit, Apache-2.0]');
    assert.deepEqual(
      check(text).hf.map((d) => [brief(d), d.data]),
      [
        ['hf/license-list@2:10-2:27', { path: 'license' }],
        ['hf/license-id@2:16-2:26', { path: 'license[1]', replacements: ['apache-2.0'] }],
      ],
    );
    assert.deepEqual(titles(text, 'hf/license-list', 'license'), []);
    assert.equal(
      applyFix(text, 'hf/license-id', 'license[1]', 'Change to `apache-2.0`'),
      card('license: [mit, apache-2.0]'),
    );
  });

  test('a comment inside the list is never removed', () => {
    const text = card('license:', '# the weights', '- mit');
    assert.deepEqual(hubBrief(text), ['hf/license-list@4:1-4:6 license']);
    assert.deepEqual(titles(text, 'hf/license-list', 'license'), []);
  });

  test('dataset cards: lists are what the `datasets` validator asked for, not reported; their items are', () => {
    assert.deepEqual(hubBrief(card('license:', '- cc-by-4.0', 'size_categories:', '- 1K<n<10K')), []);
    assert.deepEqual(hubBrief(card('license:', '- CC-BY-4.0', 'size_categories:', '- 1K<n<10K')), [
      'hf/license-id@3:3-3:12 license[0]',
    ]);
  });
});

describe('hf/empty-id', () => {
  test('an empty item of a block list: on the item; removing its line', () => {
    const text = card('license: mit', 'datasets:', '- allenai/dolma', "- ''", '- the_pile');
    const { hf } = check(text);
    assert.deepEqual(hf.map(brief), ['hf/empty-id@5:3-5:5']);
    assert.equal(hf[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(hf[0].data, { path: 'datasets[1]' });
    assert.equal(
      applyFix(text, 'hf/empty-id', 'datasets[1]', 'Remove item 2 of `datasets`'),
      card('license: mit', 'datasets:', '- allenai/dolma', '- the_pile'),
    );
    assert.equal(
      applyFix(crlf(text), 'hf/empty-id', 'datasets[1]', 'Remove item 2 of `datasets`'),
      crlf(card('license: mit', 'datasets:', '- allenai/dolma', '- the_pile')),
    );
  });

  test('a bare `-` is reported on the dash; non-strings on themselves', () => {
    assert.deepEqual(hubBrief(card('license: mit', 'datasets:', '-', '- the_pile')), [
      'hf/empty-id@4:1-4:2 datasets[0]',
    ]);
    assert.equal(
      applyFix(
        card('license: mit', 'datasets:', '-', '- the_pile'),
        'hf/empty-id',
        'datasets[0]',
        'Remove item 1 of `datasets`',
      ),
      card('license: mit', 'datasets:', '- the_pile'),
    );
    assert.deepEqual(hubBrief(card('license: mit', 'base_model:', '- 42', '- ~')), [
      'hf/empty-id@4:3-4:5 base_model[0]',
      'hf/empty-id@5:3-5:4 base_model[1]',
    ]);
  });

  test('a flow list: the item and its comma', () => {
    const text = card('license: mit', "datasets: [allenai/dolma, '', the_pile]");
    assert.deepEqual(hubBrief(text), ['hf/empty-id@3:27-3:29 datasets[1]']);
    assert.equal(
      applyFix(text, 'hf/empty-id', 'datasets[1]', 'Remove item 2 of `datasets`'),
      card('license: mit', 'datasets: [allenai/dolma, the_pile]'),
    );
    assert.equal(
      applyFix(
        card('license: mit', 'datasets: [allenai/dolma, 42]'),
        'hf/empty-id',
        'datasets[1]',
        'Remove item 2 of `datasets`',
      ),
      card('license: mit', 'datasets: [allenai/dolma]'),
    );
  });

  test('an empty `base_model`: on the value; removing the key', () => {
    const text = card('license: mit', "base_model: ''", 'tags: [a]');
    assert.deepEqual(hubBrief(text), ['hf/empty-id@3:13-3:15 base_model']);
    assert.equal(applyFix(text, 'hf/empty-id', 'base_model', 'Remove `base_model`'), card('license: mit', 'tags: [a]'));
  });

  test('a comment on the line keeps the line', () => {
    const text = card('license: mit', 'datasets:', "- '' # to do");
    assert.deepEqual(hubBrief(text), ['hf/empty-id@4:3-4:5 datasets[0]']);
    assert.deepEqual(titles(text, 'hf/empty-id', 'datasets[0]'), []);
  });

  test('not a dataset card rule', () => {
    assert.deepEqual(hubBrief(card('license: mit', 'task_categories: [text-generation]', 'datasets:', "- ''")), []);
  });
});

describe('hf/unknown-key', () => {
  test('a key within two edits of a model card key: renamed', () => {
    const text = card('license: mit', 'languages:', '- en', 'dataset: [allenai/dolma]', 'base_models: x/y');
    const { hf } = check(text);
    assert.deepEqual(
      hf.map((d) => [brief(d), d.data]),
      [
        ['hf/unknown-key@3:1-3:10', { path: 'languages', replacements: ['language'] }],
        ['hf/unknown-key@5:1-5:8', { path: 'dataset', replacements: ['datasets'] }],
        ['hf/unknown-key@6:1-6:12', { path: 'base_models', replacements: ['base_model'] }],
      ],
    );
    assert.ok(hf.every((d) => d.severity === DiagnosticSeverity.Warning));
    assert.equal(
      applyFix(text, 'hf/unknown-key', 'languages', 'Rename to `language`'),
      card('license: mit', 'language:', '- en', 'dataset: [allenai/dolma]', 'base_models: x/y'),
    );
    assert.equal(
      applyFix(crlf(text), 'hf/unknown-key', 'dataset', 'Rename to `datasets`'),
      crlf(card('license: mit', 'languages:', '- en', 'datasets: [allenai/dolma]', 'base_models: x/y')),
    );
    assert.equal(
      applyFix(
        card('licence: mit', 'tags: [a]', 'datasets: [a/b]'),
        'hf/unknown-key',
        'licence',
        'Rename to `license`',
      ),
      card('license: mit', 'tags: [a]', 'datasets: [a/b]'),
    );
  });

  test('tool keys far from every card key are not reported; neither are known keys', () => {
    assert.deepEqual(
      hubBrief(
        card(
          'license: mit',
          'model_type: llama',
          'quantized_by: someone',
          'programming_language: [python]',
          'prompt_template: x',
          'inference: false',
          'widget: []',
        ),
      ),
      [],
    );
  });

  test('a rename that would duplicate a key is not offered', () => {
    const text = card('license: mit', 'language: [en]', 'languages: [fr]');
    assert.deepEqual(
      check(text).hf.map((d) => [brief(d), d.data]),
      [['hf/unknown-key@4:1-4:10', { path: 'languages' }]],
    );
    assert.deepEqual(titles(text, 'hf/unknown-key', 'languages'), []);
  });

  test('dataset cards: against the dataset keys', () => {
    const text = card(
      'license: mit',
      'task_categorie: [text-generation]',
      'size_categories: [n<1K]',
      'datasets: [a/b]',
    );
    assert.deepEqual(
      check(text).hf.map((d) => [brief(d), d.data]),
      [['hf/unknown-key@3:1-3:15', { path: 'task_categorie', replacements: ['task_categories'] }]],
    );
    assert.equal(
      applyFix(text, 'hf/unknown-key', 'task_categorie', 'Rename to `task_categories`'),
      card('license: mit', 'task_categories: [text-generation]', 'size_categories: [n<1K]', 'datasets: [a/b]'),
    );
  });
});

describe('quick fixes', () => {
  test('honour `only`: none for other kinds', () => {
    const text = card('license: MIT');
    const d = check(text).hf[0];
    assert.deepEqual(
      fixesFor(text, d, [CodeActionKind.Source]).map((a) => a.title),
      [],
    );
    assert.deepEqual(
      fixesFor(text, d, [CodeActionKind.QuickFix]).map((a) => a.title),
      ['Change to `mit`'],
    );
    const fix = fixesFor(text, d)[0];
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
  });

  test('a stale diagnostic (the document moved on) gets no fix', () => {
    const d = check(card('license: MIT')).hf[0];
    const parsed = open(card('tags: [a]', 'license: MIT'));
    assert.deepEqual(
      service.getCodeActions(parsed, [d], [d]).filter((a) => a.diagnostics?.includes(d)),
      [],
    );
  });

  test('the codes are documented by the formats that report them', () => {
    const docs = service.codeDocs();
    for (const code of [
      'hf/license-id',
      'hf/license-other-unnamed',
      'hf/license-name-without-other',
      'hf/license-list',
      'hf/empty-id',
      'hf/unknown-key',
    ])
      assert.ok(docs[code], code);
    assert.equal(docs['hf/license-id'].severity, 'error');
  });
});

describe('completion', () => {
  const complete = (text: string, line: number, character: number) =>
    service.doComplete(open(text), { line, character }, { snippets: false }).items;

  test('after `license:` the Hub ids, open ones first, with their names', () => {
    const text = card('license: ap', 'tags: [a]');
    const items = complete(text, 1, 11);
    assert.equal(items.length, 83);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(
      sorted.slice(0, 4).map((i) => i.label),
      ['apache-2.0', 'mit', 'afl-3.0', 'artistic-2.0'],
    );
    const order = sorted.map((i) => i.label);
    assert.ok(order.indexOf('odc-by') < order.indexOf('llama2'), 'open before restricted');
    assert.ok(order.indexOf('cc-by-4.0') < order.indexOf('cc-by-nc-4.0'), 'open before non-commercial');
    const apache = items.find((i) => i.label === 'apache-2.0')!;
    assert.equal(apache.detail, 'Apache license 2.0');
    assert.deepEqual(apache.textEdit, {
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } },
      newText: 'apache-2.0',
    });
    assert.equal(items.find((i) => i.label === 'other')!.detail, 'Other');
  });

  test('right after the colon, a space comes with the id', () => {
    const items = complete(crlf(card('license:', 'tags: [a]')), 1, 8);
    assert.deepEqual(items.find((i) => i.label === 'mit')!.textEdit, {
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } },
      newText: ' mit',
    });
  });

  test("keys at the start of a line: the kind's keys, those not yet in the card first", () => {
    const text = card('license: mit', 'lib', 'tags: [a]');
    const items = complete(text, 2, 3);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('library_name') && labels.includes('base_model') && labels.includes('datasets'));
    assert.ok(!labels.includes('annotations_creators'), 'no dataset keys in a model card');
    const library = items.find((i) => i.label === 'library_name')!;
    assert.deepEqual(library.textEdit, {
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
      newText: 'library_name: ',
    });
    const license = items.find((i) => i.label === 'license')!;
    assert.ok(license.sortText! > library.sortText!, 'present keys last');
    assert.ok(
      items.filter((i) => i.sortText!.startsWith('1')).every((i) => ['license', 'tags'].includes(String(i.label))),
    );

    const dataset = complete(card('license: mit', '', 'task_categories: [x]'), 2, 0).map((i) => i.label);
    assert.ok(
      dataset.includes('annotations_creators') && dataset.includes('source_datasets') && !dataset.includes('datasets'),
    );
  });

  test('nothing in the body, on the `---` lines, inside values or nested keys', () => {
    const text = card('license: mit', 'tags:', '  - a');
    const lines = text.split('\n');
    assert.deepEqual(complete(text, 0, 0), [], 'the opening ---');
    assert.deepEqual(complete(text, 4, 0), [], 'the closing ---');
    for (let line = 5; line < lines.length; line++)
      assert.deepEqual(complete(text, line, lines[line].length), [], `body line ${line}: ${lines[line]}`);
    assert.deepEqual(complete(text, 3, 3), [], 'in a list item');
    assert.deepEqual(complete(text, 1, 3), [], 'inside an existing key');
  });
});

describe('hover', () => {
  const hover = (text: string, line: number, character: number) => service.doHover(open(text), { line, character });

  test('on `license_name`: what the Hub does with it, with the sources', () => {
    const text = card('license: other', 'license_name: my-license-1.0', 'license_link: LICENSE');
    const h = hover(text, 2, 4)!;
    assert.deepEqual(h.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } });
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /^\*\*`license_name`\*\* — Only meaningful with `license: other`/);
    assert.match(value, /\(https:\/\/huggingface\.co\/docs\/hub\/model-cards\)/);
    assert.match(value, /\(https:\/\/huggingface\.co\/docs\/hub\/repositories-licenses\)/);
  });

  test('dataset keys link the dataset card docs and say how OSAID reads them', () => {
    const value = (hover(card('license: mit', 'source_datasets: [original]'), 2, 2)!.contents as MarkupContent).value;
    assert.match(value, /^\*\*`source_datasets`\*\*/);
    assert.match(value, /provenance/);
    assert.match(value, /\(https:\/\/huggingface\.co\/docs\/hub\/datasets-cards\)/);
    assert.doesNotMatch(value, /repositories-licenses/);
  });

  test('no hover on unknown keys or in the body', () => {
    const text = card('license: mit', 'quantized_by: someone');
    assert.equal(hover(text, 2, 2), null);
    assert.equal(hover(text, 6, 2), null);
  });
});
