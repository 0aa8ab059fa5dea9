/**
 * Completion of real paths while a location is typed (`location: ./tr|`): the names in the
 * folder the typed path leads to, inside the repository, folders first (with a `/`). Read
 * through the same host as the evidence.
 */
import { CompletionItem, CompletionItemKind, CompletionList, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findRoot } from './collect';
import { list, stat, type Steps } from './host';
import type { EvidenceTarget } from './targets';
import { childUri, isInsideUri, locationKind, parentUri, resolveUri } from './uris';

/** Names listed at most (a folder of thousands of files gives its first ones). */
const MAX_ENTRIES = 200;

/** The target whose location holds `offset` (its end included: the cursor after the last character). */
export function locationAt(targets: readonly EvidenceTarget[], offset: number): EvidenceTarget | undefined {
  return targets.find((t) => t.location && t.location.span[0] <= offset && offset <= t.location.span[1]);
}

export function* completePath(
  document: TextDocument,
  target: EvidenceTarget,
  offset: number,
  roots: readonly string[],
): Steps<CompletionList | undefined> {
  const [start] = target.location!.span;
  const typed = document.getText().slice(start, offset);
  const kind = locationKind(typed === '' ? './' : typed);
  if (kind.kind !== 'path' || /^[a-z]:\//i.test(kind.path)) return undefined;
  const slash = typed.lastIndexOf('/');
  const folderPart = slash >= 0 ? typed.slice(0, slash + 1) : './';
  const folder = parentUri(document.uri);
  const root = yield* findRoot(folder, roots);
  const dir = resolveUri(folder, folderPart);
  if (!isInsideUri(dir, root)) return undefined;
  const names = ((yield* list(dir)) ?? [])
    .filter((n) => !n.startsWith('.') && n !== 'node_modules')
    .sort()
    .slice(0, MAX_ENTRIES);
  const from = document.positionAt(start + slash + 1);
  const to = document.positionAt(offset);
  const items: CompletionItem[] = [];
  for (const name of names) {
    const isFolder = (yield* stat(childUri(dir, name)))?.kind === 'directory';
    const label = isFolder ? `${name}/` : name;
    items.push({
      label,
      kind: isFolder ? CompletionItemKind.Folder : CompletionItemKind.File,
      detail: isFolder ? 'folder in the release' : 'file in the release',
      sortText: `${isFolder ? 0 : 1}${name}`,
      textEdit: TextEdit.replace({ start: from, end: to }, label),
      // Choosing a folder asks for its contents at once.
      ...(isFolder ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
    });
  }
  return { isIncomplete: false, items };
}
