/** The hover on a location: what it resolved to, and the license evidence found for it. */
import { codeSpan } from '../text/text';
import type { TargetEvidence } from './collect';
import { compareEvidence } from './compare';
import { evidenceSentence } from './diagnostics';
import { shownUri } from './uris';

export function evidenceHoverMarkdown(item: TargetEvidence, root: string, extraOpen: readonly string[]): string {
  const where = codeSpan(shownUri(item.resolved, root));
  const lines = [`**In the release:** ${where} (repository ${codeSpan(shownUri(root, '/'))})`, ''];
  switch (item.state) {
    case 'not-found':
      lines.push('It does not exist.');
      break;
    case 'outside-root':
      lines.push('It is outside the repository: not followed.');
      break;
    case 'no-evidence':
      lines.push('No license file, `SPDX-License-Identifier:` or package license states its license.');
      break;
    case 'found': {
      const comparisons = compareEvidence(item, extraOpen);
      for (const found of item.found) {
        const mine = comparisons.filter((c) => c.found === found);
        if (found.problem)
          lines.push(`- ${codeSpan(shownUri(found.uri, root))}: ${found.problem.replace(/^[^ ]+ /, '')}`);
        else if (mine.length === 0) lines.push(`- ${evidenceSentence(found, undefined, root)}: no license recognised`);
        for (const c of mine) {
          const declared = item.target.declared;
          const relation = !declared
            ? 'no license declared'
            : c.agrees
              ? 'agrees with the declared license'
              : c.alongside
                ? 'found alongside the declared license'
                : `**not** the declared ${codeSpan(declared.text)}`;
          lines.push(`- ${evidenceSentence(found, c, root)} — ${relation}`);
        }
      }
    }
  }
  return lines.join('\n');
}
