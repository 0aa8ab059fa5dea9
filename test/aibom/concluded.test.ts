/**
 * The license the evidence concluded, beside the declared one, in the AI-BOM exports. The
 * release is examples/release (its own folder as the root); the expectations are written from
 * its files: weights/LICENSE is the text of CC BY-NC 4.0 (Apache-2.0 is declared), inference/
 * holds LICENSE-APACHE and LICENSE-MIT (`MIT OR Apache-2.0` is declared), ./evaluation does not
 * exist, the checkpoints and the dataset are URLs (no local evidence).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeFilesSync } from '../../server/src/host/nodeFiles';
import { getLanguageService } from '../../server/src/service';
import { ROOT } from '../helpers';
import { cyclonedxValidator } from './cyclonedxSchema';
import { spdx3Validator } from './spdx3Schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the exports' JSON, read by path in the assertions
type Loose = Record<string, any>;
const TOOL = { name: 'osai-check', version: '0.0.0-test' };
const RELEASE = join(ROOT, 'examples', 'release');

function release() {
  const service = getLanguageService();
  const file = join(RELEASE, 'osai.yaml');
  const parsed = service.parse(
    TextDocument.create(pathToFileURL(file).href, 'osai-manifest', 1, readFileSync(file, 'utf8')),
  );
  const evidence = service.collectEvidenceSync(parsed, nodeFilesSync, { roots: [pathToFileURL(RELEASE).href] })!;
  return { service, parsed, evidence, diagnostics: service.doValidation(parsed, evidence) };
}

const component = (bom: Loose, key: string): Loose =>
  key === 'parameters.weights'
    ? bom.metadata.component
    : bom.components.find((c: Loose) => c['bom-ref'] === `osai:${key}`);
const property = (c: Loose, name: string): string | undefined =>
  c.properties?.find((p: Loose) => p.name === `osai-manifest:${name}`)?.value;

describe('concluded licenses (examples/release)', () => {
  const { service, parsed, evidence, diagnostics } = release();

  test('CycloneDX 1.7: the concluded license beside the declared one, and where it was found', () => {
    const bom = service.exportCycloneDx(parsed, diagnostics, { specVersion: '1.7', tool: TOOL }, evidence) as Loose;
    const weights = component(bom, 'parameters.weights');
    assert.deepEqual(weights.licenses, [
      { expression: 'Apache-2.0', acknowledgement: 'declared' },
      { expression: 'CC-BY-NC-4.0', acknowledgement: 'concluded' },
    ]);
    assert.equal(property(weights, 'license:concluded-from'), 'files: ./weights/LICENSE');
    // Both license files agree with the declared choice: it is what they show.
    assert.deepEqual(component(bom, 'code.inference').licenses, [
      { expression: 'MIT OR Apache-2.0', acknowledgement: 'declared' },
      { expression: 'MIT OR Apache-2.0', acknowledgement: 'concluded' },
    ]);
    // Nothing there, or not local: nothing concluded.
    for (const key of ['code.evaluation', 'parameters.checkpoints', 'data_information.training_data[0]']) {
      const c = component(bom, key);
      assert.ok(c, key);
      assert.ok(
        !c.licenses?.some((l: Loose) => (l.acknowledgement ?? l.license?.acknowledgement) === 'concluded'),
        key,
      );
      assert.equal(property(c, 'license:concluded-from'), undefined, key);
    }
    const validate = cyclonedxValidator('1.7');
    assert.ok(validate(bom), JSON.stringify(validate.errors));
  });

  test('CycloneDX 1.6 takes one expression: the concluded license is a property there', () => {
    const bom = service.exportCycloneDx(parsed, diagnostics, { specVersion: '1.6', tool: TOOL }, evidence) as Loose;
    const weights = component(bom, 'parameters.weights');
    assert.deepEqual(weights.licenses, [{ expression: 'Apache-2.0', acknowledgement: 'declared' }]);
    assert.equal(property(weights, 'license:concluded'), 'CC-BY-NC-4.0');
    assert.equal(property(weights, 'license:concluded-from'), 'files: ./weights/LICENSE');
    const validate = cyclonedxValidator('1.6');
    assert.ok(validate(bom), JSON.stringify(validate.errors));
  });

  test('SPDX 3: hasConcludedLicense beside hasDeclaredLicense', () => {
    const doc = service.exportSpdx3(parsed, diagnostics, { tool: TOOL }, evidence) as Loose;
    const graph = doc['@graph'] as Loose[];
    const model = graph.find((e) => e.type === 'ai_AIPackage')!;
    const licenseOf = (type: string) => {
      const r = graph.find((e) => e.type === 'Relationship' && e.from === model.spdxId && e.relationshipType === type);
      return (
        r && { license: graph.find((e) => e.spdxId === r.to[0])?.simplelicensing_licenseExpression, comment: r.comment }
      );
    };
    assert.equal(licenseOf('hasDeclaredLicense')?.license, 'Apache-2.0');
    assert.deepEqual(licenseOf('hasConcludedLicense'), {
      license: 'CC-BY-NC-4.0',
      comment: "Concluded from the release's files: ./weights/LICENSE",
    });
    const validate = spdx3Validator();
    assert.ok(validate(doc), JSON.stringify(validate.errors));
  });

  test('read back, the concluded license is one more license the weights must pass', () => {
    const bom = service.exportCycloneDx(parsed, diagnostics, { specVersion: '1.7', tool: TOOL }, evidence) as Loose;
    const read = service.parse(TextDocument.create('file:///r/example.cdx.json', 'json', 1, JSON.stringify(bom)));
    const status = (p: typeof read) =>
      new Map(
        service
          .getChecklist(p, service.doValidation(p))!
          .groups.flatMap((g) => g.items)
          .map((i) => [i.id, i.status]),
      );
    // CC BY-NC 4.0 restricts commercial use: not open. Without the evidence, Apache-2.0 alone is met.
    assert.equal(status(read).get('parameters.weights'), 'not-open');
    // The same in 1.6, where the concluded license is a property: it is read as well.
    const bom16 = service.exportCycloneDx(parsed, diagnostics, { specVersion: '1.6', tool: TOOL }, evidence) as Loose;
    const read16 = service.parse(TextDocument.create('file:///r/example.cdx.json', 'json', 1, JSON.stringify(bom16)));
    assert.equal(status(read16).get('parameters.weights'), 'not-open');
    const plain = service.exportCycloneDx(parsed, service.doValidation(parsed), { specVersion: '1.7', tool: TOOL });
    const readPlain = service.parse(
      TextDocument.create('file:///r/example.cdx.json', 'json', 1, JSON.stringify(plain)),
    );
    assert.equal(status(readPlain).get('parameters.weights'), 'met');
  });

  test('without evidence nothing is concluded', () => {
    const bom = service.exportCycloneDx(parsed, service.doValidation(parsed), {
      specVersion: '1.7',
      tool: TOOL,
    }) as Loose;
    assert.deepEqual(component(bom, 'parameters.weights').licenses, [
      { expression: 'Apache-2.0', acknowledgement: 'declared' },
    ]);
    assert.ok(!JSON.stringify(bom).includes('concluded'));
  });
});
