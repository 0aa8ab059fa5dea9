/** What the hover says of a BOM view's license and of its part, in the format's words. */
import { Hover, MarkupKind, Range } from 'vscode-languageserver-types';
import { licenseHoverMarkdown, type LicenseTest } from '../licenses';
import { shorten } from '../text/text';
import type { ParsedYamlDocument } from '../yaml/parse';
import type { BomLicense, BomPart, BomView } from './view';

export function rangeAt(parsed: ParsedYamlDocument, r: readonly number[]): Range {
  return { start: parsed.document.positionAt(r[0]), end: parsed.document.positionAt(r[1]) };
}

/** A license's verdict under the test of the part that states it. */
export function licenseHover(
  parsed: ParsedYamlDocument,
  license: BomLicense,
  test: LicenseTest,
  treatAsOpen: readonly string[],
): Hover {
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: licenseHoverMarkdown(license.text, test, { extraOpen: treatAsOpen }),
    },
    range: rangeAt(parsed, license.node.range!),
  };
}

/** The lines after a part's title: what the view reads it as, and whether its licenses pass. */
export function partHoverLines(
  view: BomView,
  part: BomPart,
  words: { modelLicenses: string; unstatedUse: string; notJudged: string },
): string[] {
  const judged = view.judged.find((j) => j.part === part);
  const lines: string[] = [];
  if (part === view.model)
    lines.push('', `The model: its ${words.modelLicenses} are the terms of the weights (OSAID: open terms).`);
  else if (judged) {
    const item = judged.item ? `the checklist's “${judged.item}”` : words.unstatedUse;
    lines.push(
      '',
      `Read as ${item}; its licenses must be ${judged.test === 'osi' ? 'OSI-approved' : 'open (OSD-conformant)'}.`,
    );
  } else lines.push('', words.notJudged);
  if (judged)
    lines.push(
      '',
      part.licenses.length
        ? `Licenses: ${part.licenses.map((l) => `\`${shorten(l.text)}\``).join(', ')} — ` +
            `${judged.passes ? 'pass' : 'do not pass'} the test.`
        : 'No licenses stated.',
    );
  return lines;
}
