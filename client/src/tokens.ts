/**
 * The access tokens of the online checks, kept in VS Code's secret storage (never in settings,
 * which sync and sit in plain text): "OSAID: Set Hugging Face token" and "OSAID: Set GitHub
 * token". They reach the language server as `HF_TOKEN` and `GITHUB_TOKEN` in its environment,
 * never in an LSP message (which the trace would log); a change restarts the server.
 */
import * as vscode from 'vscode';

export const TOKENS = [
  {
    command: 'osaiManifest.setHuggingFaceToken',
    secret: 'osaiManifest.huggingFaceToken',
    variable: 'HF_TOKEN',
    host: 'the Hugging Face Hub',
    where: 'https://huggingface.co/settings/tokens',
  },
  {
    command: 'osaiManifest.setGithubToken',
    secret: 'osaiManifest.githubToken',
    variable: 'GITHUB_TOKEN',
    host: 'GitHub',
    where: 'https://github.com/settings/tokens',
  },
] as const;

/** The variables the stored tokens set (a token stored here wins over the editor's own environment). */
export async function tokenEnvironment(secrets: vscode.SecretStorage): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const token of TOKENS) {
    const value = await secrets.get(token.secret);
    if (value) env[token.variable] = value;
  }
  return env;
}

/**
 * The two commands; `token` (for automation and tests) skips the prompt, and an empty one clears the stored token.
 * `changed` restarts the server with the new environment.
 */
export function registerTokenCommands(
  secrets: vscode.SecretStorage,
  changed: () => Promise<void>,
): vscode.Disposable[] {
  return TOKENS.map((token) =>
    vscode.commands.registerCommand(token.command, async (given?: string) => {
      const value =
        given ??
        (await vscode.window.showInputBox({
          title: `OSAID: ${token.host} token for the online checks`,
          prompt:
            `Kept in VS Code's secret storage and sent to ${token.host} only (as ${token.variable}). ` +
            `Create one at ${token.where}. Leave empty to remove the stored token.`,
          password: true,
          ignoreFocusOut: true,
        }));
      if (value === undefined) return false;
      if (value.trim() === '') await secrets.delete(token.secret);
      else await secrets.store(token.secret, value.trim());
      await changed();
      void vscode.window.setStatusBarMessage(
        value.trim() === '' ? `OSAID: ${token.host} token removed` : `OSAID: ${token.host} token stored`,
        3000,
      );
      return true;
    }),
  );
}
