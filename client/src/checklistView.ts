/**
 * The "OSAID Checklist" tree in the explorer and the verdict in the status bar, for the
 * active manifest or MOF file. Both show what the server answers to `osai/checklist`:
 * the client never re-validates.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  Checklist,
  CHECKLIST_REQUEST,
  ChecklistGroup,
  ChecklistItem,
  ChecklistStatus,
  EVIDENCE_WORDS,
  STATUS_WORDS,
} from '../../server/src/protocol';

export const VIEW_ID = 'osaiManifest.checklist';
const REFRESH_DELAY_MS = 100;

/** The icon of each status (its words come from the service, shared with the report). */
const ICONS: Record<ChecklistStatus, { icon: string; color: string }> = {
  met: { icon: 'pass', color: 'testing.iconPassed' },
  missing: { icon: 'error', color: 'problemsErrorIcon.foreground' },
  'not-open': { icon: 'law', color: 'problemsErrorIcon.foreground' },
  invalid: { icon: 'error', color: 'problemsErrorIcon.foreground' },
  placeholder: { icon: 'edit', color: 'problemsErrorIcon.foreground' },
  recommended: { icon: 'circle-large-outline', color: 'problemsInfoIcon.foreground' },
  'not-stated': { icon: 'question', color: 'problemsInfoIcon.foreground' },
};

type Node = { group: ChecklistGroup } | { item: ChecklistItem };

