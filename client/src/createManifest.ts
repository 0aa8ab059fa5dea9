/**
 * "OSAID: Create osai.yaml from this card": writes the manifest the server makes from a Hugging
 * Face model card (what the card states, TODO for the rest) beside the card, and opens it —
 * its diagnostics are then the to-do list. The server makes the text; the file work is here.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CREATE_MANIFEST_FROM_CARD_COMMAND,
  MANIFEST_FROM_CARD_REQUEST,
  ManifestFromCardResult,
} from '../../server/src/protocol';

export const MANIFEST_FILE_NAME = 'osai.yaml';

/** Context key: the active editor shows a model card (for the editor title button and the command palette). */
const CONTEXT_KEY = 'osaiManifest.isModelCard';

export interface CreateOptions {
  /** Overwrite an existing osai.yaml without asking (automation and tests). */
  overwrite?: boolean;
}

/**
 * The command. `card` is the card's URI (a string from the code action, a `Uri` from a menu);
 * without it, the active editor's document. Returns the manifest's URI, or undefined when
 * nothing was written.
 */
export async function createManifestFromCard(
  client: BaseLanguageClient,
  card?: vscode.Uri | string,
  options?: CreateOptions,
): Promise<vscode.Uri | undefined> {
  const uri =
    typeof card === 'string'
      ? vscode.Uri.parse(card)
      : card instanceof vscode.Uri
        ? card
        : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Open a Hugging Face model card (README.md) to create an osai.yaml from it.');
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(uri, false);
  if (uri.scheme === 'untitled') {
    void vscode.window.showWarningMessage(`Save ${name} first: the osai.yaml is written beside the card.`);
    return undefined;
  }

  let made: ManifestFromCardResult | null;
  try {
    // The server knows the documents open in the editor: open the card (without showing it) so it has it.
    await vscode.workspace.openTextDocument(uri);
    made = await client.sendRequest<ManifestFromCardResult | null>(MANIFEST_FROM_CARD_REQUEST, {
      textDocument: { uri: uri.toString() },
    });
  } catch (error) {
    void vscode.window.showErrorMessage(`No osai.yaml could be made from ${name}: ${message(error)}`);
    return undefined;
  }
  if (!made) {
    void vscode.window.showWarningMessage(
      `${name} is not a Hugging Face model card (a Markdown file whose YAML front ` +
        `matter has model card keys such as \`license\`), so no osai.yaml can be made from it.`,
    );
    return undefined;
  }

  const target = vscode.Uri.joinPath(uri, '..', MANIFEST_FILE_NAME);
  const targetName = vscode.workspace.asRelativePath(target, false);
  if (options?.overwrite !== true && (await exists(target))) {
    const dirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === target.toString() && d.isDirty);
    const overwrite: vscode.MessageItem = { title: 'Overwrite' };
    const choice = await vscode.window.showWarningMessage(
      `${targetName} already exists. Overwrite it with a manifest made from the card?`,
      {
        modal: true,
        detail:
          `What ${targetName} says now will be replaced` +
          `${dirty ? ', and its unsaved changes in the editor will conflict with the new file' : ''}` +
          `.`,
      },
      overwrite,
      { title: 'Cancel', isCloseAffordance: true },
    );
    if (choice !== overwrite) return undefined;
  }

  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(made.text));
  } catch (error) {
    void vscode.window.showErrorMessage(`${targetName} could not be written: ${message(error)}`);
    return undefined;
  }
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.setStatusBarMessage(`Created ${targetName} from the model card: replace its TODOs.`, 5000);
  return target;
}

/** Registers the command and keeps the context key that shows it for model cards. */
export function registerCreateManifest(
  client: BaseLanguageClient,
  checklistChanged: vscode.Event<unknown>,
): vscode.Disposable {
  let generation = 0;
  // Whether the active document is a model card is the server's to say: ask it once the
  // checklist (which follows the active editor and its diagnostics) has been refreshed.
  const update = async (): Promise<void> => {
    const current = ++generation;
    const document = vscode.window.activeTextEditor?.document;
    let isCard = false;
    if (document?.languageId === 'markdown' && document.uri.scheme !== 'untitled' && client.isRunning()) {
      try {
        isCard =
          (await client.sendRequest<ManifestFromCardResult | null>(MANIFEST_FROM_CARD_REQUEST, {
            textDocument: { uri: document.uri.toString() },
          })) !== null;
      } catch {
        isCard = false;
      }
    }
    if (current === generation) void vscode.commands.executeCommand('setContext', CONTEXT_KEY, isCard);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(
      CREATE_MANIFEST_FROM_CARD_COMMAND,
      (card?: vscode.Uri | string, options?: CreateOptions) => createManifestFromCard(client, card, options),
    ),
    checklistChanged(() => void update()),
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
