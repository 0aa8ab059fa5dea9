/**
 * The license checker: findings for a license string under a test.
 *
 * Expression semantics: `A OR B` qualifies if any alternative does, `A AND B`
 * only if every part does. Problems with how an id is written (non-canonical,
 * deprecated) and ids that cannot be recognised at all (unknown) are always
 * reported; reasons a part does not qualify are reported only when they make
 * the whole expression fail.
 */
import { parseExpression, type ExpressionNode, type Operand, type Span } from './expression';
import { resolveException, resolveLicense, deprecatedReplacements } from './resolve';
import { SPDX_CURRENT_EXCEPTION_IDS, SPDX_LICENSES, spdxCurrentIds } from './spdx';
import { closest } from '../text/suggest';
import { codeSpan, listIds, quoteUserText as quote } from '../text/text';
import {
  TREAT_AS_OPEN_SETTING,
  type LicenseCheckOptions,
  type LicenseCode,
  type LicenseFinding,
  type LicenseTest,
  type NamedLicense,
  type NotOpenTerms,
} from './types';
import {
  failCode,
  failureReason,
  headId,
  notOpenPredicate,
  qualifies,
  requirement,
  restrictionPredicate,
} from './verdict';
import { customKey, namedKey, refusalFor, textKey, TreatAsOpen, treatAsOpenFor } from './treatAsOpen';

interface Context {
  readonly test: LicenseTest;
  /** The user's reviewed licenses (only what the built-in knowledge does not judge). */
  readonly treat: TreatAsOpen;
}

/** A finding under construction (the message may still get OR context appended). */
type Draft = LicenseFinding;

interface NodeResult {
  readonly ok: boolean;
  /** Errors that explain why this node fails (empty when it passes). */
  readonly failures: readonly Draft[];
  /** Short reasons, for summaries of OR alternatives. */
  readonly reasons: readonly string[];
}

export interface LicenseEvaluation {
  /** Whether the string as a whole satisfies the test. `false` for an empty string. */
  readonly qualifies: boolean;
  readonly findings: LicenseFinding[];
}

const SEVERITY: Readonly<Record<LicenseCode, 'error' | 'warning'>> = {
  'license/unknown': 'error',
  'license/not-osi-approved': 'error',
  'license/not-open': 'error',
  'license/restricted': 'error',
  'license/ambiguous': 'error',
  'license/non-canonical': 'warning',
  'license/deprecated': 'warning',
};

function finding(code: LicenseCode, span: Span, message: string, replacements: readonly string[] = []): Draft {
  return {
    code,
    severity: SEVERITY[code],
    subject: span.text,
    message,
    start: span.start,
    end: span.end,
    replacements: [...replacements],
  };
}

