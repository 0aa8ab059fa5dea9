import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItem } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, example, ROOT, service } from '../helpers';

function at(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} in text`);
  return doc(text).positionAt(offset + delta);
}

function hover(text: string, needle: string, delta = 0): string {
  const h = service.doHover(service.parse(doc(text)), at(text, needle, delta));
  assert.ok(h, `a hover at ${needle}`);
  return (h.contents as { value: string }).value;
}

describe('hover', () => {
  const text = example('olmo-7b.osai.yaml');
  test('on a requirement key: what OSAID requires, an example and the source', () => {
    const md = hover(text, 'labeling:', 2);
    assert.match(md, /^\*\*Labeling procedures\*\* — Required by OSAID 1\.0/);
    assert.match(md, /```yaml\nlabeling: /);
    assert.match(
      md,
      /Source: \[Open Source AI Definition 1\.0\]\(https:\/\/opensource\.org\/ai\/open-source-ai-definition\)/,
    );
  });
  test('on a conditional key it says when it applies', () => {
    const md = hover(example('llama-style.osai.yaml'), 'obtain:', 1);
    assert.match(md, /Required when `kind: third_party` by OSAID 1\.0/);
  });
  test('on a license value: name and verdicts', () => {
    const md = hover(text, 'ODC-By-1.0', 3);
    assert.match(md, /Open Data Commons Attribution License v1\.0/);
  });
  test('on a value of a plain key it documents the key', () => {
    assert.match(hover(text, 'producer: Allen', 12), /\*\*Producer\*\*/);
  });
  test('on an unknown key there is no hover', () => {
    const t = 'foo: 1\n';
    assert.equal(service.doHover(service.parse(doc(t)), at(t, 'foo')), null);
  });
});

describe('completion', () => {
  function complete(text: string, needle: string, delta = 0, snippets = false): CompletionItem[] {
    return service.doComplete(service.parse(doc(text)), at(text, needle, delta), { snippets }).items;
  }
  test('top-level keys not yet present, required first', () => {
    const text = 'osaid: "1.0"\nsy\n';
    const items = complete(text, 'sy', 2);
    assert.deepEqual(
      items.map((i) => i.label),
      ['system', 'parameters', 'code', 'data_information'],
    );
    assert.deepEqual(
      items.map((i) => i.sortText),
      ['0001', '0002', '0003', '0004'],
    );
    assert.equal((items[0].textEdit as { newText: string }).newText, 'system:\n  name: TODO\n  producer: TODO');
    assert.deepEqual((items[0].textEdit as { range: unknown }).range, {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 2 },
    });
  });
  test('inside parameters: weights (required) before the recommended ones', () => {
    const text = 'parameters:\n  \n';
    const items = complete(text, '\n  \n', 3);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['weights', 'Required · Model weights'],
        ['checkpoints', 'Recommended · Intermediate checkpoints'],
        ['optimizer_state', 'Recommended · Optimizer state'],
      ],
    );
  });
  test('inside a training data item, after `- `: the item keys', () => {
    const text = 'data_information:\n  training_data:\n    - name: x\n      \n';
    const items = complete(text, 'x\n      ', 8);
    assert.deepEqual(
      items.map((i) => i.label),
      ['kind', 'location', 'license', 'obtain', 'fee', 'reason'],
    );
  });
  test('`kind` values', () => {
    const text = 'data_information:\n  training_data:\n    - name: x\n      kind: \n';
    assert.deepEqual(
      complete(text, 'kind: ', 6).map((i) => i.label),
      ['public', 'third_party', 'unshareable'],
    );
  });
  test('license ids in code: OSI-approved first, marked', () => {
    const text = 'code:\n  training:\n    license: \n';
    const items = complete(text, 'license: ', 9);
    assert.ok(items.length > 500);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.ok(sorted.slice(0, 50).every((i) => i.labelDetails?.description === 'OSI ✓'));
    assert.ok(items.some((i) => i.label === 'Apache-2.0' && i.detail?.startsWith('✓ OSI-approved')));
  });
  test('snippets when the client supports them', () => {
    const text = 'system:\n  name: n\n  \n';
    const items = complete(text, 'n\n  ', 4, true);
    const producer = items.find((i) => i.label === 'producer');
    assert.equal((producer?.textEdit as { newText: string }).newText, 'producer: ${1:TODO}');
    assert.equal(producer?.insertTextFormat, 2);
  });
});

describe('document symbols', () => {
  test('sections, their keys and named list items', () => {
    const symbols = service.findDocumentSymbols(service.parse(doc(example('olmo-7b.osai.yaml'))));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['osaid', 'system', 'parameters', 'code', 'data_information'],
    );
    const data = symbols[4];
    assert.deepEqual(
      data.children?.map((s) => s.name),
      ['license', 'description', 'training_data', 'documentation'],
    );
    assert.deepEqual(
      data.children?.[2].children?.map((s) => s.name),
      ['Dolma'],
    );
    assert.deepEqual(data.range.start, { line: 31, character: 0 });
    assert.deepEqual(data.selectionRange, { start: { line: 31, character: 0 }, end: { line: 31, character: 16 } });
  });
});

