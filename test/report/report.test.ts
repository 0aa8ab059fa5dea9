/** The compliance report (service/report/): exact Markdown snippets, HTML escaping, the Markdown subset. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Checklist } from '../../server/src/service';
import { markdownToHtml, renderReport } from '../../server/src/service/report';
import { DATE, entry, EXAMPLES } from './entries';

const md = renderReport(EXAMPLES.map(entry), 'md', { date: DATE, generator: 'osai-check 0.1.0' });

/** The lines from `first` up to (not including) the next blank line after `through` lines. */
function block(text: string, first: string, lines: number): string {
  const all = text.split('\n');
  const i = all.indexOf(first);
  assert.ok(i >= 0, `no line ${first}`);
  return all.slice(i, i + lines).join('\n');
}

describe('renderReport: Markdown', () => {
  test('title, date, summary and the verdict per file', () => {
    assert.equal(
      md.split('\n').slice(0, 14).join('\n'),
      [
        '# OSAID compliance report',
        '',
        'Generated 2026-01-01 12:30 UTC by osai-check 0.1.0, against the [Open ' +
          'Source AI Definition 1.0](https://opensource.org/ai/open-source-ai-definition).',
        '',
        '4 files checked: 1 meets the OSAID 1.0 checks, 3 do not.',
        '',
        'Status: ✓ met · ✗ missing · ✗ not open · ✗ invalid · ✗ placeholder · ○ not provided · – not stated.',
        '',
        '| file | kind | verdict | MOF class |',
        '|---|---|---|---|',
        '| `examples/llama-style.osai.yaml` | OSAID manifest | ✗ 1 unmet OSAID 1.0 requirement | — |',
        '| `examples/missing-data-information.osai.yaml` | OSAID manifest | ✗ 6 unmet OSAID 1.0 requirements | — |',
        '| `examples/models/Granite-4-1.yml` | MOF model | ✗ 5 unmet OSAID 1.0 ' +
          'requirements | MOF Class III — Open Model |',
        '| `examples/olmo-7b.osai.yaml` | OSAID manifest | ✓ Meets the OSAID 1.0 checks | — |',
      ].join('\n'),
    );
    assert.ok(
      md.endsWith('None: every required element is there, and open.\n'),
      'the complete example comes last, without gaps',
    );
  });

  test('the checklist table: group, requirement, status as symbol and word, detail', () => {
    assert.equal(
      block(md, '## `examples/missing-data-information.osai.yaml`', 16),
      [
        '## `examples/missing-data-information.osai.yaml`',
        '',
        '**Verdict:** ✗ 6 unmet OSAID 1.0 requirements',
        '',
        '### OSAID 1.0 checklist',
        '',
        '| group | requirement | status | detail |',
        '|---|---|---|---|',
        '| Data information | Data information license | ✓ met | The terms the ' +
          'data information itself is published under. |',
        '| Data information | Provenance | ✓ met | Where the training data came from. |',
        '| Data information | Scope | ✗ missing | Missing ' +
          '`data_information.description.scope`: what the data covers: domains, ' +
          'languages, time span, size. |',
        '| Data information | Characteristics | ✗ missing | Missing ' +
          "`data_information.description.characteristics`: the data's properties: " +
          'formats, distributions, known biases and gaps. |',
        '| Data information | Collection and selection | ✗ missing | Missing ' +
          '`data_information.description.collection`: how the data was obtained and selected. |',
        '| Data information | Labeling procedures | ✗ missing | Missing ' +
          '`data_information.description.labeling`: how labels or annotations ' +
          'were produced, if any. |',
        '| Data information | Processing and filtering | ✗ missing | Missing ' +
          '`data_information.description.processing`: the data processing and ' +
          'filtering methodology. |',
        '| Data information | Training data listing | ✗ missing | Missing ' +
          '`data_information.training_data`: every training dataset: public ones ' +
          'with where to get them, third-party ones with how to obtain them, ' +
          'unshareable ones with why. |',
      ].join('\n'),
    );
    assert.ok(
      md.includes(
        '\n| Data information | Data documentation (recommended) | ○ not ' +
          'provided | Recommended: add `data_information.documentation` — data ' +
          'card, datasheet, technical report or research paper. |\n',
      ),
    );
    assert.match(
      md,
      /\n\| Parameters \| Model weights \| ✗ not open \| `llama3` is the Meta Llama 3 Community License Agreement, [^\n|]+ \|\n/,
    );
  });

  test("each gap explained: the finding, then the requirement's documentation", () => {
    assert.equal(
      block(md, '#### ✗ Parameters › Model weights — not open', 20),
      [
        '#### ✗ Parameters › Model weights — not open',
        '',
        '`llama3` is the Meta Llama 3 Community License Agreement, which ' +
          'restricts use (acceptable-use policy; 700-million-monthly-active-user ' +
          'clause; no use to improve other large language models). Such terms are ' +
          'neither OSI-approved nor open: they do not let everyone use the ' +
          'component for any purpose. Parameters, data information and ' +
          'documentation need OSD-conformant terms (e.g. Apache-2.0, CC-BY-4.0, CDLA-Permissive-2.0).',
        '',
        '> **Model weights** — Required by OSAID 1.0',
        '>',
        '> The final model weights and configuration, with their location and license.',
        '>',
        '> Without the final weights nobody can run, study or fine-tune the ' +
          'system. OSAID requires them under terms that allow use, study, ' +
          'modification and sharing for any purpose.',
        '>',
        '> Example:',
        '> ```yaml',
        '> weights:',
        '>   location: https://github.com/example/project/tree/main/weights',
        '>   license: Apache-2.0',
        '> ```',
        '>',
        '> Source: [Open Source AI Definition 1.0](https://opensource.org/ai/open-source-ai-definition)',
        '',
        '### Recommended, not provided',
      ].join('\n'),
    );
    const headings = md.split('\n').filter((l) => /^#{2,4} /.test(l));
    assert.deepEqual(
      headings.slice(
        headings.indexOf('## `examples/missing-data-information.osai.yaml`'),
        headings.indexOf('## `examples/models/Granite-4-1.yml`'),
      ),
      [
        '## `examples/missing-data-information.osai.yaml`',
        '### OSAID 1.0 checklist',
        '### Gaps',
        '#### ✗ Data information › Scope — missing',
        '#### ✗ Data information › Characteristics — missing',
        '#### ✗ Data information › Collection and selection — missing',
        '#### ✗ Data information › Labeling procedures — missing',
        '#### ✗ Data information › Processing and filtering — missing',
        '#### ✗ Data information › Training data listing — missing',
        '### Recommended, not provided',
        '#### ○ Data information › Data documentation — not provided',
        '#### ○ Parameters › Intermediate checkpoints — not provided',
        '#### ○ Parameters › Optimizer state — not provided',
      ],
    );
  });

  test('a MOF model file: its class and per-class progress; no manifest examples in its gaps', () => {
    assert.equal(
      block(md, '## `examples/models/Granite-4-1.yml`', 16),
      [
        '## `examples/models/Granite-4-1.yml`',
        '',
        '**Verdict:** ✗ 5 unmet OSAID 1.0 requirements',
        '',
        '**[Model Openness Framework](https://arxiv.org/abs/2403.13784):** MOF ' +
          'Class III — Open Model · Class II: 4 of 10 required components missing or not open (60%)',
        '',
        '| MOF class | progress |',
        '|---|---|',
        '| Class III — Open Model | 100% |',
        '| Class II — Open Tooling | 60% |',
        '| Class I — Open Science | 0% |',
        '',
        '### OSAID 1.0 checklist',
        '',
        '| group | requirement | status | detail |',
        '|---|---|---|---|',
      ].join('\n'),
    );
    assert.equal(
      block(md, '#### ✗ Code › Data processing code — missing', 11),
      [
        '#### ✗ Code › Data processing code — missing',
        '',
        'Missing for OSAID 1.0: `Data preprocessing code`. OSAID requires the ' +
          'code used to process and filter the data, under an OSI-approved ' +
          'license. Add the component to `release.components`.',
        '',
        '> **Data processing code** — Required by OSAID 1.0',
        '>',
        '> Code that processes and filters the training data.',
        '>',
        '> The data pipeline is part of how the system was made: OSAID asks for ' +
          'the code that cleaned, filtered and prepared the training data.',
        '>',
        '> Source: [Open Source AI Definition 1.0](https://opensource.org/ai/open-source-ai-definition)',
      ].join('\n'),
    );
  });

  test('progress is rounded but never 100% before the class is reached; no files, a plain sentence', () => {
    const granite = entry('examples/models/Granite-4-1.yml');
    const classification = granite.checklist.classification!;
    // Progress in the order shown: Class III, II, I.
    const almost: Checklist = {
      ...granite.checklist,
      classification: {
        ...classification,
        levels: classification.levels.map((l, i) => ({ ...l, percent: [100, 61.5, 99.6][i] })),
      },
    };
    const text = renderReport([{ file: 'x.yml', checklist: almost }], 'md', { date: DATE });
    assert.ok(text.includes('| Class II — Open Tooling | 62% |\n| Class I — Open Science | 99% |'));
    assert.match(
      renderReport([], 'md', { date: DATE }),
      /\n\nNo manifests or MOF model files were checked\.\n\nStatus: /,
    );
  });
});

describe('renderReport: escaping', () => {
  const hostile = entry('examples/llama-style.osai.yaml');
  const evil: Checklist = {
    ...hostile.checklist,
    verdict: { ...hostile.checklist.verdict, title: '<img src=x onerror=alert(1)> & "quoted"' },
    groups: hostile.checklist.groups.map((g) => ({
      ...g,
      items: g.items.map((i) => ({
        ...i,
        title: `${i.title} <b>`,
        detail: `<script>alert("${i.id}")</script> | pipe [x](javascript:alert(1)) **bold** \`<code>\``,
        explanation:
          '**Doc** <iframe src="https://example.com">\n\n```yaml\n<script>\n```\n\n[ok](https://opensource.org/a?b=1&c=2) [bad](javascript:alert(1))',
      })),
    })),
  };
  const file = 'models/<evil> & `tick` | "q".osai.yaml';

  test('HTML: every piece of text is escaped; only http(s) links become links', () => {
    const html = renderReport([{ file, checklist: evil }], 'html', {
      date: DATE,
      title: 'Report <for> "us"',
      generator: 'gen<"&>',
    });
    assert.ok(!/<(script|img|iframe|b)[\s>]/i.test(html), 'no markup from the input');
    assert.ok(html.includes('<title>Report &lt;for&gt; &quot;us&quot;</title>'));
    assert.ok(html.includes('<meta name="generator" content="gen&lt;&quot;&amp;&gt;">'));
    assert.ok(html.includes('<code>models/&lt;evil&gt; &amp; `tick` | &quot;q&quot;.osai.yaml</code>'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;'));
    // A finding is text with code spans: its Markdown link and emphasis are shown as typed (issue 22, item 8).
    assert.ok(
      html.includes(
        '&lt;script&gt;alert(&quot;parameters.weights&quot;)&lt;/script&gt; | ' +
          'pipe [x](javascript:alert(1)) **bold** <code>&lt;code&gt;</code>',
      ),
    );
    assert.ok(html.includes('<pre><code class="language-yaml">&lt;script&gt;</code></pre>'));
    assert.ok(html.includes('<a href="https://opensource.org/a?b=1&amp;c=2">ok</a> [bad](javascript:alert(1))'));
    assert.ok(!html.includes('href="javascript'), 'no javascript: links');
  });

  test('Markdown: file names in code spans that survive backticks; pipes in cells escaped', () => {
    const text = renderReport([{ file, checklist: evil }], 'md', { date: DATE, title: 'Report <for> #1' });
    assert.ok(text.startsWith('# Report \\<for\\> \\#1\n'));
    assert.ok(text.includes('\n## ``models/<evil> & `tick` | "q".osai.yaml``\n'));
    assert.ok(text.includes('| ``models/<evil> & `tick` \\| "q".osai.yaml`` | OSAID manifest |'));
    assert.ok(
      text.includes(
        '| Parameters | Model weights \\<b\\> | ✗ not open | ' +
          '&lt;script&gt;alert("parameters.weights")&lt;/script&gt; \\| pipe ' +
          '\\[x\\](javascript:alert(1)) \\*\\*bold\\*\\* `<code>` |',
      ),
    );
    assert.ok(
      !/<(script|img|iframe)/.test(text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '')),
      'no raw HTML outside code spans',
    );
  });
});

describe('markdownToHtml (the subset the service writes)', () => {
  test('paragraphs, fenced code, lists, inline code, bold and links', () => {
    assert.equal(
      markdownToHtml(
        '**Title** — Required\n\nLine one\nline two `a<b`\n\n- one\n- two ' +
          '[link](https://x.org/)\n\n```yaml\nkey: <v>\n```\n\nSource: [S](http://s.org)',
      ),
      [
        '<p><strong>Title</strong> — Required</p>',
        '<p>Line one',
        'line two <code>a&lt;b</code></p>',
        '<ul>',
        '<li>one</li>',
        '<li>two <a href="https://x.org/">link</a></li>',
        '</ul>',
        '<pre><code class="language-yaml">key: &lt;v&gt;</code></pre>',
        '<p>Source: <a href="http://s.org">S</a></p>',
      ].join('\n'),
    );
  });
});
