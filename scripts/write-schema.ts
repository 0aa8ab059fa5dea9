// `npm run schema`: writes schemas/osai-manifest.schema.json from the requirements table, and
// the formats' standalone validators (compiled here, not at every start: scripts/validators.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifestSchema } from '../server/src/service/formats/manifest/schema';
import { GENERATED_VALIDATORS } from './validators';

const root = join(__dirname, '..');
const file = join(root, 'schemas', 'osai-manifest.schema.json');
writeFileSync(file, JSON.stringify(buildManifestSchema({ variant: 'published' }), null, 2) + '\n');
console.log(`wrote ${file}`);
for (const validator of GENERATED_VALIDATORS) {
  for (const [path, text] of validator.files()) {
    writeFileSync(join(root, path), text);
    console.log(`wrote ${path}`);
  }
}
