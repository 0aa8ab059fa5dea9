/**
 * The data of a parse, built with a cap on alias expansions, and when it cannot be built (an
 * alias bomb, an alias to no anchor) the diagnostic that points at the alias.
 */
import { Document, isAlias, isNode, visit } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { codeSpan, shorten } from '../text/text';
import { MAX_PARSER_MESSAGE } from './syntaxDiagnostics';
import { diagnostic } from './spans';

/** Aliases beyond this count are treated as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

/** The parse's data (aliases expanded), or the diagnostic saying why it could not be built. */
export function valueWithAliases(
  document: TextDocument,
  yaml: Document.Parsed,
): { value: unknown } | { diagnostic: Diagnostic } {
  try {
    return { value: yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    // toJS throws on alias bombs and on aliases to no anchor (both ReferenceErrors); point at the alias so the user
    // sees where.
    const unresolved = firstUnresolvedAlias(yaml);
    const at = unresolved?.offset ?? firstAliasOffset(yaml);
    const end = at + 1 + (unresolved?.name.length ?? 0);
    return {
      diagnostic: diagnostic(
        document,
        at,
        end,
        DiagnosticSeverity.Error,
        'yaml/syntax',
        unresolved
          ? `The alias ${codeSpan(`*${unresolved.name}`)} names no anchor: mark the ` +
              `value it should repeat with ${codeSpan(`&${unresolved.name}`)} earlier ` +
              `in the file, or write the value out. The file was not checked further.`
          : error instanceof ReferenceError
            ? 'Too many alias expansions: this looks like an alias bomb ("billion ' +
              'laughs"), so the file was not checked further. Write the values out ' +
              'instead of aliasing them.'
            : `The YAML could not be read: ${shorten((error as Error).message, MAX_PARSER_MESSAGE)}`,
      ),
    };
  }
}

/** The first alias whose anchor is not defined before it (in document order), if any. */
function firstUnresolvedAlias(doc: Document.Parsed): { offset: number; name: string } | undefined {
  const anchors = new Set<string>();
  let found: { offset: number; name: string } | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        found = { offset: node.range?.[0] ?? 0, name: node.source };
        return visit.BREAK;
      }
    } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
    return undefined;
  });
  return found;
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}
