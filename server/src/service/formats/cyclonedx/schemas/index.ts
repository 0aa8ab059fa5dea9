/**
 * The official CycloneDX JSON schemas, by file name (ATTRIBUTION.md). The bundles replace this
 * module (scripts/bundleOptions.mjs): the schemas, without their annotations, go into one file
 * beside the bundles, `cyclonedx-schemas.json`, read when the first BOM is checked — the Node
 * server reads it from disk, the browser server gets it from its client with the license index.
 */
import bom16 from './bom-1.6.SNAPSHOT.schema.json';
import bom17 from './bom-1.7.SNAPSHOT.schema.json';
import spdx from './spdx.SNAPSHOT.schema.json';
import jsf from './jsf-0.82.SNAPSHOT.schema.json';
import cryptography from './cryptography-defs.SNAPSHOT.schema.json';

export const CYCLONEDX_SCHEMAS: Readonly<Record<string, object>> = {
  'bom-1.6.SNAPSHOT.schema.json': bom16,
  'bom-1.7.SNAPSHOT.schema.json': bom17,
  'spdx.SNAPSHOT.schema.json': spdx,
  'jsf-0.82.SNAPSHOT.schema.json': jsf,
  'cryptography-defs.SNAPSHOT.schema.json': cryptography,
};
