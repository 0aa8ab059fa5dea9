/**
 * What the sections' Markdown shares: the number formats, the machine line, and writing a
 * section into BENCHMARKS.md between its markers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Milliseconds as the speed and hostile tables print them. */
export const f = (ms: number | undefined) =>
  ms === undefined ? '–' : ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
/** Milliseconds as the protocol section prints them: its figures are round trips, never below a millisecond's tenth. */
export const protocolMs = (ms: number | undefined) =>
  ms === undefined ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
export const n = (x: number) => x.toLocaleString('en-US');
export const mark = (ok: boolean) => (ok ? '✓' : '✗ not met');

/** The machine a section was measured on. */
export function machine(): string {
  const memory = `${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${memory}, Node ${process.version}`;
}

/**
 * Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md (appended when absent); the
 * rest stays.
 */
export function writeSection(name: string, body: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${body}\n${end}`;
  const from = previous.indexOf(start);
  const to = previous.indexOf(end, from);
  const next =
    from >= 0 && to >= 0
      ? previous.slice(0, from) + section + previous.slice(to + end.length)
      : `${previous.replace(/\n*$/, '\n\n')}${section}\n`;
  writeFileSync(file, next);
  console.log(`\nwrote ${name} in ${file}`);
}
