/** Writes README's "How our verdicts compare with OSI's" table from test/releases/releases.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparisonTable, TABLE_END, TABLE_START } from '../test/releases/releases';

const path = join(__dirname, '..', 'README.md');
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(TABLE_START);
const end = readme.indexOf(TABLE_END);
if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} markers`);
writeFileSync(path, `${readme.slice(0, start + TABLE_START.length)}\n${comparisonTable()}\n${readme.slice(end)}`);
console.log('README.md: comparison table written');
