// What the speed table measures: the service and the YAML parser as the server bundles them (shipped.ts).
export { getLanguageService } from '../../server/src/service';
export { TextDocument } from 'vscode-languageserver-textdocument';
export { parseDocument } from 'yaml';
