/** What each OSAID requirement means, in Markdown: one text for every place that explains it. */
import { Requirement } from './requirements';

/**
 * The Markdown documentation of a requirement (schema `markdownDescription`, hovers, the
 * checklist). `example: false` leaves out the manifest example, for formats whose syntax it
 * is not (a MOF file satisfies a requirement with a component, not with that key).
 */
export function markdownDoc(req: Requirement, options: { example?: boolean } = {}): string {
  const level = req.level === 'required' ? 'Required' : req.level === 'recommended' ? 'Recommended' : 'Optional';
  const condition = req.when ? ` when \`${req.when.sibling}: ${req.when.equals}\`` : '';
  const parts = [`**${req.title}** — ${level}${condition} by OSAID 1.0`, req.summary, req.explanation];
  if (req.example && options.example !== false) {
    parts.push('Example:\n```yaml\n' + exampleYaml(req) + '\n```');
  }
  parts.push(`Source: [${sourceName(req.source)}](${req.source})`);
  return parts.join('\n\n');
}

function exampleYaml(req: Requirement): string {
  const key = req.path.slice(req.path.lastIndexOf('.') + 1);
  const example = req.example ?? '';
  if (example.includes('\n') || req.shape.kind === 'section' || req.shape.kind === 'list') {
    return `${key}:\n${example
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}`;
  }
  return `${key}: ${example}`;
}

function sourceName(url: string): string {
  if (url.includes('hackmd.io')) return 'OSAID FAQ';
  if (url.includes('#checklist')) return 'OSAID checklist';
  return 'Open Source AI Definition 1.0';
}
