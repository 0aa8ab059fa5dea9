/**
 * Model Openness Framework (MOF) model files: recognition by content, validation against
 * the project's schema (schemas/mof-model.schema.json), per-component license checks in
 * the Model Openness Tool's (MOT) resolution order, the MOF class computed exactly as MOT
 * does, the OSAID 1.0 view of the same file, hovers, quick fixes, the class code lens and
 * component-name completion. Pure functions over a parsed document; tables and the schema
 * are built once at module load.
 */
export { isMofModelFile, looksLikeMofText } from './detect';
export { evaluateMofClass, type MofClassResult, type ComponentEvaluation } from './evaluate';
export { mofDiagnostics, componentSuggestions, type MofDiagnosticData } from './diagnostics';
export { mofHover } from './hover';
export { mofCodeActions, mofClassActions, componentsToAdd, ADD_ALL_CLASS_I_TITLE, ADD_OSAID_COMPONENTS_TITLE } from './codeActions';
export { addComponentEdits } from './insertComponents';
export { mofCodeLenses } from './codeLens';
export { mofCompletions } from './completion';
export { MofCodes } from './licenseCheck';
export { OSAID_BY_COMPONENT, OSAID_GROUPS } from './osaid';
export { MOT_COMPONENTS, COMPONENT_NAMES, isMotOpen, isTypeAppropriate, FRAMEWORK_NAME, type MofClass, type MotComponent, type MotContentType } from './tables';
