/** Writes the "How our verdicts compare with OSI's" table of docs/checks.md from test/releases/releases.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparisonTable, TABLE_END, TABLE_PAGE, TABLE_START } from '../test/releases/releases';

const path = join(__dirname, '..', TABLE_PAGE);
const page = readFileSync(path, 'utf8');
const start = page.indexOf(TABLE_START);
const end = page.indexOf(TABLE_END);
if (start < 0 || end < start) throw new Error(`${TABLE_PAGE} has no ${TABLE_START} … ${TABLE_END} markers`);
writeFileSync(path, `${page.slice(0, start + TABLE_START.length)}\n${comparisonTable()}\n${page.slice(end)}`);
console.log(`${TABLE_PAGE}: comparison table written`);
