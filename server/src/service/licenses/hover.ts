/** Markdown describing a license string: what each id is and whether it passes the test. */
import { evaluateLicenseDetailed, namedTreatedAsOpen } from './evaluate';
import type { ExpressionNode, Operand, Span } from './expression';
import { OPEN_LICENSES_BY_ID } from './openList';
import { deprecatedReplacements, resolveException, resolveLicense } from './resolve';
import { SPDX_LICENSES, spdxCurrentIds, spdxPageUrl } from './spdx';
import { closest } from '../text/suggest';
import { codeSpan } from '../text/text';
import { TREAT_AS_OPEN_SETTING, type LicenseCheckOptions, type LicenseTest, type NotOpenTerms } from './types';
import { customKey, textKey, TreatAsOpen, treatAsOpenFor } from './treatAsOpen';
import { failureReason, isOpen, qualifies } from './verdict';

const PURPOSE: Readonly<Record<LicenseTest, string>> = {
  osi: 'code components (an OSI-approved license is required)',
  open: 'parameters, data information and documentation (OSD-conformant terms are required)',
};

/** How a license recognised by name fails, as the hover words it. */
const NOT_OPEN_LABEL: Readonly<Record<NotOpenTerms['kind'], string>> = {
  'non-commercial': 'non-commercial or research-only terms',
  'no-redistribution': 'no right to modify or redistribute',
  permissive: 'permissive, but not OSI-approved and not on the reviewed open list',
};

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

function mark(ok: boolean): string {
  return ok ? '✅' : '❌';
}

/** Ids and the user's text alike, in a code span (the user's shortened: a hover stays small). */
const code = (text: string): string => codeSpan(text);

/** One-line facts about an SPDX (or curated) id. */
function idFacts(id: string): string {
  const spdx = SPDX_LICENSES.get(id);
  const curated = OPEN_LICENSES_BY_ID.get(id);
  const osi = spdx?.osiApproved ?? false;
  const open = isOpen(id);
  const openWhy = osi
    ? 'OSI-approved'
    : curated
      ? curated.reason
      : failureReason(id, 'open').replace(/^not open: /, '');
  const parts = [
    `${code(id)} — ${spdx?.name ?? id}`,
    `OSI-approved: **${yesNo(osi)}**`,
    `open (OSD-conformant): **${yesNo(open)}** (${openWhy})`,
  ];
  if (spdx?.deprecated) parts.push('deprecated SPDX id');
  const url = curated?.url ?? spdx?.url;
  const links = [url ? `[text](${url})` : '', spdx ? `[SPDX](${spdxPageUrl(id)})` : '']
    .filter((l) => l.length > 0)
    .join(' ');
  if (links) parts.push(links);
  return parts.join(' · ');
}

function exceptionFacts(exc: Span): string {
  const r = resolveException(exc.text);
  if (r.kind === 'spdx')
    return `with exception ${code(r.id)} (known SPDX exception${r.deprecated ? ', deprecated' : ''})`;
  if (r.kind === 'custom') return `with custom additional terms ${code(r.canonical)}`;
  return `with ${code(exc.text)}, which is **not a known SPDX exception**`;
}

function operandFacts(op: Operand, test: LicenseTest, treat: TreatAsOpen): string {
  const r = resolveLicense(op.text);
  let text: string;
  switch (r.kind) {
    case 'spdx': {
      const deprecated = SPDX_LICENSES.get(r.id)?.deprecated ?? false;
      const repl = deprecated ? deprecatedReplacements(r.id) : [];
      const written = r.exact ? '' : `${code(op.text)} means `;
      text = written + idFacts(r.id);
      if (repl.length > 0) text += ` · replace with ${repl.map(code).join(' or ')}`;
      break;
    }
    case 'family':
      text = `${code(op.text)} is a group of licenses, not one: ${r.candidates
        .map((c) => `${code(c)} ${qualifies(c, test) ? '(qualifies)' : '(does not qualify)'}`)
        .join(', ')}`;
      break;
    case 'restricted':
      text =
        `${code(op.text)} — ${r.entry.name} · OSI-approved: **no** · open: **no** ` +
        `(use restrictions: ${r.entry.restriction}) · [text](${r.entry.url})`;
      break;
    case 'not-open': {
      const listed = namedTreatedAsOpen(r.entry, treat);
      const why = listed
        ? `listed in \`${TREAT_AS_OPEN_SETTING}\``
        : `${NOT_OPEN_LABEL[r.entry.kind as NotOpenTerms['kind']]}; ${r.entry.restriction}`;
      text =
        `${code(op.text)} — ${r.entry.name} · OSI-approved: **no** · open: **${yesNo(listed)}** ` +
        `(${why}) · [text](${r.entry.url})`;
      break;
    }
    case 'custom': {
      const reviewed = treat.keys.has(customKey(r.canonical));
      text = `${code(r.canonical)} — custom license · OSI-approved: **no** · open: **${yesNo(reviewed)}** (${
        reviewed
          ? `listed in \`${TREAT_AS_OPEN_SETTING}\``
          : test === 'open'
            ? `not reviewed; add it to \`${TREAT_AS_OPEN_SETTING}\` once its terms are checked`
            : 'not reviewed'
      })`;
      break;
    }
    case 'none':
      text = `${code(op.text)} does not name a license`;
      break;
    case 'unknown': {
      if (treat.keys.has(textKey(op.text))) {
        text =
          `${code(op.text)} — not a license the checker knows · open: **` +
          `${yesNo(test === 'open')}** (listed in \`${TREAT_AS_OPEN_SETTING}\`` +
          `${test === 'open' ? '' : ', which never makes code OSI-approved'})`;
        break;
      }
      const suggestions = closest(op.text, spdxCurrentIds());
      text =
        `${code(op.text)} is not a known SPDX license id` +
        `${suggestions.length > 0 ? `; did you mean ${suggestions.map(code).join(', ')}?` : ''}`;
      break;
    }
  }
  if (op.exception) text += ` · ${exceptionFacts(op.exception)}`;
  return text;
}