export class ChecklistView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly statusBar = vscode.window.createStatusBarItem(
    'osaiManifest.verdict',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private refreshing = 0;
  /** The newest refresh: one that a newer refresh overtakes answers with the newer one's checklist. */
  private latest: Promise<Checklist | undefined> | undefined;
  private idleWaiters: Array<() => void> = [];
  /** The tree view (its `visible` says whether VS Code shows it). */
  readonly view: vscode.TreeView<Node>;
  /** The checklist shown, and the document it belongs to. */
  current: { uri: string; checklist: Checklist } | undefined;

  constructor(private readonly client: BaseLanguageClient) {
    this.statusBar.name = 'OSAID verdict';
    this.statusBar.command = `${VIEW_ID}.focus`;
    const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.view = view;
    this.disposables.push(
      view,
      this.statusBar,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const shown = this.documentToShow()?.uri.toString();
        if (shown && e.uris.some((u) => u.toString() === shown)) this.schedule();
      }),
    );
    this.schedule();
  }

  /** Refreshes soon (diagnostics arrive in bursts while typing). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** Resolves once no refresh is scheduled or running: what a test waits for instead of a time. */
  whenIdle(): Promise<void> {
    if (this.timer === undefined && this.refreshing === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Asks the server for the active document's checklist and shows it. */
  async refresh(): Promise<Checklist | undefined> {
    this.refreshing++;
    try {
      const run = this.fetchAndShow();
      this.latest = run;
      return await run;
    } finally {
      this.refreshing--;
      if (this.timer === undefined && this.refreshing === 0)
        for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async fetchAndShow(): Promise<Checklist | undefined> {
    const generation = ++this.generation;
    const document = this.documentToShow();
    let checklist: Checklist | undefined;
    if (
      document &&
      this.client.isRunning() &&
      vscode.languages.match(
        [{ language: 'osai-manifest' }, { language: 'yaml' }, { language: 'markdown' }],
        document,
      ) > 0
    ) {
      try {
        checklist =
          (await this.client.sendRequest<Checklist | null>(CHECKLIST_REQUEST, {
            textDocument: { uri: document.uri.toString() },
          })) ?? undefined;
      } catch (error) {
        this.client.warn(
          `osai: the checklist request failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    // A newer refresh won (the active editor changed meanwhile): its answer is the one for the editor now shown, not
    // what the view showed before it (a command run right after switching editors would find no checklist).
    if (generation !== this.generation) return this.latest;
    this.current = checklist && document ? { uri: document.uri.toString(), checklist } : undefined;
    void vscode.commands.executeCommand('setContext', 'osaiManifest.hasChecklist', this.current !== undefined);
    this.updateStatusBar();
    this.changed.fire(undefined);
    return checklist;
  }

  /**
   * The active editor's document; while the focus is on something that is not a text editor (the
   * Get Started walkthrough, a webview, a panel), the document shown before, or another checkable
   * one, if it is still in view: as the Outline keeps the last editor.
   */
  documentToShow(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active) return active;
    const visible = vscode.window.visibleTextEditors.map((editor) => editor.document);
    return (
      visible.find((d) => d.uri.toString() === this.current?.uri) ??
      visible.find((d) => vscode.languages.match([{ language: 'osai-manifest' }], d) > 0)
    );
  }

  private updateStatusBar(): void {
    const checklist = this.current?.checklist;
    if (!checklist) {
      this.statusBar.hide();
      return;
    }
    const classification = checklist.classification ? ` · ${checklist.classification.reached}` : '';
    const { state, unmet, errors, notStated } = checklist.verdict;
    const text =
      state === 'meets'
        ? '$(pass) OSAID'
        : state === 'incomplete'
          ? `$(info) OSAID: ${notStated} not stated`
          : unmet > 0
            ? `$(error) OSAID: ${unmet} unmet`
            : `$(error) OSAID: ${errors} error${errors === 1 ? '' : 's'}`;
    this.statusBar.text = `${text}${classification}`;
    this.statusBar.tooltip =
      `${checklist.verdict.title}` +
      `${checklist.classification ? `\n${checklist.classification.title}` : ''}` +
      `\nClick to show the OSAID checklist.`;
    this.statusBar.backgroundColor =
      state === 'fails' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.statusBar.show();
  }

  /** What the status bar shows (for tests and other extensions). */
  get statusBarText(): string | undefined {
    return this.current ? this.statusBar.text : undefined;
  }

  getChildren(node?: Node): Node[] {
    const checklist = this.current?.checklist;
    if (!checklist) return [];
    if (!node) return checklist.groups.map((group) => ({ group }));
    return 'group' in node ? node.group.items.map((item) => ({ item })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) {
      const { group } = node;
      const required = group.items.filter((i) => i.level === 'required');
      const met = required.filter((i) => i.status === 'met').length;
      const item = new vscode.TreeItem(group.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${group.id}`;
      item.description = `${met} of ${required.length} met`;
      item.iconPath = new vscode.ThemeIcon(
        met === required.length ? 'pass' : 'error',
        new vscode.ThemeColor(met === required.length ? 'testing.iconPassed' : 'problemsErrorIcon.foreground'),
      );
      item.contextValue = 'osaiGroup';
      return item;
    }
    const { item: entry } = node;
    const status = { label: STATUS_WORDS[entry.status], ...ICONS[entry.status] };
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    item.id = `item:${entry.id}`;
    const shown = entry.level === 'recommended' && entry.status !== 'met' ? 'recommended' : status.label;
    // What the release's files show, in a word: the line of each component carries it.
    const evidence = entry.evidence ? EVIDENCE_WORDS[entry.evidence.state] : undefined;
    item.description = evidence ? `${shown} · ${evidence}` : shown;
    item.iconPath = new vscode.ThemeIcon(status.icon, new vscode.ThemeColor(status.color));
    const inRelease = entry.evidence ? `\n\n**In the release** (${evidence}): ${entry.evidence.summary}` : '';
    const tooltip = new vscode.MarkdownString(
      `**${entry.title}** — ${status.label}\n\n${entry.detail}${inRelease}\n\n---\n\n${entry.explanation}`,
    );
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${entry.title}: ${status.label}${evidence ? `, ${evidence}` : ''}` };
    if (this.current) {
      const range = new vscode.Range(
        entry.range.start.line,
        entry.range.start.character,
        entry.range.end.line,
        entry.range.end.character,
      );
      item.command = {
        title: 'Reveal in editor',
        command: 'vscode.open',
        arguments: [vscode.Uri.parse(this.current.uri), { selection: range, preserveFocus: false }],
      };
    }
    item.contextValue = `osaiItem.${entry.status}`;
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    for (const d of this.disposables) d.dispose();
  }
}
