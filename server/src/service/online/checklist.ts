/**
 * What the hosts answered, on the checklist item of each component: the worst of its
 * locations (not there, a license the host records that disagrees, gated), after what the
 * release's own files showed for it, if anything.
 */
import type { Checklist, ChecklistEvidence, ChecklistItem } from '../../protocol';
import { compareEvidence, disagrees } from '../evidence/compare';
import { belongsTo } from '../evidence/features';
import { codeSpan } from '../text/text';
import type { OnlineEvidence, OnlineItem } from './collect';
import { hostEvidence, hostLicense, repositoryName } from './diagnostics';

const ORDER: ReadonlyArray<ChecklistEvidence['state']> = ['disagrees', 'not-found', 'outside-root', 'none', 'agrees'];

export function checklistWithOnline(
  checklist: Checklist,
  online: OnlineEvidence | undefined,
  extraOpen: readonly string[],
): Checklist {
  if (!online || online.offline || online.items.length === 0) return checklist;
  const groups = checklist.groups.map((group) => ({
    ...group,
    items: group.items.map((item): ChecklistItem => {
      const judged = online.items.filter((e) => belongsTo(e, item.id)).flatMap((e) => judge(e, extraOpen) ?? []);
      if (judged.length === 0) return item;
      judged.sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));
      const states = [item.evidence, judged[0]].filter((e): e is ChecklistEvidence => e !== undefined);
      const worst = states.sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state))[0];
      const summary = [item.evidence?.summary, `online: ${judged.map((j) => j.summary).join('; ')}`]
        .filter(Boolean)
        .join('; ');
      return { ...item, evidence: { state: worst.state, summary } };
    }),
  }));
  return { ...checklist, groups };
}

function judge(item: OnlineItem, extraOpen: readonly string[]): ChecklistEvidence | undefined {
  const { result, target } = item;
  const name = repositoryName(item);
  switch (result.kind) {
    case 'unanswered':
      return undefined;
    case 'web':
      return result.state === 'not-found'
        ? { state: 'not-found', summary: `${codeSpan(target.location.text)} answers ${result.status}` }
        : undefined;
    case 'hub':
    case 'github': {
      const { finding } = result;
      if (finding.state === 'not-found' || finding.state === 'revision-not-found' || finding.state === 'disabled')
        return { state: 'not-found', summary: `${name} is not there` };
      if (finding.state !== 'exists') return undefined;
      if (result.path === 'missing') return { state: 'not-found', summary: `${name} has no such path` };
      const facts: string[] = [];
      if ('gated' in finding && finding.gated) facts.push('gated');
      if ('private' in finding && finding.private) facts.push('private');
      if ('archived' in finding && finding.archived) facts.push('archived');
      const recorded = hostLicense(item);
      if (recorded) facts.push(`records ${recorded.shown}`);
      const summary = `${name}${facts.length ? `: ${facts.join(', ')}` : ' is there'}`;
      if (!recorded || !target.declared) return { state: 'none', summary };
      const disagreeing = compareEvidence(hostEvidence(item, recorded), extraOpen).some(disagrees);
      return { state: disagreeing ? 'disagrees' : 'agrees', summary };
    }
  }
}