function named(id: string): string {
  const name = SPDX_LICENSES.get(headId(id))?.name;
  return name && name !== id ? `\`${id}\` (${name})` : `\`${id}\``;
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Applies a written `+` ("or later") to replacement candidates. */
function withPlus(candidates: readonly string[]): string[] {
  const later = candidates.filter((c) => c.endsWith('-or-later'));
  if (later.length > 0) return later;
  return candidates.map((c) => (c.includes(' ') ? c : `${c}+`));
}

function orderByVerdict(candidates: readonly string[], ctx: Context): string[] {
  const good = candidates.filter((c) => qualifies(c, ctx.test));
  const bad = candidates.filter((c) => !qualifies(c, ctx.test));
  return [...good, ...bad];
}

/** A name nobody recognises: unmet, unless the user reviewed it as open (only the `open` test reads the setting). */
function unknownFinding(span: Span, ctx: Context): Draft {
  const suggestions = closest(span.text, spdxCurrentIds());
  const hint = suggestions.length > 0 ? ` Did you mean ${listIds(suggestions)}?` : '';
  const reviewed =
    ctx.test === 'open'
      ? ` If it names a license whose terms let anyone use, study, modify and share ` +
        `for any purpose, add it to the setting \`${TREAT_AS_OPEN_SETTING}\`.`
      : '';
  return finding(
    'license/unknown',
    span,
    `${quote(span.text)} is not a known SPDX license id or license name.${hint} ` +
      `Use an id from https://spdx.org/licenses/, or \`LicenseRef-…\` for a custom ` +
      `license.${reviewed} ${requirement(ctx.test)}`,
    suggestions,
  );
}

/** Whether the user reviewed an unrecognised name as open. */
function reviewedUnknown(text: string, ctx: Context): boolean {
  return ctx.test === 'open' && ctx.treat.keys.size > 0 && ctx.treat.keys.has(textKey(text));
}

/** An id without versions (`MIT`, `BSD-3-Clause`): "or later" (`+`) adds nothing to it. */
function versionless(id: string): boolean {
  return !/\d\.\d|-\d+$/.test(id);
}

interface LeafResult {
  ok: boolean;
  always: Draft[];
  failures: Draft[];
  reasons: string[];
}

/** Evaluates the license part of an operand (without its exception). */
function evaluateLicensePart(span: Span, ctx: Context): LeafResult {
  const out: LeafResult = { ok: false, always: [], failures: [], reasons: [] };
  const r = resolveLicense(span.text);
  const shown = quote(span.text);
  switch (r.kind) {
    case 'spdx': {
      const license = SPDX_LICENSES.get(r.id);
      const plus = r.plus ? '+' : '';
      let effective: string[] = [r.id];
      if (license?.deprecated) {
        let repl = [...deprecatedReplacements(r.id)];
        if (r.plus) {
          const later = `${r.id}-or-later`;
          repl = SPDX_LICENSES.has(later) ? [later] : withPlus(repl);
        }
        repl = orderByVerdict(dedupe(repl), ctx);
        if (repl.length > 0) effective = repl;
        const writtenAsId =
          span.text.toLowerCase() === (r.id + plus).toLowerCase() || span.text.toLowerCase() === r.id.toLowerCase();
        const advice =
          repl.length === 0
            ? 'SPDX names no direct replacement; check the license text and pick the matching current id.'
            : repl.length === 1
              ? `Use ${listIds(repl)} instead.`
              : `Use ${listIds(repl)} instead, whichever matches the actual terms.`;
        out.always.push(
          writtenAsId
            ? finding('license/deprecated', span, `${shown} is a deprecated SPDX license id. ${advice}`, repl)
            : finding(
                'license/non-canonical',
                span,
                `${shown} is not an SPDX license id; it stands for the deprecated id \`${r.id}\`. ${advice}`,
                repl,
              ),
        );
      } else if (r.plus && versionless(r.id)) {
        out.always.push(
          finding(
            'license/non-canonical',
            span,
            `${shown}: \`${r.id}\` has no later versions, so "or later" (\`+\`) adds nothing; write \`${r.id}\`.`,
            [r.id],
          ),
        );
      } else if (!r.exact) {
        const canonical = r.id + plus;
        const caseOnly = span.text.toLowerCase() === canonical.toLowerCase();
        const what = caseOnly
          ? 'is not written in the canonical SPDX form'
          : /\s/.test(span.text)
            ? 'is a license name, not an SPDX id'
            : 'is not an SPDX license id';
        out.always.push(
          finding('license/non-canonical', span, `${shown} ${what}; write \`${canonical}\`.`, [canonical]),
        );
      }
      const failing = effective.filter((id) => !qualifies(id, ctx.test));
      out.ok = failing.length === 0;
      if (!out.ok) {
        const subject =
          effective.length === 1
            ? effective[0] === span.text
              ? named(effective[0])
              : `${shown}, that is ${named(effective[0])},`
            : `${shown}, that is ${listIds(effective)},`;
        const reason = failureReason(failing[0], ctx.test);
        const partial =
          failing.length < effective.length
            ? ` Only ${listIds(effective.filter((e) => !failing.includes(e)))} would qualify.`
            : '';
        out.failures.push(
          finding(failCode(ctx.test), span, `${subject} is ${reason}.${partial} ${requirement(ctx.test)}`),
        );
        out.reasons.push(`${shown} is ${reason}`);
      }
      return out;
    }
    case 'family': {
      // A family is met only when every member passes: otherwise the name cannot show which terms apply.
      const candidates = orderByVerdict(r.plus ? withPlus(r.candidates) : r.candidates, ctx);
      const good = candidates.filter((c) => qualifies(c, ctx.test));
      const bad = candidates.filter((c) => !qualifies(c, ctx.test));
      out.ok = bad.length === 0;
      if (out.ok) {
        out.always.push(
          finding(
            'license/non-canonical',
            span,
            `${shown} names a group of licenses, not one license; each of them qualifies, ` +
              `but write the exact SPDX id: ${listIds(candidates)}.`,
            candidates,
          ),
        );
        return out;
      }
      const what = ctx.test === 'osi' ? 'OSI-approved' : 'open';
      const pick =
        good.length > 0
          ? `Write the exact license: ${listIds(good)} would qualify; ${listIds(bad)} would not.`
          : `None of them is ${what}: ${listIds(bad)}.`;
      out.failures.push(
        finding(
          'license/ambiguous',
          span,
          `${shown} names a family of licenses, not one license, and the family includes ` +
            `terms that are not ${what}, so it cannot show that the terms qualify. ${pick} ` +
            `${requirement(ctx.test)}`,
          candidates,
        ),
      );
      out.reasons.push(`${shown} is ambiguous`);
      return out;
    }
    case 'restricted': {
      const restriction = { name: r.entry.name, terms: r.entry.restriction };
      out.failures.push({
        ...finding(
          'license/restricted',
          span,
          `${shown} ${restrictionPredicate(restriction)} Such terms are neither OSI-approved ` +
            `nor open: they do not let everyone use the component for any purpose. ${requirement(ctx.test)}`,
        ),
        restriction,
      });
      out.reasons.push(`${shown} has use restrictions`);
      return out;
    }
    case 'not-open':
      return namedNotOpen(r.entry, span, ctx, out);
    case 'custom': {
      if (r.canonical !== span.text) {
        out.always.push(
          finding(
            'license/non-canonical',
            span,
            `${shown} should start with \`LicenseRef-\` exactly; write ${codeSpan(r.canonical)}.`,
            [r.canonical],
          ),
        );
      }
      if (ctx.test === 'open' && ctx.treat.keys.has(customKey(r.canonical))) {
        out.ok = true;
        return out;
      }
      if (ctx.test === 'osi') {
        out.failures.push(
          finding(
            'license/not-osi-approved',
            span,
            `${codeSpan(r.canonical)} is a custom license, so it is not OSI-approved. ${requirement('osi')}`,
          ),
        );
        out.reasons.push(`${codeSpan(r.canonical)} is a custom license`);
      } else {
        out.failures.push(
          finding(
            'license/not-open',
            span,
            `${codeSpan(r.canonical)} is a custom license whose terms have not been ` +
              `reviewed, so it does not count as open. If its terms let anyone use, study, ` +
              `modify and share for any purpose, add ${codeSpan(r.canonical)} to the setting ` +
              `\`${TREAT_AS_OPEN_SETTING}\`.`,
          ),
        );
        out.reasons.push(`${codeSpan(r.canonical)} is an unreviewed custom license`);
      }
      return out;
    }
    case 'none': {
      out.always.push(
        finding(
          'license/unknown',
          span,
          `${shown} does not name a license. Write the SPDX id of the actual license. ${requirement(ctx.test)}`,
        ),
      );
      out.reasons.push(`${shown} names no license`);
      return out;
    }
    case 'unknown': {
      if (reviewedUnknown(span.text, ctx)) {
        out.ok = true;
        return out;
      }
      out.always.push(unknownFinding(span, ctx));
      out.reasons.push(`${shown} is not a known license`);
      return out;
    }
  }
}

/** Short reasons for OR summaries, by kind. */
const NOT_OPEN_REASON: Readonly<Record<NotOpenTerms['kind'], string>> = {
  'non-commercial': 'is non-commercial or research-only',
  'no-redistribution': 'gives no right to modify or redistribute',
  permissive: 'is not OSI-approved',
};

/**
 * Whether a license recognised by name counts as open because the user listed it in the
 * treat-as-open setting. Only unreviewed permissive licenses can be: the other kinds are
 * known not to be open.
 */
export function namedTreatedAsOpen(entry: NamedLicense, treat: TreatAsOpen): boolean {
  return entry.kind === 'permissive' && treat.keys.has(namedKey(entry.id));
}

/**
 * A license recognised by name that is non-commercial, gives no right to redistribute, or is permissive but unreviewed.
 */
function namedNotOpen(entry: NamedLicense, span: Span, ctx: Context, out: LeafResult): LeafResult {
  if (ctx.test === 'open' && namedTreatedAsOpen(entry, ctx.treat)) {
    out.ok = true;
    return out;
  }
  const shown = quote(span.text);
  // `resolveLicense` gives `not-open` only for the kinds other than `use-restricted`.
  const notOpen: NotOpenTerms = {
    name: entry.name,
    kind: entry.kind as NotOpenTerms['kind'],
    terms: entry.restriction,
  };
  const predicate = notOpenPredicate(notOpen, ctx.test);
  let tail: string;
  if (notOpen.kind === 'permissive') {
    tail =
      ctx.test === 'osi'
        ? requirement('osi')
        : `It does not count as open until someone reviews it: if its terms let ` +
          `anyone use, study, modify and share for any purpose, add \`${entry.id}` +
          `\` to the setting \`${TREAT_AS_OPEN_SETTING}\`. ${requirement('open')}`;
  } else {
    tail =
      ctx.test === 'osi'
        ? `Such terms are not OSI-approved. ${requirement('osi')}`
        : `Such terms do not let everyone use, study, modify and share the ` +
          `component for any purpose. ${requirement('open')}`;
  }
  out.failures.push({ ...finding(failCode(ctx.test), span, `${shown} ${predicate} ${tail}`), notOpen });
  const reason =
    notOpen.kind === 'permissive' && ctx.test === 'open'
      ? 'is not on the reviewed open list'
      : NOT_OPEN_REASON[notOpen.kind];
  out.reasons.push(`${shown} ${reason}`);
  return out;
}

function evaluateException(exc: Span, ctx: Context, out: LeafResult): void {
  const r = resolveException(exc.text);
  const shown = quote(exc.text);
  switch (r.kind) {
    case 'spdx':
      if (r.deprecated) {
        out.always.push(
          finding(
            'license/deprecated',
            exc,
            `${shown} is a deprecated SPDX exception id; check the license text for the current id.`,
          ),
        );
      } else if (!r.exact) {
        out.always.push(
          finding('license/non-canonical', exc, `${shown} is not the canonical SPDX exception id; write \`${r.id}\`.`, [
            r.id,
          ]),
        );
      }
      return;
    case 'custom':
      if (r.canonical !== exc.text) {
        out.always.push(
          finding(
            'license/non-canonical',
            exc,
            `${shown} should start with \`AdditionRef-\` exactly; write ${codeSpan(r.canonical)}.`,
            [r.canonical],
          ),
        );
      }
      if (ctx.test === 'open' && ctx.treat.keys.has(customKey(r.canonical))) return;
      out.ok = false;
      out.failures.push(
        ctx.test === 'osi'
          ? finding(
              'license/not-osi-approved',
              exc,
              `${codeSpan(r.canonical)} adds custom terms that are not part of any ` +
                `OSI-approved license. ${requirement('osi')}`,
            )
          : finding(
              'license/not-open',
              exc,
              `${codeSpan(r.canonical)} adds custom terms that have not been reviewed. ` +
                `If they keep the license open, add ${codeSpan(r.canonical)} to the setting ` +
                `\`${TREAT_AS_OPEN_SETTING}\`.`,
            ),
      );
      out.reasons.push(`${codeSpan(r.canonical)} adds unreviewed terms`);
      return;
    case 'unknown': {
      const suggestions = closest(exc.text, SPDX_CURRENT_EXCEPTION_IDS);
      const hint = suggestions.length > 0 ? ` Did you mean ${listIds(suggestions)}?` : '';
      out.ok = false;
      out.always.push(
        finding(
          'license/unknown',
          exc,
          `${shown} is not a known SPDX license exception, so the terms it adds cannot ` +
            `be checked.${hint} Use an id from https://spdx.org/licenses/exceptions-index.html, ` +
            `or \`AdditionRef-…\` for custom terms.`,
          suggestions,
        ),
      );
      out.reasons.push(`unknown exception ${shown}`);
      return;
    }
  }
}

function evaluateOperand(op: Operand, ctx: Context, always: Draft[]): NodeResult {
  const result = evaluateLicensePart(op, ctx);
  if (op.exception) evaluateException(op.exception, ctx, result);
  always.push(...result.always);
  if (!result.ok) noteRefusal(op.text, ctx, result.failures);
  return { ok: result.ok, failures: result.ok ? [] : result.failures, reasons: result.reasons };
}

/** Where the user's treat-as-open list names a license it may not make open: say so on its use. */
function noteRefusal(text: string, ctx: Context, failures: Draft[]): void {
  if (ctx.treat.refused.size === 0) return;
  const r = resolveLicense(text);
  const id = r.kind === 'spdx' ? r.id : r.kind === 'restricted' || r.kind === 'not-open' ? r.entry.id : undefined;
  const refusal = refusalFor(ctx.treat, text, id);
  if (!refusal) return;
  for (const f of failures)
    f.message += ` The setting \`${TREAT_AS_OPEN_SETTING}\` lists it, but it does not apply: ${refusal}`;
}

function evaluateNode(
  node: ExpressionNode,
  ctx: Context,
  always: Draft[],
  annotated: Set<Draft>,
  verdicts: Map<ExpressionNode, boolean>,
): NodeResult {
  const result = evaluateNodeInner(node, ctx, always, annotated, verdicts);
  verdicts.set(node, result.ok);
  return result;
}

function evaluateNodeInner(
  node: ExpressionNode,
  ctx: Context,
  always: Draft[],
  annotated: Set<Draft>,
  verdicts: Map<ExpressionNode, boolean>,
): NodeResult {
  if (node.type === 'leaf') return evaluateOperand(node.operand, ctx, always);
  const results = node.children.map((c) => evaluateNode(c, ctx, always, annotated, verdicts));
  if (node.type === 'and') {
    const failing = results.filter((r) => !r.ok);
    return {
      ok: failing.length === 0,
      failures: failing.flatMap((r) => r.failures),
      reasons: failing.flatMap((r) => r.reasons),
    };
  }
  if (results.some((r) => r.ok)) return { ok: true, failures: [], reasons: [] };
  const summary = results
    .map((r) => r.reasons.join(' and '))
    .filter((s) => s.length > 0)
    .join('; ');
  const failures = results.flatMap((r) => r.failures);
  for (const f of failures) {
    if (annotated.has(f)) continue;
    annotated.add(f);
    f.message += ` No alternative of the OR expression qualifies: ${summary}.`;
  }
  return { ok: false, failures, reasons: [results.flatMap((r) => r.reasons).join(' and ')] };
}

function trimmedSpan(value: string): Span {
  const start = value.length - value.trimStart().length;
  const end = value.trimEnd().length;
  return { text: value.slice(start, end), start, end };
}

function sortFindings(findings: Draft[]): LicenseFinding[] {
  const rank = (f: Draft): number => (f.severity === 'warning' ? 0 : 1);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.start - b.f.start || rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** How a license string is read: as an expression tree, or as nothing recognisable. */
export type LicenseStructure =
  { readonly kind: 'tree'; readonly root: ExpressionNode } | { readonly kind: 'unknown'; readonly span: Span };

/** Chooses how to read a non-empty license string (see the steps below). */
export function licenseStructure(value: string): LicenseStructure {
  // 1. A well-formed SPDX expression.
  const strict = parseExpression(value, 'strict');
  if (strict) return { kind: 'tree', root: strict.root };
  // 2. The whole string as one free-text name ("Apache License, Version 2.0", "Llama 3 Community License").
  const whole = trimmedSpan(value);
  if (resolveLicense(whole.text).kind !== 'unknown')
    return { kind: 'tree', root: { type: 'leaf', operand: { index: 0, ...whole } } };
  // 3. Free-text names joined by operators ("Apache 2.0 OR MIT").
  const phrase = parseExpression(value, 'phrase');
  if (phrase) return { kind: 'tree', root: phrase.root };
  // 4. Nothing recognisable.
  return { kind: 'unknown', span: whole };
}

export interface DetailedEvaluation extends LicenseEvaluation {
  readonly structure?: LicenseStructure;
  /** Verdict of every node of the tree. */
  readonly verdicts: ReadonlyMap<ExpressionNode, boolean>;
}

/** Like `evaluateLicense`, with the tree and per-node verdicts (for hovers). */
export function evaluateLicenseDetailed(
  value: string,
  test: LicenseTest,
  options?: LicenseCheckOptions,
): DetailedEvaluation {
  const verdicts = new Map<ExpressionNode, boolean>();
  if (value.trim().length === 0) return { qualifies: false, findings: [], verdicts };
  const ctx: Context = { test, treat: treatAsOpenFor(options?.extraOpen) };
  if (value.length > MAX_LICENSE_LENGTH) {
    // No license expression is this long; don't spend time interpreting pasted text.
    const span = { text: value, start: 0, end: value.length };
    return {
      qualifies: false,
      findings: [
        finding(
          'license/unknown',
          span,
          `This value is ${value.length} characters long, too long to be a license ` +
            `id or expression. Write the SPDX id (e.g. \`Apache-2.0\`) and link the ` +
            `license text elsewhere. ${requirement(test)}`,
        ),
      ],
      verdicts,
    };
  }
  const structure = licenseStructure(value);
  if (structure.kind === 'unknown') {
    if (reviewedUnknown(structure.span.text, ctx)) return { qualifies: true, findings: [], structure, verdicts };
    return { qualifies: false, findings: [unknownFinding(structure.span, ctx)], structure, verdicts };
  }
  const always: Draft[] = [];
  const result = evaluateNode(structure.root, ctx, always, new Set<Draft>(), verdicts);
  return { qualifies: result.ok, findings: sortFindings([...always, ...result.failures]), structure, verdicts };
}

/** Longer values are not interpreted as license expressions. */
export const MAX_LICENSE_LENGTH = 512;

/** Checks a license string and also says whether it qualifies as a whole. */
export function evaluateLicense(value: string, test: LicenseTest, options?: LicenseCheckOptions): LicenseEvaluation {
  const { qualifies: ok, findings } = evaluateLicenseDetailed(value, test, options);
  return { qualifies: ok, findings };
}

/**
 * Findings for a license string under a test; empty when it qualifies and is written
 * canonically. Memoised: manifests repeat the same few license strings, and every keystroke
 * re-checks all of them. The result is shared; do not mutate it.
 */
export function checkLicense(
  value: string,
  test: LicenseTest,
  options?: LicenseCheckOptions,
): readonly LicenseFinding[] {
  const known = memoFor(test, options?.extraOpen);
  const found = known.get(value);
  if (found) return found;
  const findings = evaluateLicense(value, test, options).findings;
  if (known.size >= MEMO_LIMIT) known.delete(known.keys().next().value as string);
  known.set(value, findings);
  return findings;
}

const MEMO_LIMIT = 4096;
/** Findings by test, for checks without reviewed licenses. */
const plainMemo = new Map<LicenseTest, Map<string, readonly LicenseFinding[]>>();
/**
 * Findings by the user's reviewed-licenses list (the settings' own array: a settings change
 * brings a new one), then by test: found without joining or hashing the list per value.
 */
const listMemo = new WeakMap<readonly string[], Map<LicenseTest, Map<string, readonly LicenseFinding[]>>>();

function memoFor(test: LicenseTest, extraOpen: readonly string[] | undefined): Map<string, readonly LicenseFinding[]> {
  let byTest = plainMemo;
  if (extraOpen && extraOpen.length > 0) {
    let forList = listMemo.get(extraOpen);
    if (!forList) listMemo.set(extraOpen, (forList = new Map()));
    byTest = forList;
  }
  let byValue = byTest.get(test);
  if (!byValue) byTest.set(test, (byValue = new Map()));
  return byValue;
}

/** Whether a license string satisfies the test (unknown ids in an otherwise qualifying OR do not matter here). */
export function licenseQualifies(value: string, test: LicenseTest, options?: LicenseCheckOptions): boolean {
  return evaluateLicense(value, test, options).qualifies;
}
