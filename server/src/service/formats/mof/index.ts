/**
 * Model Openness Framework (MOF) model files: recognised by content (a top-level
 * `framework.name` of "Model Openness Framework" in any YAML file), validated against the
 * project's schema (schemas/mof-model.schema.json), per-component licenses in the Model
 * Openness Tool's (MOT) resolution order, the MOF class computed exactly as MOT does, the
 * OSAID 1.0 view of the same file, hovers, quick fixes, the class code lens and
 * component-name completion.
 */
import { Codes } from '../../diagnostics/codes';
import { findDocumentSymbols } from '../../yaml/symbols';
import { verdictLens } from '../../verdict/verdict';
import { DocumentFormat, EMPTY_COMPLETION } from '../format';
import { mofChecklist } from './checklist';
import { mofCodeActions } from './codeActions';
import { mofCompletions } from './completion';
import { frameworkNameMatches, looksLikeMofText } from './detect';
import { mofDiagnostics } from './diagnostics';
import { evaluateMofClass } from './evaluate';
import { mofHover } from './hover';
import { MofCodes } from './licenseCheck';

export const mofFormat: DocumentFormat = {
  id: 'mof',
  label: 'MOF model',
  codes: {
    [MofCodes.missing]: { severity: 'error', meaning: 'a MOF file lacks a required field (`release.name`, `release.license`, `release.producer`, `release.components`)' },
    [MofCodes.unknownComponent]: { severity: 'error', meaning: 'a component name that is not one of the framework\'s 17', fix: 'the closest name' },
    [MofCodes.duplicateComponent]: { severity: 'warning', meaning: 'the same component listed twice' },
    [MofCodes.licenseType]: { severity: 'warning', meaning: 'an open license MOT does not list for the component\'s content type (code, data, document)' },
    [MofCodes.unlicensed]: { severity: 'warning', meaning: 'no license applies to the component (MOT counts it as not open)' },
  },
  // Any YAML file may be a MOF model file; only its content tells.
  recognise: ({ text }, settings) => (settings.mof && looksLikeMofText(text) ? 'maybe' : 'no'),
  confirm: (parse) => frameworkNameMatches(parse.value),
  validate(parsed, settings) {
    const diagnostics = mofDiagnostics(parsed);
    // Red Hat's YAML extension already reports syntax errors in `yaml` documents.
    return settings.mofYamlSyntax || parsed.document.languageId !== 'yaml' ? diagnostics : diagnostics.filter((d) => d.code !== Codes.yamlSyntax);
  },
  hover: (parsed, position) => mofHover(parsed, position),
  complete: (parsed, position) => {
    const items = mofCompletions(parsed, position);
    return items.length ? { isIncomplete: false, items } : EMPTY_COMPLETION;
  },
  codeActions: (parsed, request) => mofCodeActions(parsed, request),
  symbols: (parsed) => findDocumentSymbols(parsed),
  // The MOF class, and the OSAID verdict of the same release (as every format states it).
  codeLenses: (parsed, diagnostics) => [verdictLens(evaluateMofClass(parsed).title), verdictLens(mofChecklist(parsed, diagnostics).verdict.title)],
  checklist: (parsed, diagnostics) => mofChecklist(parsed, diagnostics),
  summary(parsed, diagnostics) {
    const checklist = mofChecklist(parsed, diagnostics);
    const result = evaluateMofClass(parsed);
    return {
      verdict: { meets: checklist.verdict.meets, title: checklist.verdict.title },
      headline: checklist.verdict.title,
      classification: result.title,
      json: { mofClass: { class: result.class, title: result.title, progress: result.progress } },
    };
  },
};

// For tests and tools that look inside the format (the service itself only uses `mofFormat`).
export { evaluateMofClass, type MofClassResult } from './evaluate';
export { mofClassActions } from './codeActions';
export { looksLikeMofText } from './detect';
export { MofCodes } from './licenseCheck';
export { COMPONENT_NAMES, MOT_COMPONENTS } from './tables';
