/**
 * The stand-in hosts for the online tests, as both suites find them: named by the launcher in
 * the workspace's online-hosts.json (test/vscode/standIn.ts), read through `vscode.workspace.fs`
 * (Node and the web worker alike), and set as the user would set them, in the endpoint settings.
 */
import * as vscode from 'vscode';

export interface StandIn {
  hub: string;
  github: string;
  web: string;
}

const settings = () => vscode.workspace.getConfiguration('osaiManifest');

/** Reads the stand-in's addresses and points the endpoint settings at it. */
export async function useStandIn(): Promise<StandIn> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('VS Code was opened on no workspace folder');
  let text: string;
  try {
    text = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'online-hosts.json')),
    );
  } catch {
    throw new Error('the launcher started no stand-in hosts (no online-hosts.json in the workspace)');
  }
  const hosts = JSON.parse(text) as StandIn;
  await settings().update('online.huggingFaceEndpoint', hosts.hub, vscode.ConfigurationTarget.Global);
  await settings().update('online.githubApiUrl', hosts.github, vscode.ConfigurationTarget.Global);
  return hosts;
}

/** The endpoint settings back to their defaults. */
export async function leaveStandIn(): Promise<void> {
  await settings().update('online.huggingFaceEndpoint', undefined, vscode.ConfigurationTarget.Global);
  await settings().update('online.githubApiUrl', undefined, vscode.ConfigurationTarget.Global);
}
