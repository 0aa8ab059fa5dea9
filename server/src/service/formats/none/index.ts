/** Documents no format claims: answers nothing and costs nothing (not even a parse). */
import { DocumentFormat, EMPTY_COMPLETION } from '../format';

export const noneFormat: DocumentFormat = {
  id: 'none',
  label: 'not recognised',
  recognise: () => 'yes',
  validate: () => [],
  hover: () => null,
  complete: () => EMPTY_COMPLETION,
  codeActions: () => [],
  symbols: () => [],
  codeLenses: () => [],
  checklist: () => undefined,
  summary: () => undefined,
};