function renderNode(
  node: ExpressionNode,
  depth: number,
  verdicts: ReadonlyMap<ExpressionNode, boolean>,
  test: LicenseTest,
  treat: TreatAsOpen,
  lines: string[],
): void {
  const indent = '  '.repeat(depth);
  const ok = verdicts.get(node) ?? false;
  if (node.type === 'leaf') {
    lines.push(`${indent}- ${mark(ok)} ${operandFacts(node.operand, test, treat)}`);
    return;
  }
  lines.push(`${indent}- ${mark(ok)} ${node.type === 'or' ? 'any one of (OR):' : 'all of (AND):'}`);
  for (const child of node.children) renderNode(child, depth + 1, verdicts, test, treat, lines);
}

/**
 * Markdown for a hover over a license value: full name, OSI-approved yes/no, open yes/no and why,
 * a link to the text, and for expressions the verdict of every part. Never empty.
 */
export function licenseHoverMarkdown(value: string, test: LicenseTest, options?: LicenseCheckOptions): string {
  const treat = treatAsOpenFor(options?.extraOpen);
  if (value.trim().length === 0) {
    return `**No license given.** Used for ${PURPOSE[test]}.`;
  }
  const ev = evaluateLicenseDetailed(value, test, options);
  const lines: string[] = [];
  const verdict = `${mark(ev.qualifies)} ${ev.qualifies ? 'Qualifies' : 'Does not qualify'} for ${PURPOSE[test]}.`;
  const structure = ev.structure;
  if (structure?.kind === 'unknown' && treat.keys.has(textKey(value.trim()))) {
    lines.push(
      `${code(value.trim())} is not a license the checker knows; it is listed ` +
        `in \`${TREAT_AS_OPEN_SETTING}\`, reviewed by your organisation as open.`,
      '',
      verdict,
    );
  } else if (!structure || structure.kind === 'unknown') {
    const suggestions = closest(value.trim(), spdxCurrentIds());
    lines.push(`${code(value.trim())} is not a known SPDX license id, license name or expression.`);
    if (suggestions.length > 0) lines.push('', `Did you mean ${suggestions.map(code).join(', ')}?`);
    lines.push('', verdict);
  } else if (structure.root.type === 'leaf') {
    const op = structure.root.operand;
    const r = resolveLicense(op.text);
    const heading =
      r.kind === 'spdx'
        ? `**${SPDX_LICENSES.get(r.id)?.name ?? r.id}** (${code(r.id)})`
        : r.kind === 'restricted' || r.kind === 'not-open'
          ? `**${r.entry.name}**`
          : `**License** ${code(op.text)}`;
    lines.push(heading, '', verdict, '', `- ${operandFacts(op, test, treat)}`);
  } else {
    lines.push(`**License expression** ${code(value.trim())}`, '', verdict, '');
    lines.push(
      structure.root.type === 'or'
        ? 'An OR expression qualifies when one alternative does.'
        : 'An AND expression qualifies only when every part does.',
      '',
    );
    renderNode(structure.root, 0, ev.verdicts, test, treat, lines);
  }
  const notes = ev.findings.map((f) => `- ${f.severity === 'error' ? '❌' : '⚠️'} ${f.message}`);
  if (notes.length > 0) lines.push('', '**Problems**', '', ...notes);
  return lines.join('\n');
}
