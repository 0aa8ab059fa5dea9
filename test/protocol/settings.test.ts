/**
 * The treat-as-open setting over the protocol: an entry the built-in knowledge already judges
 * (`CC-BY-NC-4.0`: known not to be open) has no effect — the server warns once per list, and the
 * diagnostic where the license is used says that the setting does not apply.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { example } from '../helpers';
import { Session, startSession, stopSession } from './session';

const URI = 'file:///settings/osai.yaml';
const TEXT = example('olmo-7b.osai.yaml').replace(
  '    license: Apache-2.0\n  checkpoints:',
  '    license: CC-BY-NC-4.0\n  checkpoints:',
);
const WARNING = 2;

describe('LSP: treatAsOpen entries the checker already judges', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false, undefined, { treatAsOpen: ['CC-BY-NC-4.0', 'LicenseRef-Acme'] });
  });
  after(async () => {
    await stopSession(s);
  });

  test('one warning names the refused entry and why; the accepted one is not mentioned', async () => {
    const message = await s.waitForMessage(1);
    assert.equal(message.type, WARNING);
    assert.equal(
      message.message,
      'osaiManifest.licenses.treatAsOpen: `CC-BY-NC-4.0` is known not to be ' +
        'open: its non-commercial clause restricts use. No setting can make it ' +
        'open. This entry is ignored.',
    );
  });

  test('the weights under CC-BY-NC-4.0 stay not open, and the diagnostic says the setting does not apply', async () => {
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'osai-manifest', version: 1, text: TEXT },
    });
    const published: PublishDiagnosticsParams = await s.waitForDiagnostics(URI, 1, 5000);
    const notOpen = published.diagnostics.filter((d) => d.code === 'license/not-open');
    assert.equal(notOpen.length, 1);
    assert.equal(notOpen[0].severity, 1);
    assert.match(
      notOpen[0].message,
      /The setting `osaiManifest\.licenses\.treatAsOpen` lists it, but it does not apply: `CC-BY-NC-4\.0` is known not to be open/,
    );
  });

  test('a new list warns again about what it refuses (here MIT: already open, no effect)', async () => {
    s.configuration.licenses.treatAsOpen = ['MIT'];
    await s.rpc.sendNotification('workspace/didChangeConfiguration', {
      settings: { osaiManifest: { licenses: { treatAsOpen: ['MIT'] } } },
    });
    const message = await s.waitForMessage(2);
    assert.equal(
      message.message,
      'osaiManifest.licenses.treatAsOpen: `MIT` is already open (the checker knows it); it needs no entry.',
    );
    assert.equal(s.messages.length, 2);
  });
});

describe('LSP: a burst of settings changes is applied once, with the last settings', () => {
  const ACME = example('olmo-7b.osai.yaml').replace(
    '    license: Apache-2.0\n  checkpoints:',
    '    license: LicenseRef-Acme\n  checkpoints:',
  );
  const uris = Array.from({ length: 20 }, (_, i) => `file:///burst/${i}/osai.yaml`);
  let s: Session;
  let requests = 0;
  /** Set while the test holds the client's answer back: resolves when the server asks. */
  let asked: (() => void) | undefined;
  let held: Promise<void> | undefined;
  let answer: string[] = [];
  before(async () => {
    s = await startSession(false, undefined, {
      configuration: async (items) => {
        requests++;
        const given = answer;
        if (held) {
          const wait = held;
          held = undefined;
          asked?.();
          await wait;
        }
        return items.map(() => ({ licenses: { treatAsOpen: given } }));
      },
    });
  });
  after(async () => {
    await stopSession(s);
  });

  test(
    '50 changes while 20 documents are open: the settings answer overtaken ' +
      'by a newer change is dropped; each document is published once, under the last settings',
    async () => {
      for (const uri of uris)
        await s.rpc.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'osai-manifest', version: 1, text: ACME },
        });
      for (const uri of uris) {
        const first = await s.waitForDiagnostics(uri, 1, 10000);
        assert.deepEqual(
          first.diagnostics.filter((d) => d.severity === 1).map((d) => d.code),
          ['license/not-open'],
          'LicenseRef-Acme is not reviewed yet',
        );
      }
      const before = s.published.length;
      const requestsBefore = requests;
      // The first change: the server asks for the settings, and the answer (still none reviewed) is held back...
      let release!: () => void;
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const serverAsked = new Promise<void>((resolve) => {
        asked = resolve;
      });
      answer = [];
      await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await serverAsked;
      // ...while 49 more changes arrive, the last of which reviews LicenseRef-Acme.
      answer = ['LicenseRef-Acme'];
      for (let i = 0; i < 49; i++) await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
      release();
      const clean = (uri: string) =>
        s.published.slice(before).some((p) => p.uri === uri && !p.diagnostics.some((d) => d.severity === 1));
      await Promise.all(
        uris.map(
          (uri) =>
            new Promise<void>((resolve, reject) => {
              const limit = setTimeout(
                () => reject(new Error(`${uri} was not published under the last settings`)),
                20000,
              );
              const check = () => {
                if (clean(uri)) {
                  clearTimeout(limit);
                  resolve();
                } else setImmediate(check);
              };
              check();
            }),
        ),
      );
      // One more request for the changes that came while the first answer was held; the held answer is never applied.
      assert.equal(requests - requestsBefore, 2);
      const after = s.published.slice(before);
      for (const uri of uris) assert.equal(after.filter((p) => p.uri === uri).length, 1, `${uri}: published once`);
    },
  );
});

