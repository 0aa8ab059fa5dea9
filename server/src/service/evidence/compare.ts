/**
 * The evidence against the declared license: each license found either is among those the
 * declaration names (a text SPDX lists under several ids — GPL-2.0-only and -or-later —
 * agrees with each of them) or disagrees with it; what disagrees passes the component's test
 * or not.
 */
import { licenseQualifies } from '../licenses';
import { licenseStructure } from '../licenses/evaluate';
import type { ExpressionNode } from '../licenses/expression';
import { sameTextIds } from '../licenses/identify/identify';
import { deprecatedReplacements, resolveLicense } from '../licenses/resolve';
import type { FoundLicense, TargetEvidence } from './collect';

export interface FoundComparison {
  found: FoundLicense;
  /** The ids this piece of evidence stands for (the first is shown). */
  ids: readonly string[];
  /** The text's match score (license files): 0–1. */
  confidence?: number;
  /** Among the ids the declaration names. */
  agrees: boolean;
  /** Passes the component's test (so a disagreement is a warning, not an error). */
  passes: boolean;
  /** Another license in the file that holds the declared one, or beside it and passing: shown, not a disagreement. */
  alongside?: boolean;
}

function leaves(node: ExpressionNode, out: string[]): string[] {
  if (node.type === 'leaf') out.push(node.operand.text);
  else for (const child of node.children) leaves(child, out);
  return out;
}

/** `idsOf` per expression: each keystroke compares the same declarations again. */
const idsCache = new Map<string, ReadonlySet<string>>();

/**
 * Every id an expression may stand for: its ids, their current replacements, family members, and the ids sharing their
 * text.
 */
export function idsOf(expression: string): ReadonlySet<string> {
  let ids = idsCache.get(expression);
  if (!ids) {
    if (idsCache.size >= 500) idsCache.clear();
    ids = computeIds(expression);
    idsCache.set(expression, ids);
  }
  return ids;
}

function computeIds(expression: string): Set<string> {
  const ids = new Set<string>();
  if (expression.trim() === '') return ids;
  const structure = licenseStructure(expression);
  if (structure.kind !== 'tree') return ids;
  for (const written of leaves(structure.root, [])) {
    const r = resolveLicense(written.replace(/\s+WITH\s+.*$/i, ''));
    const direct =
      r.kind === 'spdx'
        ? [r.id, ...deprecatedReplacements(r.id)]
        : r.kind === 'family'
          ? [...r.candidates]
          : r.kind === 'restricted' || r.kind === 'not-open'
            ? [r.entry.id]
            : r.kind === 'custom'
              ? [r.canonical]
              : [];
    for (const id of direct) for (const same of [id, ...sameTextIds(id)]) ids.add(same);
  }
  return ids;
}

export function compareEvidence(item: TargetEvidence, extraOpen: readonly string[]): FoundComparison[] {
  const declared: ReadonlySet<string> = item.target.declared ? idsOf(item.target.declared.text) : new Set<string>();
  const test = item.target.test;
  const judged = (found: FoundLicense, ids: readonly string[], confidence?: number): FoundComparison => ({
    found,
    ids,
    ...(confidence !== undefined ? { confidence } : {}),
    agrees: ids.flatMap((id) => [id, ...sameTextIds(id)]).some((id) => declared.has(id)),
    passes: ids.some((id) => licenseQualifies(id, test, { extraOpen })),
  });
  const out: FoundComparison[] = [];
  for (const found of item.found) {
    if (found.expression !== undefined) {
      const ids = [...idsOf(found.expression)];
      out.push({
        found,
        ids: ids.length ? ids : [found.expression],
        agrees: ids.some((id) => declared.has(id)),
        passes: licenseQualifies(found.expression, test, { extraOpen }),
      });
      continue;
    }
    const identification = found.identification;
    if (identification?.kind === 'match')
      out.push(judged(found, identification.match.ids, identification.match.confidence));
    if (identification?.kind === 'notice') {
      // A choice is one license found (any of them); licenses that all apply are each found.
      if (identification.join === 'or') out.push(judged(found, identification.ids));
      else for (const id of identification.ids) out.push(judged(found, [id]));
    }
    if (identification?.kind === 'contains') {
      for (const m of identification.matches) out.push(judged(found, m.ids, m.confidence));
    }
  }
  // Evidence that holds the declared license and others: in the same file (a preamble saying which
  // parts each covers, notices of bundled software) they are part of it; in other files beside it
  // (LICENSE-MIT with LICENSE-APACHE, a choice) they are alongside it when they pass the test too.
  const agreeingFiles = new Set(out.filter((c) => c.agrees).map((c) => c.found));
  if (agreeingFiles.size > 0)
    for (const c of out) if (!c.agrees && (c.passes || agreeingFiles.has(c.found))) c.alongside = true;
  return out;
}

/** Whether a comparison contradicts the declaration. */
export function disagrees(c: FoundComparison): boolean {
  return !c.agrees && !c.alongside;
}
