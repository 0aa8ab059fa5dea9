/** The hostile-input section's Markdown: one row per family, and what the guards and caps do. */
import { MAX_DIAGNOSTICS } from '../../server/src/service';
import { DEFAULT_MAX_FILE_SIZE, MAX_NESTING_DEPTH } from '../../server/src/service/yaml/parse';
import { MAX_SYMBOLS } from '../../server/src/service/yaml/symbols';
import { budget, HostileRow } from './hostile';
import { f, machine } from './markdown';

/** The whole section: its heading, when and where it was measured, and the table. */
export function hostileMarkdown(measured: string, rows: readonly HostileRow[]): string {
  const when = `${measured} (this table alone: \`npm run bench -- --hostile\`).`;
  return `## Hostile input: the worst cases\n\n${when}\n\nMachine: ${machine()}\n\n${hostileTable(rows)}`;
}

function hostileTable(rows: readonly HostileRow[]): string {
  const out: string[] = [];
  out.push(
    '| hostile family | characters | YAML tokens read | recognised as | ' +
      'diagnostics | first code | symbols | parse + validate + symbols ms ' +
      '(median of 3) | bare `yaml.parseDocument` ms (1 run) | RSS growth MB |',
  );
  out.push('|---|---:|---:|---|---:|---|---:|---:|---:|---:|');
  for (const r of rows) {
    out.push(
      `| ${r.label} | ${r.chars.toLocaleString('en-US')} | ` +
        `${r.tokens.toLocaleString('en-US')} | ${r.kind} | ` +
        `${r.diagnostics.toLocaleString('en-US')} | \`${r.firstCode}\` | ` +
        `${r.symbols.toLocaleString('en-US')} | ${f(r.ms)} | ${f(r.bare)} | ` +
        `${r.rssMb.toFixed(0)} |`,
    );
  }
  out.push('');
  out.push(
    `Two guards stop the parse before any YAML work is done in full: the parser ` +
      `is fed the YAML lexer's tokens one at a time and stops after ${budget} ` +
      `(the token budget) or when more than ${MAX_NESTING_DEPTH} collections are ` +
      `open one inside another (the nesting guard); the count and the depth are ` +
      `the parser's own, so no quoting or layout hides work or depth from them. ` +
      `The first group is generated at the size limit (` +
      `${DEFAULT_MAX_FILE_SIZE.toLocaleString('en-US')} UTF-8 bytes, ` +
      `\`DEFAULT_MAX_FILE_SIZE\`; one byte over and the file gets a single ` +
      `\`size/too-large\` warning instead) or at its count, and shows what ` +
      `refusing costs; ` +
      'the second is each worst case grown to just under the token budget, so ' +
      'it is parsed and checked in full: the slowest accepted inputs (tags ' +
      "are the parser's most expensive token; the alias bomb is then refused " +
      'when its value is built, at the first alias); ' +
      'the last group has few tokens and many characters. A MOF-looking ' +
      '`.yml` that no guard lets through is claimed as MOF only to say it was not checked. ' +
      `Time is in-process (\`parse\` + \`doValidation\` + \`findDocumentSymbols\` ` +
      `of a new document version, median of 3), beside the YAML parser alone on ` +
      `the same text (\`uniqueKeys: false\`, as the service parses; a card's body ` +
      `is not YAML, so none); RSS growth is the resident memory's peak over a ` +
      `baseline taken after a full GC, each family in its own \`node --expose-gc\` process. ` +
      `The caps keep the answers small whatever the input: at most ${MAX_DIAGNOSTICS}` +
      ` diagnostics (errors first) plus one \`size/too-many\` saying how many ` +
      `more there were, at most ${MAX_SYMBOLS.toLocaleString('en-US')}` +
      ` outline symbols, and at most 10 control-character reports.`,
  );
  return out.join('\n');
}
