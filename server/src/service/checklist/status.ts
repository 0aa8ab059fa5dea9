/**
 * The statuses of a checklist requirement and the words they read as — in the tree view,
 * the report and the CLI. A module of its own so the VS Code client can use it without
 * bundling the checks.
 */
export type ChecklistStatus = 'met' | 'missing' | 'not-open' | 'invalid' | 'placeholder' | 'recommended';

export const STATUS_WORDS: Readonly<Record<ChecklistStatus, string>> = {
  met: 'met',
  missing: 'missing',
  'not-open': 'not open',
  invalid: 'invalid',
  placeholder: 'placeholder',
  recommended: 'not provided',
};
