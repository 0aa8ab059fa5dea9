/** Hovers: what OSAID requires at a key, and what a license value means. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { isScalar, Node } from 'yaml';
import { licenseHoverMarkdown } from '../../licenses';
import type { ParsedDocument } from '../format';
import { requirementFor } from '../../osaid/requirements';
import { markdownDoc } from '../../osaid/docs';
import { ServiceSettings } from '../../settings';
import { formatPath, nodeAt } from '../../yaml/nodes';

export function doHover(parsed: ParsedDocument, position: Position, settings: ServiceSettings): Hover | null {
  if (!parsed.yaml) return null;
  const offset = parsed.document.offsetAt(position);
  const at = nodeAt(parsed.yaml.contents as Node | null, offset);
  if (!at || !at.node.range) return null;
  const req = requirementFor(formatPath(at.path));
  if (!req) return null;
  let markdown: string;
  if (
    at.on === 'value' &&
    req.shape.kind === 'license' &&
    isScalar(at.node) &&
    at.node.value !== null &&
    String(at.node.value).trim()
  ) {
    markdown = licenseHoverMarkdown(String(at.node.value), req.shape.test, { extraOpen: settings.treatAsOpen });
  } else if (at.on === 'collection') {
    return null;
  } else {
    markdown = markdownDoc(req);
  }
  const range = {
    start: parsed.document.positionAt(at.node.range[0]),
    end: parsed.document.positionAt(at.node.range[1]),
  };
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range };
}
