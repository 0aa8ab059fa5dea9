/**
 * The size guard: a file above the limit is not parsed at all, only told so. Measured in UTF-8
 * bytes, as on disk, so that the editor's setting and the command line's option agree.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes } from '../diagnostics/codes';
import { diagnostic } from './spans';

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

/** The one diagnostic of a file over the limit, or undefined when the file is within it. */
export function oversize(document: TextDocument, text: string, maxFileSize: number): Diagnostic | undefined {
  const bytes = utf8BytesAbove(text, maxFileSize);
  if (bytes === undefined) return undefined;
  return diagnostic(
    document,
    0,
    0,
    DiagnosticSeverity.Warning,
    Codes.tooLarge,
    `This file has ${bytes.toLocaleString('en-US')} bytes, more than the limit of ` +
      `${maxFileSize.toLocaleString('en-US')} (setting ` +
      `osaiManifest.maxFileSize); it was not checked.`,
  );
}

/**
 * The text's length in UTF-8 bytes when it exceeds `limit`, else undefined. A UTF-16 code unit
 * is 1 to 3 bytes (a surrogate pair 4 for 2), so most texts are settled by their length alone;
 * the rest are counted, in one pass.
 */
export function utf8BytesAbove(text: string, limit: number): number | undefined {
  if (text.length > limit) return utf8Length(text);
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  return bytes > limit ? bytes : undefined;
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    // A surrogate pair is 4 bytes for its 2 units; anything else from U+0800 (a lone half too, written as U+FFFD) is 3.
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
