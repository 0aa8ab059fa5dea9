/** The sentences, labels and links both renderers print, so the Markdown and the HTML say the same. */
import type { ChecklistItem } from '../checklist/model';
import type { ReportModel } from './model';

export const OSAID_URL = 'https://opensource.org/ai/open-source-ai-definition';
export const MOF_URL = 'https://arxiv.org/abs/2403.13784';
export const NO_GAPS = 'None: every required element is there, and open.';
export const RECOMMENDED_HEADING = 'Recommended, not provided';

export function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The checklist's name for a requirement; gap headings under "Recommended" use the bare title. */
export function requirementLabel(item: ChecklistItem): string {
  return item.level === 'recommended' ? `${item.title} (recommended)` : item.title;
}

export function summaryLine(model: ReportModel): string {
  const n = model.files.length;
  if (n === 0) return 'No manifests or MOF model files were checked.';
  const failing = n - model.meets;
  return (
    `${plural(n, 'file')} checked: ${model.meets} meet${model.meets === 1 ? 's' : ''}` +
    ` the OSAID 1.0 checks, ${failing} ${failing === 1 ? 'does' : 'do'} not.`
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
