/**
 * `npm run bench`: how fast the OSAID service is, as ratios against baselines measured in
 * the same run (the bare YAML parse, and yaml-language-server with the same schema), and the
 * worst cases: hostile input at the size limit (`--hostile` runs that table alone); and what users
 * feel over the protocol, both servers spawned (`--protocol` runs that section alone, scripts/bench/protocol.ts);
 * the cost of reading a release's own files (`--evidence`, scripts/bench/evidence.ts);
 * whether typing waits for the hosts the online checks ask (`--online`, scripts/bench/online.ts);
 * `--speed` runs the service table alone.
 * Prints Markdown tables; `--write` also records them in BENCHMARKS.md.
 *
 * Each section is measured in scripts/bench/ and written by its own Markdown module; this
 * file only chooses the sections. Nothing in scripts/bench/ imports it.
 */
import { evidenceSection } from './bench/evidence';
import { hostileRows } from './bench/hostile';
import { hostileMarkdown } from './bench/hostileMarkdown';
import { writeSection } from './bench/markdown';
import { onlineSection } from './bench/online';
import { protocolSection } from './bench/protocol';
import { measureSpeed } from './bench/speed';
import { speedMarkdown } from './bench/speedMarkdown';

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const measured = `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\``;
  const only = ['--hostile', '--protocol', '--speed', '--evidence', '--online'].find((flag) =>
    process.argv.includes(flag),
  );
  if (!only || only === '--speed') {
    const output = speedMarkdown(await measureSpeed());
    console.log(output);
    if (write) writeSection('bench', `${measured}.\n\n${output}`);
    if (only) return;
  }
  if (!only || only === '--evidence') {
    const evidence = await evidenceSection(measured);
    console.log(`\n${evidence}`);
    if (write) writeSection('bench-evidence', evidence);
    if (only) return;
  }
  if (!only || only === '--online') {
    const online = await onlineSection(measured);
    console.log(`\n${online}`);
    if (write) writeSection('bench-online', online);
    if (only) return;
  }
  if (!only || only === '--protocol') {
    const protocol = await protocolSection(measured);
    console.log(`\n${protocol}`);
    if (write) writeSection('bench-protocol', protocol);
    if (only) return;
  }
  const hostile = hostileMarkdown(measured, hostileRows());
  console.log(`\n${hostile}`);
  if (write) writeSection('bench-hostile', hostile);
}

if (require.main === module)
  void main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