describe('LSP: osai/report checks its params', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false);
  });
  after(async () => {
    await stopSession(s);
  });

  const cases: Array<[string, unknown, RegExp]> = [
    [
      'no params',
      undefined,
      /`textDocument\.uri` must be a string; `format` must be "md" or "html"; `file` must be a string/,
    ],
    [
      'an unknown format',
      { textDocument: { uri: URI }, format: 'pdf', file: 'osai.yaml' },
      /^osai\/report: `format` must be "md" or "html"\.$/,
    ],
    [
      'a file that is not a string',
      { textDocument: { uri: URI }, format: 'md', file: 5 },
      /^osai\/report: `file` must be a string\.$/,
    ],
    [
      'a generator that is not a string',
      { textDocument: { uri: URI }, format: 'html', file: 'osai.yaml', generator: {} },
      /^osai\/report: `generator` must be a string when given\.$/,
    ],
  ];
  for (const [what, params, message] of cases) {
    test(`${what}: InvalidParams, saying what is wrong`, async () => {
      await assert.rejects(s.rpc.sendRequest('osai/report', params), (error: { code?: number; message?: string }) => {
        assert.equal(error.code, -32602);
        assert.match(error.message ?? '', message);
        return true;
      });
    });
  }
});

/** OLMo with weights under a license only a reviewing organisation can call open. */
const ACME = example('olmo-7b.osai.yaml').replace(
  '    license: Apache-2.0\n  checkpoints:',
  '    license: LicenseRef-Acme\n  checkpoints:',
);
type Diagnostics = PublishDiagnosticsParams['diagnostics'];
const errors = (diagnostics: Diagnostics) => diagnostics.filter((d) => d.severity === 1).map((d) => d.code);
interface ConfigurationItem {
  scopeUri?: string;
  section?: string;
}

async function openAcme(s: Session, uri: string): Promise<void> {
  const textDocument = { uri, languageId: 'osai-manifest', version: 1, text: ACME };
  await s.rpc.sendNotification('textDocument/didOpen', { textDocument });
}

/** The errors of the document's first publication after the `from`-th. */
async function errorsAfter(s: Session, uri: string, from: number): Promise<unknown[]> {
  return errors((await s.waitForPublication(uri, (p) => s.published.indexOf(p) >= from)).diagnostics);
}

/** Announces a change; the client answers with what the test set. */
async function settingsChange(s: Session, settings: unknown = null): Promise<void> {
  await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings });
}

for (const pull of [false, true]) {
  describe(`LSP (${pull ? 'pull' : 'push'}): each document has the settings of its own folder (multi-root)`, () => {
    const OPEN = 'file:///reviewed/osai.yaml';
    const STRICT = 'file:///strict/osai.yaml';
    const asked: ConfigurationItem[] = [];
    let s: Session;
    before(async () => {
      s = await startSession(pull, undefined, {
        workspaceFolders: ['file:///reviewed', 'file:///strict'],
        // The folder `reviewed` lists LicenseRef-Acme as reviewed; `strict` and the window list nothing.
        configuration: (items) =>
          (items as ConfigurationItem[]).map((item) => {
            asked.push(item);
            const reviewed = item.scopeUri?.startsWith('file:///reviewed/') === true;
            return { licenses: { treatAsOpen: reviewed ? ['LicenseRef-Acme'] : [] } };
          }),
      });
      for (const uri of [OPEN, STRICT]) await openAcme(s, uri);
    });
    after(async () => {
      await stopSession(s);
    });

    const errorsOf = async (uri: string) =>
      errors(
        pull
          ? (await s.rpc.sendRequest<{ items: Diagnostics }>('textDocument/diagnostic', { textDocument: { uri } }))
              .items
          : (await s.waitForDiagnostics(uri, 1, 10000)).diagnostics,
      );

    test('the same manifest passes in the folder that reviewed its license and fails in the other', async () => {
      assert.deepEqual(await errorsOf(OPEN), []);
      assert.deepEqual(await errorsOf(STRICT), ['license/not-open']);
    });

    test("the client was asked with each document's URI as the scope", () => {
      const scopes = asked.filter((item) => item.scopeUri !== undefined);
      assert.ok(
        scopes.every((item) => item.section === 'osaiManifest'),
        JSON.stringify(scopes),
      );
      assert.deepEqual([...new Set(scopes.map((item) => item.scopeUri))].sort(), [OPEN, STRICT]);
    });
  });
}

