/** Hovers in MOF model files: components (class, content type, license and where it comes from) and keys. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { isScalar, Node } from 'yaml';
import mofSchema from '../../../../../schemas/mof-model.schema.json';
import { licenseHoverMarkdown } from '../../licenses';
import type { ParsedDocument } from '../format';
import { codeSpan, shorten } from '../../text/text';
import { nodeAt, PathSegment } from '../../yaml/nodes';
import { componentSuggestions } from './diagnostics';
import { evaluateMofClass } from './evaluate';
import { ComponentEntry, readModel, resolveComponentLicense, ResolvedLicense } from './model';
import { OSAID_BY_COMPONENT } from './osaid';
import { osaidView } from './osaidView';
import {
  classTitle,
  isMotOpen,
  isTypeAppropriate,
  motOpenReasons,
  MotComponent,
  RESEARCH_PAPER,
  TECHNICAL_REPORT,
} from './tables';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

export function mofHover(parsed: ParsedDocument, position: Position): Hover | null {
  if (!parsed.yaml) return null;
  const offset = parsed.document.offsetAt(position);
  const at = nodeAt(parsed.yaml.contents as Node | null, offset);
  if (!at || !at.node.range) return null;
  const range = {
    start: parsed.document.positionAt(at.node.range[0]),
    end: parsed.document.positionAt(at.node.range[1]),
  };
  const path = at.path;
  const model = readModel(parsed);

  // A component's name or license (key or value).
  if (
    path[0] === 'release' &&
    path[1] === 'components' &&
    typeof path[2] === 'number' &&
    (path[3] === 'name' || path[3] === 'license') &&
    path.length === 4
  ) {
    const entry = model.entries[path[2]];
    if (entry && at.on !== 'collection') {
      if (!entry.component) {
        if (path[3] !== 'name' || at.on !== 'value') return keyHover(path, range);
        const suggestions = componentSuggestions(entry.name ?? '');
        const md =
          `**${codeSpan(entry.name ?? '')}** is not a MOF component name; MOT ignores it.` +
          `${suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : ''}`;
        return { contents: { kind: MarkupKind.Markdown, value: md }, range };
      }
      const resolved = resolveComponentLicense(model, entry);
      let md = componentMarkdown(parsed, entry, entry.component, resolved);
      if (path[3] === 'license' && at.on === 'value' && resolved.license && resolved.source === 'component') {
        md += `\n\n---\n\n${licenseHoverMarkdown(resolved.license, osaidTest(entry.component))}`;
      }
      return { contents: { kind: MarkupKind.Markdown, value: md }, range };
    }
  }
  // A global license id.
  if (
    path[0] === 'release' &&
    path[1] === 'license' &&
    path[3] === 'name' &&
    path.length === 4 &&
    at.on === 'value' &&
    isScalar(at.node) &&
    at.node.value !== null &&
    String(at.node.value).trim()
  ) {
    const text = String(at.node.value);
    const kind = String(path[2]);
    const reasons = motOpenReasons(text);
    const users = model.entries
      .filter((e) => e.component && resolveComponentLicense(model, e).path === `release.license.${kind}.name`)
      .map((e) => `\`${e.component!.name}\``);
    let md =
      `**Global ${shorten(kind)} license** — ` +
      `${reasons.length ? `open for MOT (${reasons.join(', ')})` : 'not open for MOT (ids are compared exactly)'}` +
      `.`;
    md += users.length ? `\n\nApplies to ${users.join(', ')}.` : '\n\nNo component inherits it.';
    md += `\n\n---\n\n${licenseHoverMarkdown(text, kind === 'code' ? 'osi' : 'open')}`;
    return { contents: { kind: MarkupKind.Markdown, value: md }, range };
  }
  if (at.on === 'key') return keyHover(path, range);
  return null;
}

function keyHover(path: PathSegment[], range: Hover['range']): Hover | null {
  const description = schemaDescription(path);
  if (!description) return null;
  const name = path
    .map((s) => (typeof s === 'number' ? '[]' : s))
    .join('.')
    .replace(/\.\[\]/g, '[]');
  return { contents: { kind: MarkupKind.Markdown, value: `**\`${name}\`** — ${description}` }, range };
}

function schemaDescription(path: PathSegment[]): string | undefined {
  let node: SchemaNode | undefined = mofSchema as SchemaNode;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? node.items : node.properties?.[segment];
  }
  return node?.description;
}

function osaidTest(component: MotComponent): 'osi' | 'open' {
  return OSAID_BY_COMPONENT[component.name]?.test === 'osi' ? 'osi' : 'open';
}

function requiredFor(component: MotComponent): string {
  if (!component.required) return `Optional (${classTitle(component.class)}); not counted for the class.`;
  const also =
    component.class === 3 ? ' (and so for Classes II and I)' : component.class === 2 ? ' (and so for Class I)' : '';
  return `Required for **${classTitle(component.class)}**${also}.`;
}

function componentMarkdown(
  parsed: ParsedDocument,
  entry: ComponentEntry,
  component: MotComponent,
  resolved: ResolvedLicense,
): string {
  const lines: string[] = [];
  lines.push(`**${component.name}** — MOF component, content type *${component.contentType}*`);
  lines.push('', component.description);
  let req = requiredFor(component);
  if (component.name === TECHNICAL_REPORT) req += ' May be omitted when a research paper is included.';
  if (component.name === RESEARCH_PAPER) req += ' Also stands in for the technical report in Classes III and II.';
  lines.push('', `- ${req}`);
  lines.push(`- License: ${licenseLine(component, resolved)}`);
  const result = evaluateMofClass(parsed);
  const evaluated = result?.components.find((c) => c.entry === entry);
  if (!evaluated) lines.push('- A later entry with the same name replaces this one in MOT.');
  const osaid = OSAID_BY_COMPONENT[component.name];
  if (osaid) {
    const oneOf = ', at least one of Datasets, Research paper, Technical report, Data card';
    const required = osaid.group === 'Optional' ? '' : ` (required${osaid.group === 'Data information' ? oneOf : ''})`;
    lines.push(`- OSAID 1.0: ${osaid.group}${required}. ${osaid.note}`);
  }
  const judged = evaluated ? osaidView(parsed).byComponent.get(component.name) : undefined;
  if (judged) {
    const test = judged.item.test === 'osi' ? 'an OSI-approved license' : 'open (OSD-conformant) terms';
    lines.push(
      judged.passes
        ? `- In the OSAID view it **counts**: its license passes the test for it (${test}).`
        : `- In the OSAID view it **does not count**: OSAID needs ${test} here, whatever MOT's class says.`,
    );
  }
  if (osaid?.group === 'Data information') {
    lines.push(
      '- Reading one such component as the data information is a judgment: ' +
        "OSI's checklist accepts it, but whether it describes the training data " +
        'completely is for a reviewer to say.',
    );
  }
  return lines.join('\n');
}

function licenseLine(component: MotComponent, resolved: ResolvedLicense): string {
  const where =
    resolved.source === 'component'
      ? 'its own'
      : resolved.source === 'none'
        ? ''
        : `inherited from \`${resolved.path}\``;
  if (resolved.license === undefined) {
    return resolved.source === 'component'
      ? 'empty — MOT counts the component as unlicensed.'
      : `none (no own license, no \`release.license.${component.contentType}.name\`, ` +
          `no \`release.license.distribution.name\`) — unlicensed.`;
  }
  const text = `${codeSpan(resolved.license)} (${where})`;
  if (resolved.license === 'unlicensed') return `${text} — MOT does not count the component.`;
  if (!isMotOpen(resolved.license)) return `${text} — **not open** for MOT, so the component does not count.`;
  const typeNote = isTypeAppropriate(resolved.license, component.contentType)
    ? `type-appropriate for ${component.contentType}`
    : `open but not type-appropriate for ${component.contentType} (MOT warns)`;
  return `${text} — open for MOT (${motOpenReasons(resolved.license).join(', ')}); ${typeNote}.`;
}
