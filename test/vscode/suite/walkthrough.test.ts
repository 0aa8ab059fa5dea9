/// <reference types="mocha" />
/**
 * The Get Started walkthrough (package.json `contributes.walkthroughs`): its steps and pages are
 * in the extension, every command a step's button runs or its completion waits for exists, and
 * each button does what its step says — run as a user runs it, with the walkthrough page as the
 * active editor and the manifest beside it (so no text editor is active).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  apply,
  closeAllEditors,
  codeOf,
  EXTENSION_ID,
  exampleUri,
  lineOf,
  LANGUAGE_ID,
  pathOf,
  waitForDiagnostics,
} from './helpers';

const WALKTHROUGH_ID = 'osaiManifest.gettingStarted';
const CHECKLIST_VIEW = 'osaiManifest.checklist';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
  when?: string;
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: Step[];
  when?: string;
}
interface Manifest {
  icon?: string;
  contributes: { walkthroughs?: Walkthrough[]; views: Record<string, Array<{ id: string }>> };
}
interface ChecklistApi {
  refresh(): Promise<unknown>;
  whenIdle(): Promise<void>;
  getChildren(node?: unknown): unknown[];
  statusBarText: string | undefined;
  view: vscode.TreeView<unknown>;
}

function extension(): vscode.Extension<{ checklist: ChecklistApi }> {
  const ext = vscode.extensions.getExtension<{ checklist: ChecklistApi }>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext;
}

function walkthrough(): Walkthrough {
  const walkthroughs = (extension().packageJSON as Manifest).contributes.walkthroughs ?? [];
  assert.deepEqual(
    walkthroughs.map((w) => w.id),
    [WALKTHROUGH_ID],
    'one walkthrough',
  );
  return walkthroughs[0];
}

/** The targets of a description's `[label](command:…)` links, as written (`toSide:` kept). */
function commandLinks(description: string): string[] {
  return [...description.matchAll(/\[[^\]]+\]\(command:([^)\s]+)\)/g)].map((m) => m[1]);
}

/** The command a link target runs: without `toSide:` (the walkthrough's "open beside") and arguments. */
function commandOf(target: string): string {
  return target.replace(/^toSide:/, '').replace(/\?.*$/, '');
}

/** The editor groups and their tabs, for failure messages: `[1] a.yaml, [2 active] Welcome*`. */
function layout(): string {
  return vscode.window.tabGroups.all
    .map(
      (g) =>
        `[${g.viewColumn}${g.isActive ? ' active' : ''}] ` +
        `${g.tabs.map((t) => `${t.label}${t.isActive ? '*' : ''}`).join(', ')}`,
    )
    .join(' ');
}

