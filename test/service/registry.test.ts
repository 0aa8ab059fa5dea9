/** The format registry: which format a document is, decided once per parse. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { DEFAULT_FORMATS } from '../../server/src/service/formats/registry';
import { ROOT } from '../helpers';

const OLMO_MOF = readFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'OLMo-7B.yml'), 'utf8');
const MANIFEST = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8');

function parse(uri: string, languageId: string, text: string, settings = {}, unnamed = false) {
  return getLanguageService(settings).parse(TextDocument.create(uri, languageId, 1, text), { unnamed });
}

describe('format recognition', () => {
  test('manifests by file name or language id; MOF files by content; anything else is none, unparsed', () => {
    assert.equal(parse('file:///w/osai.yaml', 'yaml', 'osaid: "1.0"\n').kind, 'osai');
    assert.equal(parse('file:///w/release.osai.yml', 'yaml', '').kind, 'osai');
    assert.equal(parse('untitled:Untitled-1', 'osai-manifest', '').kind, 'osai');
    assert.equal(parse('file:///w/OLMo.yml', 'yaml', OLMO_MOF).kind, 'mof');
    const other = parse('file:///w/config.yml', 'yaml', 'name: demo\nframework: express\n');
    assert.equal(other.kind, 'none');
    assert.equal(other.yaml, undefined, 'a document no format may claim is not even parsed');
  });

  test('a "maybe" that the parse does not confirm is none; a name wins over content', () => {
    const mentions = parse('file:///w/notes.yml', 'yaml', 'framework:\n  name: other\nsee: Model Openness Framework\n');
    assert.equal(mentions.kind, 'none');
    assert.equal(parse('file:///w/osai.yaml', 'yaml', OLMO_MOF).kind, 'osai', 'the manifest format comes first');
  });

  test('a MOF file is recognised however its name is written: flow style, folded, with YAML escapes', () => {
    const release = 'release: {name: x, producer: y, license: {}, components: []}\n';
    for (const framework of [
      '{framework: {name: Model Openness Framework}}\n',
      'framework:\n  name: "Model\\tOpenness Framework"\n' + release,
      'framework:\n  name: "Model\\x20Openness Framework"\n' + release,
      'framework:\n  name: Model\n    Openness Framework\n' + release,
      'framework: {name: "MODEL OPENNESS FRAMEWORK"}\n' + release,
    ]) {
      assert.equal(parse('file:///w/x.yml', 'yaml', framework).kind, 'mof', JSON.stringify(framework));
    }
  });

  test('turning MOF off (osaiManifest.mof.enable) makes MOF files none', () => {
    assert.equal(parse('file:///w/OLMo.yml', 'yaml', OLMO_MOF, { mof: false }).kind, 'none');
  });

  test('text without a name (stdin) is a manifest unless its content is a MOF file', () => {
    assert.equal(parse('file:///w/%3Cstdin%3E', 'yaml', MANIFEST, {}, true).kind, 'osai');
    assert.equal(parse('file:///w/%3Cstdin%3E', 'yaml', OLMO_MOF, {}, true).kind, 'mof');
  });

  test('files found in folders: claimed by name without reading them, by content otherwise', () => {
    const service = getLanguageService();
    let reads = 0;
    const read = (text: string) => () => {
      reads++;
      return text;
    };
    assert.equal(service.mayClaimFile('file:///w/osai.yaml', read('')), true);
    assert.equal(reads, 0, 'a manifest is claimed by its name');
    assert.equal(service.mayClaimFile('file:///w/OLMo.yml', read(OLMO_MOF)), true);
    assert.equal(service.mayClaimFile('file:///w/config.yml', read('name: demo\n')), false);
    assert.equal(service.mayClaimFile('file:///w/README.md', read(OLMO_MOF)), false, 'only YAML files');
  });

  test('format ids are distinct, and the codes of every format are documented', () => {
    const ids = DEFAULT_FORMATS.map((f) => f.id);
    assert.deepEqual(ids, [...new Set(ids)]);
    assert.ok(!ids.includes('none'), '`none` answers when no format claims a document');
    const docs = getLanguageService().codeDocs();
    for (const code of [
      'osaid/missing',
      'license/restricted',
      ...DEFAULT_FORMATS.flatMap((f) => Object.keys(f.codes ?? {})),
    ])
      assert.ok(docs[code], code);
  });
});