describe('LSP: a folder that lists a license known not to be open cannot make it open', () => {
  const LENIENT = 'file:///lenient/osai.yaml';
  let s: Session;
  before(async () => {
    s = await startSession(false, undefined, {
      workspaceFolders: ['file:///lenient'],
      // Only the folder's own settings list it; the window's list nothing.
      configuration: (items) =>
        (items as ConfigurationItem[]).map((item) => ({
          licenses: { treatAsOpen: item.scopeUri?.startsWith('file:///lenient/') ? ['CC-BY-NC-4.0'] : [] },
        })),
    });
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri: LENIENT, languageId: 'osai-manifest', version: 1, text: TEXT },
    });
  });
  after(async () => {
    await stopSession(s);
  });

  test("the weights stay not open (an error), and the folder's entry is warned about", async () => {
    const published = await s.waitForDiagnostics(LENIENT, 1);
    assert.deepEqual(errors(published.diagnostics), ['license/not-open']);
    const message = await s.waitForMessage(1);
    assert.equal(message.type, WARNING);
    assert.match(message.message, /^osaiManifest\.licenses\.treatAsOpen: `CC-BY-NC-4\.0` is known not to be open/);
  });
});

describe('LSP: a setting the client drops returns to its default', () => {
  const uri = 'file:///dropped/osai.yaml';
  let s: Session;
  let answer: unknown = { licenses: { treatAsOpen: ['LicenseRef-Acme'] }, maxFileSize: 1024 * 1024 };
  before(async () => {
    s = await startSession(false, undefined, { configuration: (items) => items.map(() => answer) });
    await openAcme(s, uri);
  });
  after(async () => {
    await stopSession(s);
  });

  test('reviewed while the setting is there; not open once the answer lacks it', async () => {
    assert.deepEqual(errors((await s.waitForDiagnostics(uri, 1, 10000)).diagnostics), []);
    const from = s.published.length;
    // The answer keeps another setting and drops treatAsOpen: its default (no entry) applies, not the old list.
    answer = { maxFileSize: 1024 * 1024 };
    await settingsChange(s);
    assert.deepEqual(await errorsAfter(s, uri, from), ['license/not-open']);
  });

  test('an answer with a setting of the wrong type gives that setting its default too', async () => {
    answer = { licenses: { treatAsOpen: ['LicenseRef-Acme'] } };
    const from = s.published.length;
    await settingsChange(s);
    assert.deepEqual(await errorsAfter(s, uri, from), []);
    const again = s.published.length;
    answer = { licenses: { treatAsOpen: 'LicenseRef-Acme' } };
    await settingsChange(s);
    assert.deepEqual(await errorsAfter(s, uri, again), ['license/not-open']);
  });
});

describe('LSP: a client that answers no section keeps the settings it gave at start', () => {
  const uri = 'file:///initial/osai.yaml';
  let s: Session;
  before(async () => {
    // As Neovim and Helix answer when the settings are in the initialization options only.
    s = await startSession(false, undefined, {
      initializationOptions: { settings: { licenses: { treatAsOpen: ['LicenseRef-Acme'] } } },
      configuration: (items) => items.map(() => null),
    });
    await openAcme(s, uri);
  });
  after(async () => {
    await stopSession(s);
  });

  test('the initialization options apply to the document', async () => {
    assert.deepEqual(errors((await s.waitForDiagnostics(uri, 1, 10000)).diagnostics), []);
  });
});

describe('LSP: a client that does not answer workspace/configuration pushes its settings', () => {
  const uri = 'file:///pushed/osai.yaml';
  let s: Session;
  before(async () => {
    s = await startSession(false, undefined, {
      noConfiguration: true,
      initializationOptions: { settings: { licenses: { treatAsOpen: ['LicenseRef-Acme'] } } },
    });
    await openAcme(s, uri);
  });
  after(async () => {
    await stopSession(s);
  });

  test('the initialization options apply; a push without the setting returns it to its default', async () => {
    assert.deepEqual(errors((await s.waitForDiagnostics(uri, 1, 10000)).diagnostics), []);
    const from = s.published.length;
    await settingsChange(s, { osaiManifest: { mof: { enable: true } } });
    assert.deepEqual(await errorsAfter(s, uri, from), ['license/not-open']);
  });
});