/** Waits for a state of the workbench that no event announces; the limit only stops a hang. */
async function until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  let expired = false;
  const limit = setTimeout(() => {
    expired = true;
  }, timeoutMs);
  try {
    while (!done()) {
      if (expired)
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} (editors: ${layout()}` +
            `; active text editor: ` +
            `${vscode.window.activeTextEditor?.document.uri.path ?? 'none'})`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    clearTimeout(limit);
  }
}

/** Opens the walkthrough in the active editor group, and waits for it: the command returns before the page is open. */
async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
  // The walkthrough's tab has no input the API knows (a text editor's tab has one).
  await until('the walkthrough to open', () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    return tab !== undefined && tab.input === undefined && vscode.window.activeTextEditor === undefined;
  });
}

/**
 * A user's layout while going through the steps: the manifest in an editor, the walkthrough
 * beside it and focused, to click the next step's button. No text editor is active then.
 */
async function manifestBesideWalkthrough(
  name: string,
  unmet: string,
): Promise<{ document: vscode.TextDocument; checklist: ChecklistApi }> {
  const ext = extension();
  const { checklist } = ext.isActive ? ext.exports : await ext.activate();
  // As after step 1's button (`command:toSide:`): the walkthrough, and the manifest beside it.
  await openWalkthrough();
  const document = await vscode.workspace.openTextDocument(exampleUri(name));
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  // VS Code 1.82's walkthrough page takes the focus back once it has rendered: then show the manifest again.
  await until('the manifest to be the active editor', () => {
    if (vscode.window.activeTextEditor?.document === document) return true;
    void vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Two, preview: false });
    return false;
  });
  await waitForDiagnostics(document.uri, 'its diagnostics', (ds) => ds.some((d) => codeOf(d) === 'osaid/missing'));
  await until('the status bar verdict of the manifest', () => checklist.statusBarText === unmet);
  // A click on the walkthrough takes the focus from the manifest, then makes the walkthrough
  // the active editor. The same in two commands: focus elsewhere (the Explorer), then the
  // walkthrough's group. (Activating its group alone leaves the text focus in the manifest,
  // which stays the active text editor then.)
  await vscode.commands.executeCommand('workbench.view.explorer');
  await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
  await until('the walkthrough to be the active editor', () => vscode.window.activeTextEditor === undefined);
  assert.ok(
    vscode.window.visibleTextEditors.some((e) => e.document === document),
    `the manifest is shown beside the walkthrough (editors: ${layout()})`,
  );
  // The checklist refreshes after the active editor changes: once that refresh is done, it must not have cleared.
  await checklist.whenIdle();
  assert.equal(
    checklist.statusBarText,
    unmet,
    `the checklist and status bar stay on the manifest shown beside the walkthrough (editors: ${layout()})`,
  );
  return { document, checklist };
}

describe('Get Started walkthrough', () => {
  afterEach(closeAllEditors);

  it('[smoke] four steps in order, each with its page in the extension, and the icon', async () => {
    const w = walkthrough();
    assert.equal(w.title, 'Get Started with OSAID Manifest');
    assert.equal(w.when, undefined, 'always offered');
    assert.deepEqual(
      w.steps.map((s) => [s.id, s.title, s.media.markdown]),
      [
        ['createManifest', 'Create a manifest', 'media/walkthrough/create-manifest.md'],
        ['fixFinding', 'See a finding and fix it', 'media/walkthrough/fix-finding.md'],
        ['openChecklist', 'Open the OSAID Checklist', 'media/walkthrough/open-checklist.md'],
        ['exportReport', 'Export the compliance report', 'media/walkthrough/export-report.md'],
      ],
    );
    const root = extension().extensionUri;
    for (const step of w.steps) {
      assert.equal(step.when, undefined, `${step.id} is always shown`);
      const page = Buffer.from(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, step.media.markdown!)),
      ).toString('utf8');
      assert.equal(page.split('\n')[0], `# ${step.title}`, `${step.media.markdown} is the page of "${step.title}"`);
    }
    const icon = (extension().packageJSON as Manifest).icon;
    assert.equal(icon, 'media/icon.png');
    const png = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, icon)));
    assert.equal(png.toString('latin1', 1, 4), 'PNG', 'the icon is a PNG file');
  });

  it('[smoke] every command a step runs or waits for exists', async () => {
    const ext = extension();
    if (!ext.isActive) await ext.activate();
    const commands = new Set(await vscode.commands.getCommands(true));
    const w = walkthrough();
    assert.deepEqual(
      w.steps.map((s) => commandLinks(s.description)),
      [
        ['toSide:osaiManifest.newManifest'],
        ['workbench.actions.view.problems'],
        [`${CHECKLIST_VIEW}.focus`],
        ['osaiManifest.exportReport'],
      ],
      'one button per step',
    );
    const views = new Set(
      Object.values((ext.packageJSON as Manifest).contributes.views)
        .flat()
        .map((v) => v.id),
    );
    for (const step of w.steps) {
      for (const target of commandLinks(step.description))
        assert.ok(commands.has(commandOf(target)), `${step.id}: the button's command ${commandOf(target)} exists`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} says when it is done`);
      for (const event of step.completionEvents ?? []) {
        const [kind, name] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: ${event} names a command that exists`);
        else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: ${event} names a view of the extension`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('step 1: the button opens a new, untitled manifest', async () => {
    await openWalkthrough();
    await vscode.commands.executeCommand(commandOf(commandLinks(walkthrough().steps[0].description)[0]));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the manifest is the active editor');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    assert.equal(editor.document.isUntitled, true);
    assert.ok(editor.document.getText().startsWith('# Open Source AI release manifest'), 'with the header comment');
    await waitForDiagnostics(editor.document.uri, 'the placeholder warnings', (ds) =>
      ds.some((d) => codeOf(d) === 'osaid/empty'),
    );
  });

  it(
    'step 2: the page\'s example — a license name gets "Change to ' + '`Apache-2.0`", a deleted key gets "Add …"',
    async () => {
      await vscode.commands.executeCommand('osaiManifest.newManifest');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      const { document } = editor;
      const uri = document.uri;
      await waitForDiagnostics(uri, 'the placeholder warnings', (ds) => ds.some((d) => codeOf(d) === 'osaid/empty'));

      // 1. `license: apache 2.0` under parameters.weights.
      const license = lineOf(document.getText(), '  weights:') + 2;
      assert.equal(document.lineAt(license).text, '    license: TODO');
      const write = new vscode.WorkspaceEdit();
      write.replace(uri, document.lineAt(license).range, '    license: apache 2.0');
      await apply(write, 'writing `apache 2.0`');
      const named = await waitForDiagnostics(uri, 'the license name warning', (ds) =>
        ds.some((d) => codeOf(d) === 'license/non-canonical'),
      );
      const warning = named.filter((d) => codeOf(d) === 'license/non-canonical');
      assert.deepEqual(
        warning.map((d) => [d.severity, d.range.start.line]),
        [[vscode.DiagnosticSeverity.Warning, license]],
      );
      assert.match(warning[0].message, /^"apache 2\.0" is a license name, not an SPDX id/);
      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        warning[0].range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const change = fixes.find((a) => a.title === 'Change to `Apache-2.0`');
      assert.ok(change, `the Quick Fix is offered (got ${JSON.stringify(fixes.map((a) => a.title))})`);
      await apply(change.edit, change.title);
      assert.equal(document.lineAt(license).text, '    license: Apache-2.0');
      await waitForDiagnostics(
        uri,
        'the warning to go',
        (ds) => !ds.some((d) => codeOf(d) === 'license/non-canonical'),
      );

      // 2. Delete `scope: TODO`.
      const scope = lineOf(document.getText(), '    scope: TODO');
      const description = lineOf(document.getText(), '  description:');
      const remove = new vscode.WorkspaceEdit();
      remove.delete(uri, new vscode.Range(scope, 0, scope + 1, 0));
      await apply(remove, 'deleting `scope: TODO`');
      const missing = (
        await waitForDiagnostics(uri, 'scope to be reported missing', (ds) =>
          ds.some((d) => codeOf(d) === 'osaid/missing'),
        )
      ).filter((d) => codeOf(d) === 'osaid/missing');
      assert.deepEqual(
        missing.map((d) => [d.severity, d.range.start.line, pathOf(d)]),
        [[vscode.DiagnosticSeverity.Error, description, 'data_information.description.scope']],
      );
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      // Scope is now missing; the other 14 requirements are still placeholders (the weights' location among them).
      assert.ok(
        lenses.some((l) => l.command?.title === '✗ 15 unmet OSAID 1.0 requirements · 14 are placeholders'),
        `the verdict lens (got ${JSON.stringify(lenses.map((l) => l.command?.title))})`,
      );
      const adds = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        missing[0].range,
        vscode.CodeActionKind.QuickFix.value,
      );
      assert.deepEqual(
        adds.map((a) => a.title).filter((t) => t.startsWith('Add')),
        ['Add `data_information.description.scope`', 'Add all missing OSAID requirements (1)'],
      );

      // The step's button opens the Problems panel (whose state the API does not show): it runs.
      await vscode.commands.executeCommand(commandLinks(walkthrough().steps[1].description)[0]);
    },
  );

  it(
    'step 3: with the walkthrough active, the button shows the OSAID ' + 'Checklist of the manifest beside it',
    async () => {
      const { checklist } = await manifestBesideWalkthrough(
        'missing-data-information.osai.yaml',
        '$(error) OSAID: 6 unmet',
      );
      // The view is hidden with the side bar; the step's button shows it, and VS Code asks the shown
      // view for its items.
      let asked = 0;
      const getChildren = checklist.getChildren;
      checklist.getChildren = (node?: unknown) => {
        asked++;
        return getChildren.call(checklist, node);
      };
      try {
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await until('the OSAID Checklist view to be hidden', () => !checklist.view.visible);
        asked = 0;
        await vscode.commands.executeCommand(commandLinks(walkthrough().steps[2].description)[0]);
        await until('the OSAID Checklist view to be shown', () => checklist.view.visible);
        await checklist.refresh();
        await until('the OSAID Checklist view to ask for its items', () => asked > 0);
      } finally {
        checklist.getChildren = getChildren;
        await vscode.commands.executeCommand('workbench.view.explorer');
      }
    },
  );

  it('step 4: with the walkthrough active, the button writes the report of the manifest beside it', async () => {
    await manifestBesideWalkthrough('missing-data-information.osai.yaml', '$(error) OSAID: 6 unmet');
    const target = vscode.Uri.joinPath(exampleUri('olmo-7b.osai.yaml'), '..', 'scratch', 'walkthrough-report.md');
    // The button runs the command without arguments (a format picker and a save dialog); these two answer them.
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      commandLinks(walkthrough().steps[3].description)[0],
      'md',
      target,
    );
    assert.equal(written?.toString(), target.toString(), 'the report is written');
    const md = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(md, /^# OSAID compliance report/);
    assert.match(md, /missing-data-information\.osai\.yaml/);
    assert.match(md, /6 unmet OSAID 1\.0 requirements/);
  });
});