describe('code lens verdict', () => {
  const lens = (name: string) => {
    const parsed = service.parse(doc(example(name)));
    return service.getCodeLenses(parsed, service.doValidation(parsed))[0].command?.title;
  };
  test('complete example meets the checks', () =>
    assert.equal(lens('olmo-7b.osai.yaml'), '✓ Meets the OSAID 1.0 checks'));
  test('incomplete example counts its unmet requirements', () =>
    assert.equal(lens('missing-data-information.osai.yaml'), '✗ 6 unmet OSAID 1.0 requirements'));
});

describe('setting osaiManifest.licenses.treatAsOpen', () => {
  const text =
    'parameters:\n  weights: {location: x, license: ' +
    'LicenseRef-Acme-Model-1.0}\ncode:\n  training: {location: y, license: ' +
    'LicenseRef-Acme-Model-1.0}\n';
  const licenseCodes = (settings: { treatAsOpen: string[] }) => {
    const s = getLanguageService(settings);
    return s
      .doValidation(s.parse(doc(text)))
      .filter((d) => String(d.code).startsWith('license/'))
      .map((d) => `${d.code}@${d.range.start.line + 1}`);
  };
  test('an unreviewed LicenseRef is not open, and never OSI-approved', () => {
    assert.deepEqual(licenseCodes({ treatAsOpen: [] }), ['license/not-open@2', 'license/not-osi-approved@4']);
  });
  test('a reviewed LicenseRef passes for parameters, still not for code', () => {
    assert.deepEqual(licenseCodes({ treatAsOpen: ['LicenseRef-Acme-Model-1.0'] }), ['license/not-osi-approved@4']);
  });
});

describe('document kinds: OSAID manifests by name, MOF model files by content, nothing else', () => {
  const olmoMof = readFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'OLMo-7B.yml'), 'utf8');
  const open = (uri: string, text: string, languageId = 'yaml', settings = {}) => {
    const s = getLanguageService(settings);
    const parsed = s.parse(TextDocument.create(uri, languageId, 1, text));
    const diagnostics = s.doValidation(parsed);
    return { kind: parsed.kind, diagnostics, lenses: s.getCodeLenses(parsed, diagnostics), s, parsed };
  };
  test('a YAML file that is neither format gets nothing, and is not even parsed', () => {
    const r = open(
      'file:///w/.github/workflows/ci.yml',
      'name: CI\non: [push]\njobs: {build: {runs-on: ubuntu-latest}}\n',
    );
    assert.equal(r.kind, 'none');
    assert.equal(r.parsed.yaml, undefined);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.lenses, []);
    assert.deepEqual(r.s.findDocumentSymbols(r.parsed), []);
  });
  test('a YAML file that only mentions the framework is not claimed', () => {
    const r = open('file:///w/notes.yaml', 'framework:\n  name: Some other framework\n# Model Openness Framework\n');
    assert.equal(r.kind, 'none');
    assert.deepEqual(r.diagnostics, []);
  });
  test('a MOF model file in any .yml gets the MOF class lens', () => {
    const r = open('file:///w/models/OLMo-7B.yml', olmoMof);
    assert.equal(r.kind, 'mof');
    assert.match(r.lenses[0].command!.title, /^MOF Class I — Open Science/);
  });
  test('an OSAID manifest stays an OSAID manifest, even if it mentions MOF', () => {
    const r = open(
      'file:///w/osai.yaml',
      `# Model Openness Framework\n${example('olmo-7b.osai.yaml')}`,
      'osai-manifest',
    );
    assert.equal(r.kind, 'osai');
    assert.equal(r.lenses[0].command?.title, '✓ Meets the OSAID 1.0 checks');
  });
  test('with Red Hat YAML active, MOF files opened as yaml leave syntax errors to it', () => {
    const broken = olmoMof.replace('release:\n', 'release:\n  bad: [unclosed\n');
    const withSyntax = open('file:///w/m.yml', broken).diagnostics.filter((d) => d.code === 'yaml/syntax');
    assert.ok(withSyntax.length > 0);
    assert.deepEqual(
      open('file:///w/m.yml', broken, 'yaml', { mofYamlSyntax: false }).diagnostics.filter(
        (d) => d.code === 'yaml/syntax',
      ),
      [],
    );
  });
  test('the setting osaiManifest.mof.enable = false turns MOF checks off', () => {
    const r = open('file:///w/models/OLMo-7B.yml', olmoMof, 'yaml', { mof: false });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.lenses, []);
  });
});
