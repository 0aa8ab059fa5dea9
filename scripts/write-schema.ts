// Writes schemas/osai-manifest.schema.json from the requirements table (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifestSchema } from '../server/src/service/formats/manifest/schema';

const file = join(__dirname, '..', 'schemas', 'osai-manifest.schema.json');
writeFileSync(file, JSON.stringify(buildManifestSchema({ variant: 'published' }), null, 2) + '\n');
console.log(`wrote ${file}`);
