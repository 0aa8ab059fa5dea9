/**
 * The evidence host that asks the client (`osai/fs/*`, protocol.ts): for workspaces the server
 * cannot read itself — VS Code for the Web, and any scheme other than `file:` on the desktop.
 */
import type { Connection } from 'vscode-languageserver';
import {
  FS_READ_DIRECTORY_REQUEST,
  FS_READ_FILE_REQUEST,
  FS_STAT_REQUEST,
  type FsReadFileResult,
  type FsStat,
} from '../protocol';
import type { EvidenceHost } from '../service';
import { fromBase64 } from './base64';

export function clientFiles(connection: Pick<Connection, 'sendRequest'>): EvidenceHost {
  return {
    async stat(uri) {
      const answer = await connection.sendRequest<FsStat | null>(FS_STAT_REQUEST, { uri });
      return answer ?? undefined;
    },
    async readDirectory(uri) {
      const answer = await connection.sendRequest<string[] | null>(FS_READ_DIRECTORY_REQUEST, { uri });
      return Array.isArray(answer) ? answer.filter((n): n is string => typeof n === 'string') : undefined;
    },
    async readFile(uri, maxBytes) {
      const answer = await connection.sendRequest<FsReadFileResult | null>(FS_READ_FILE_REQUEST, { uri, maxBytes });
      if (typeof answer?.base64 !== 'string') return undefined;
      const bytes = fromBase64(answer.base64);
      return bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
    },
  };
}
