/**
 * Model Openness Framework (MOF) model files: recognised by content (a top-level
 * `framework.name` of "Model Openness Framework" in any YAML file), validated against the
 * project's schema (schemas/mof-model.schema.json), per-component licenses in the Model
 * Openness Tool's (MOT) resolution order, the MOF class computed exactly as MOT does, the
 * OSAID 1.0 view of the same file, hovers, quick fixes, the class code lens and
 * component-name completion. Files meant as MOF model files that are not — a misspelt
 * `framework.name`, YAML that cannot be read — are claimed only to say why (detect.ts).
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes } from '../../diagnostics/codes';
import { findDocumentSymbols } from '../../yaml/symbols';
import { verdictLens } from '../../verdict/verdict';
import { DocumentFormat, DocumentSummary, EMPTY_COMPLETION, ParsedDocument } from '../format';
import { mofChecklist } from './checklist';
import { mofCodeActions, mofNotCheckedActions } from './codeActions';
import { mofCompletions } from './completion';
import { looksLikeMofText, mofState } from './detect';
import { mofDiagnostics, nearMissDiagnostics, unreadableDiagnostics } from './diagnostics';
import { evaluateMofClass } from './evaluate';
import { describeMof } from './describe';
import { mofEvidenceTargets, mofOnlineTargets } from './evidence';
import { mofHover } from './hover';
import { MofCodes } from './licenseCheck';

export const mofFormat: DocumentFormat = {
  id: 'mof',
  label: 'MOF model',
  codes: {
    [MofCodes.missing]: {
      severity: 'error',
      meaning:
        'a MOF file lacks a required field (`release.name`, `release.license`, ' +
        '`release.producer`, `release.components`)',
    },
    [MofCodes.unknownComponent]: {
      severity: 'error',
      meaning: "a component name that is not one of the framework's 17",
      fix: 'the closest name',
    },
    [MofCodes.duplicateComponent]: { severity: 'warning', meaning: 'the same component listed twice' },
    [MofCodes.licenseType]: {
      severity: 'warning',
      meaning: "an open license MOT does not list for the component's content type (code, data, document)",
    },
    [MofCodes.unlicensed]: {
      severity: 'warning',
      meaning:
        'no license applies to the component (MOT counts it as not open); an ' +
        'error when the OSAID view needs the component',
    },
  },
  // Any YAML file may be a MOF model file; only its content tells.
  recognise: ({ text }, settings) => (settings.mof && looksLikeMofText(text) ? 'maybe' : 'no'),
  // MOF model files, and files meant as ones that must be told why they are not checked (detect.ts).
  confirm: (parse) => mofState(parse) !== 'none',
  validate(parsed, settings) {
    const state = notCheckedState(parsed);
    const diagnostics =
      state === 'near-miss'
        ? nearMissDiagnostics(parsed)
        : state === 'unreadable'
          ? unreadableDiagnostics(parsed)
          : mofDiagnostics(parsed, settings.treatAsOpen);
    // Red Hat's YAML extension already reports syntax errors in `yaml` documents (not our note that a file was not
    // checked).
    return settings.mofYamlSyntax || parsed.document.languageId !== 'yaml'
      ? diagnostics
      : diagnostics.filter((d) => d.code !== Codes.yamlSyntax || d.severity === DiagnosticSeverity.Information);
  },
  hover: (parsed, position) => (checked(parsed) ? mofHover(parsed, position) : null),
  complete: (parsed, position) => {
    const items = checked(parsed) ? mofCompletions(parsed, position) : [];
    return items.length ? { isIncomplete: false, items } : EMPTY_COMPLETION;
  },
  codeActions: (parsed, request) =>
    checked(parsed) ? mofCodeActions(parsed, request) : mofNotCheckedActions(parsed, request),
  symbols: (parsed) => findDocumentSymbols(parsed),
  evidenceTargets: (parsed, settings) => (checked(parsed) ? mofEvidenceTargets(parsed, settings.treatAsOpen) : []),
  onlineTargets: (parsed, settings) => (checked(parsed) ? mofOnlineTargets(parsed, settings.treatAsOpen) : []),
  describeRelease: (parsed) => (checked(parsed) ? describeMof(parsed) : undefined),
  // The MOF class, and the OSAID verdict of the same release (as every format states it).
  codeLenses: (parsed, diagnostics) =>
    checked(parsed)
      ? [verdictLens(evaluateMofClass(parsed).title), verdictLens(mofChecklist(parsed, diagnostics).verdict.title)]
      : [verdictLens(notChecked(notCheckedState(parsed)!).headline)],
  checklist: (parsed, diagnostics) => (checked(parsed) ? mofChecklist(parsed, diagnostics) : undefined),
  summary(parsed, diagnostics) {
    const state = notCheckedState(parsed);
    if (state) return notChecked(state);
    const checklist = mofChecklist(parsed, diagnostics);
    const result = evaluateMofClass(parsed);
    return {
      verdict: { meets: checklist.verdict.meets, state: checklist.verdict.state, title: checklist.verdict.title },
      headline: checklist.verdict.title,
      classification: result.title,
      json: { mofClass: { class: result.class, title: result.title, progress: result.progress } },
    };
  },
};

/**
 * Why a claimed file is not checked as a MOF model file (a near miss, unreadable YAML); undefined when it is checked.
 */
function notCheckedState(parsed: ParsedDocument): 'near-miss' | 'unreadable' | undefined {
  const state = mofState(parsed);
  return state === 'near-miss' || state === 'unreadable' ? state : undefined;
}

function checked(parsed: ParsedDocument): boolean {
  return notCheckedState(parsed) === undefined;
}

/** The verdict of a file claimed but not checked: it meets nothing, and says why (the CLI's table, the lens). */
function notChecked(state: 'near-miss' | 'unreadable'): DocumentSummary {
  const title =
    state === 'near-miss'
      ? '✗ Not checked as a MOF model file: `framework.name` is not `Model Openness Framework`'
      : '✗ Not checked as a MOF model file: its YAML could not be read';
  return { verdict: { meets: false, state: 'fails', title }, headline: title, json: { mofClass: null } };
}

// For tests and tools that look inside the format (the service itself only uses `mofFormat`).
export { evaluateMofClass, type MofClassResult } from './evaluate';
export { mofClassActions } from './codeActions';
export { looksLikeMofText } from './detect';
export { MofCodes } from './licenseCheck';
export { COMPONENT_NAMES, MOT_COMPONENTS } from './tables';
