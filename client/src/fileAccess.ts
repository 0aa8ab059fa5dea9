/**
 * Answers the server's `osai/fs/*` requests (protocol.ts) through `vscode.workspace.fs`: the
 * release's files for the evidence, in any file system VS Code has (a github.dev repository, a
 * remote, a virtual workspace), also when the server runs in a web worker. Only what is inside
 * a workspace folder is answered; anything else, and anything that cannot be read, is null.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FS_READ_DIRECTORY_REQUEST,
  FS_READ_FILE_REQUEST,
  FS_STAT_REQUEST,
  type FsReadFileResult,
  type FsStat,
} from '../../server/src/protocol';

/**
 * A file larger than this is not read (the server asks for at most this much, a license file's
 * limit): `workspace.fs` reads whole files, and a location may be a multi-gigabyte weights file.
 */
export const MAX_READ_BYTES = 1024 * 1024;

/** Characters per `String.fromCharCode` call: far below any engine's argument limit. */
const CHUNK = 0x8000;

/** Bytes as base64 (`btoa` exists in the Node and the web worker extension hosts alike). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function inWorkspace(value: unknown): vscode.Uri | undefined {
  const text = (value as { uri?: unknown } | null)?.uri;
  if (typeof text !== 'string') return undefined;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
  return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
}

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

export function registerFileAccess(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FS_STAT_REQUEST, async (params: unknown): Promise<FsStat | null> => {
      const uri = inWorkspace(params);
      const info = uri && (await stat(uri));
      if (!info) return null;
      const kind =
        info.type & vscode.FileType.Directory ? 'directory' : info.type & vscode.FileType.File ? 'file' : undefined;
      if (!kind) return null;
      return {
        kind,
        size: info.size,
        mtime: info.mtime,
        ...(info.type & vscode.FileType.SymbolicLink ? { link: true } : {}),
      };
    }),
    client.onRequest(FS_READ_DIRECTORY_REQUEST, async (params: unknown): Promise<string[] | null> => {
      const uri = inWorkspace(params);
      if (!uri) return null;
      try {
        return (await vscode.workspace.fs.readDirectory(uri)).map(([name]) => name);
      } catch {
        return null;
      }
    }),
    client.onRequest(FS_READ_FILE_REQUEST, async (params: unknown): Promise<FsReadFileResult | null> => {
      const uri = inWorkspace(params);
      const requested = (params as { maxBytes?: unknown }).maxBytes;
      const maxBytes =
        typeof requested === 'number' && requested > 0 ? Math.min(requested, MAX_READ_BYTES) : MAX_READ_BYTES;
      const info = uri && (await stat(uri));
      if (!uri || !info || !(info.type & vscode.FileType.File) || info.size > MAX_READ_BYTES) return null;
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        return { base64: toBase64(bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes) };
      } catch {
        return null;
      }
    }),
  ];
}
