/**
 * The report against hostile values (issue 22, items 8 and 12): a backslash before a backtick,
 * backtick runs, Markdown links, raw HTML and bidirectional controls in what a manifest or a
 * card says, and malformed arguments. Expectations written by hand from the rules: in
 * Markdown every value is a code span or escaped text; in HTML, escaped text (a finding's
 * code spans as <code>, nothing else of Markdown); bidi controls shown as `\uXXXX`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Marked } from 'marked';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checklist } from '../../server/src/service';
import { renderReport, ReportFormat, ReportParamsError } from '../../server/src/service/report';
import { service } from '../helpers';
import { DATE } from './entries';

/** A checklist with one unmet requirement, Model weights, whose finding is `detail`. */
function checklist(detail: string): Checklist {
  return {
    uri: 'file:///w/README.md',
    kind: 'modelcard',
    kindLabel: 'model card',
    verdict: {
      meets: false,
      state: 'fails',
      title: '✗ 1 unmet OSAID 1.0 requirement',
      unmet: 1,
      placeholders: 0,
      notStated: 0,
      errors: 0,
      syntaxErrors: 0,
    },
    groups: [
      {
        id: 'parameters',
        title: 'Parameters',
        items: [
          {
            id: 'parameters.weights',
            title: 'Model weights',
            level: 'required',
            status: 'not-open',
            detail,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            explanation: '',
          },
        ],
      },
    ],
  };
}

function render(detail: string, file = 'README.md'): { md: string; html: string } {
  const entries = [{ file, checklist: checklist(detail) }];
  return { md: renderReport(entries, 'md', { date: DATE }), html: renderReport(entries, 'html', { date: DATE }) };
}

/** The finding as the Markdown shows it: in the checklist table (pipes escaped) and under its gap heading. */
function mdFinding(md: string): { cell: string; paragraph: string } {
  const lines = md.split('\n');
  const row = lines.find((l) => l.startsWith('| Parameters | Model weights | ✗ not open | '));
  assert.ok(row, 'no checklist row');
  const heading = lines.indexOf('#### ✗ Parameters › Model weights — not open');
  assert.ok(heading >= 0, 'no gap heading');
  assert.equal(lines[heading + 1], '');
  return {
    cell: row.slice('| Parameters | Model weights | ✗ not open | '.length, -' |'.length),
    paragraph: lines[heading + 2],
  };
}

/** The finding as the HTML shows it: in the checklist table and in the gap. */
function htmlFinding(html: string): { cell: string; paragraph: string } {
  const cell = /<tr data-requirement="parameters\.weights"[^\n]*<td>(.*)<\/td><\/tr>\n/.exec(html)?.[1];
  const paragraph = /<p class="detail">(.*)<\/p>\n/.exec(html)?.[1];
  assert.ok(cell !== undefined && paragraph !== undefined, 'no finding in the HTML');
  return { cell, paragraph };
}

/** Asserts the finding's Markdown (`cell` defaults to `md`) and HTML. */
function assertFinding(detail: string, md: string, html: string, cell = md): void {
  const out = render(detail);
  assert.deepEqual(mdFinding(out.md), { cell, paragraph: md });
  assert.deepEqual(htmlFinding(out.html), { cell: html, paragraph: html });
}

/** The Markdown as a permissive viewer shows it: GitHub-flavoured, raw HTML passed through. */
function permissiveView(md: string): string {
  return new Marked({ gfm: true, async: false }).parse(md, { async: false });
}

const RAW_TAG = /<(script|img|iframe)[\s>/]/i;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('the report: a backslash before a backtick', () => {
  test('outside a code span it is a plain backtick: it opens no span, and the <img> after it stays text', () => {
    assertFinding(
      '1 dataset listed in `datasets`: \\`<img src=x onerror=alert(1)>`.',
      '1 dataset listed in `datasets`: \\`&lt;img src=x onerror=alert(1)&gt;\\`.',
      '1 dataset listed in <code>datasets</code>: `&lt;img src=x onerror=alert(1)&gt;`.',
    );
    assert.ok(
      !RAW_TAG.test(permissiveView(render('1 dataset listed in `datasets`: \\`<img src=x onerror=alert(1)>`.').md)),
    );
  });

  test('inside a code span it is a plain character: the span closes at the backtick after it', () => {
    assertFinding(
      '`license_name: a\\` then `<b>` and <img src=x onerror=alert(1)>',
      '`license_name: a\\` then `<b>` and &lt;img src=x onerror=alert(1)&gt;',
      '<code>license_name: a\\</code> then <code>&lt;b&gt;</code> and &lt;img src=x onerror=alert(1)&gt;',
    );
  });
});

describe('the report: backtick runs', () => {
  test("a finding's code spans are fenced anew around what they show; a lone backtick is text", () => {
    assertFinding(
      'Under ``a ` b`` and `` `x` `` and size `3',
      'Under ``a ` b`` and `` `x` `` and size \\`3',
      'Under <code>a ` b</code> and <code>`x`</code> and size `3',
    );
  });

  test(
    'file names: a fence longer than any run inside, padded when the name ' +
      'starts or ends with a backtick or a space',
    () => {
      for (const [file, md, html] of [
        ['a ``b`` `c`.yaml', '```a ``b`` `c`.yaml```', '<code>a ``b`` `c`.yaml</code>'],
        ['`lead.yaml', '`` `lead.yaml ``', '<code>`lead.yaml</code>'],
        ['tail.yaml`', '`` tail.yaml` ``', '<code>tail.yaml`</code>'],
        [' spaced ', '`  spaced  `', '<code> spaced </code>'],
      ]) {
        const out = render('Missing.', file);
        assert.ok(out.md.includes(`\n## ${md}\n`), file);
        assert.ok(out.md.includes(`\n| ${md} | model card | ✗ 1 unmet OSAID 1.0 requirement | — |\n`), file);
        assert.ok(out.html.includes(`<h2 id="file-1-title">${html}</h2>`), file);
      }
    },
  );
});

describe('the report: Markdown in a value is text', () => {
  test('a link in a dataset id: the literal text, no link', () => {
    const detail = '1 dataset listed in `datasets`: [Apache-2.0](https://elsewhere).';
    assertFinding(
      detail,
      '1 dataset listed in `datasets`: \\[Apache-2.0\\](https://elsewhere).',
      '1 dataset listed in <code>datasets</code>: [Apache-2.0](https://elsewhere).',
    );
    const out = render(detail);
    assert.ok(!out.html.includes('<a href="https://elsewhere"'));
    assert.ok(!/>Apache-2\.0<\/a>/.test(permissiveView(out.md)), 'no link reading Apache-2.0 in a Markdown viewer');
  });

  test(
    'emphasis, strikethrough, math, entities, images and autolinks are ' +
      "escaped; a word's underscores are left alone",
    () => {
      assertFinding(
        '*a* _b_ ~~c~~ $d$ &amp; ![e](x.png) <https://f> snake_case_name R&D',
        '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\$d\\$ &amp;amp; !\\[e\\](x.png) &lt;https://f&gt; snake_case_name R&D',
        '*a* _b_ ~~c~~ $d$ &amp;amp; ![e](x.png) &lt;https://f&gt; snake_case_name R&amp;D',
      );
    },
  );

  test(
    'a finding that begins its paragraph cannot start a heading, list or ' +
      'quote; a line break in it cannot start a block',
    () => {
      assertFinding('# 1. heading?', '\\# 1. heading?', '# 1. heading?', '# 1. heading?');
      assertFinding('12) x', '12\\) x', '12) x', '12) x');
      assertFinding('- x > y', '\\- x &gt; y', '- x &gt; y', '- x &gt; y');
      const broken = render('a\n# b\n<img src=x onerror=alert(1)>');
      assert.deepEqual(mdFinding(broken.md), {
        cell: 'a # b &lt;img src=x onerror=alert(1)&gt;',
        paragraph: 'a # b &lt;img src=x onerror=alert(1)&gt;',
      });
      assert.ok(broken.html.includes('<p class="detail">a\n# b\n&lt;img src=x onerror=alert(1)&gt;</p>'));
    },
  );
});

describe('the report: <script> and <img onerror> in license names and file names', () => {
  test('a license name in a code span, and one quoted in double quotes', () => {
    assertFinding(
      '`license_name: <script>alert(1)</script>` is not a license this checker knows.',
      '`license_name: <script>alert(1)</script>` is not a license this checker knows.',
      '<code>license_name: &lt;script&gt;alert(1)&lt;/script&gt;</code> is not a license this checker knows.',
    );
    assertFinding(
      '"my <img src=x onerror=alert(1)> license" is not open.',
      '"my &lt;img src=x onerror=alert(1)&gt; license" is not open.',
      '&quot;my &lt;img src=x onerror=alert(1)&gt; license&quot; is not open.',
    );
  });

  test('a file name: a code span on one line in Markdown, escaped in HTML', () => {
    const out = render('Missing.', '<img src=x onerror=alert(1)>\n<script>alert(1)</script>.yaml');
    assert.ok(out.md.includes('\n## `<img src=x onerror=alert(1)> <script>alert(1)</script>.yaml`\n'));
    assert.ok(out.md.includes('\n| `<img src=x onerror=alert(1)> <script>alert(1)</script>.yaml` | model card |'));
    assert.ok(
      out.html.includes(
        '<h2 id="file-1-title"><code>&lt;img src=x ' +
          'onerror=alert(1)&gt;\n&lt;script&gt;alert(1)&lt;/script&gt;.yaml</code></h2>',
      ),
    );
    assert.ok(
      out.html.includes(
        'aria-label="OSAID 1.0 checklist of &lt;img src=x ' +
          'onerror=alert(1)&gt;\n&lt;script&gt;alert(1)&lt;/script&gt;.yaml"',
      ),
    );
    assert.ok(!RAW_TAG.test(out.html));
    assert.ok(!RAW_TAG.test(permissiveView(out.md)));
  });
});

describe('the report: bidirectional controls', () => {
  test('shown as \\u escapes in findings, file names, the title and the generator', () => {
    assertFinding(
      'Under `MIT\u202E` for a\u2066b\u200Fc\u061C.',
      'Under `MIT\\u202E` for a\\u2066b\\u200Fc\\u061C.',
      'Under <code>MIT\\u202E</code> for a\\u2066b\\u200Fc\\u061C.',
    );
    const entries = [
      { file: 'evil\u202Egnp.yaml', checklist: checklist('Under `\u202A\u202B\u202C\u202D\u2067\u2068\u2069\u200E`.') },
    ];
    const options = { date: DATE, title: 'Report \u202Dx', generator: 'gen\u200E' };
    const md = renderReport(entries, 'md', options);
    const html = renderReport(entries, 'html', options);
    assert.ok(md.startsWith('# Report \\\\u202Dx\n\nGenerated 2026-01-01 12:30 UTC by gen\\\\u200E, '));
    assert.ok(md.includes('\n## `evil\\u202Egnp.yaml`\n'));
    assert.ok(
      md.includes(
        '| Parameters | Model weights | ✗ not open | Under ' +
          '`\\u202A\\u202B\\u202C\\u202D\\u2067\\u2068\\u2069\\u200E`. |',
      ),
    );
    assert.ok(html.includes('<title>Report \\u202Dx</title>'));
    assert.ok(html.includes('<meta name="generator" content="gen\\u200E">'));
    assert.ok(html.includes('<h2 id="file-1-title"><code>evil\\u202Egnp.yaml</code></h2>'));
    assert.ok(html.includes('<td>Under <code>\\u202A\\u202B\\u202C\\u202D\\u2067\\u2068\\u2069\\u200E</code>.</td>'));
    assert.ok(!BIDI.test(md) && !BIDI.test(html), 'no bidi control left');
  });
});

describe('the report of a model card with hostile values (through the service)', () => {
  const text = [
    '---',
    'license: other',
    "license_name: '\\`<img src=x onerror=alert(1)>` <script>alert(2)</script>'",
    'datasets:',
    "  - '[Apache-2.0](https://elsewhere)'",
    "  - '\\`<img src=x onerror=alert(3)>`'",
    "  - 'a\u202Eb'",
    '---',
    '# Model',
    '',
  ].join('\n');
  const parsed = service.parse(TextDocument.create('file:///w/README.md', 'markdown', 1, text));
  const card = service.getChecklist(parsed, service.doValidation(parsed));

  test('no markup, link or bidi control from the card in either report', () => {
    assert.ok(card, 'the card has a checklist');
    const entries = [{ file: 'README.md', checklist: card }];
    const md = renderReport(entries, 'md', { date: DATE });
    const html = renderReport(entries, 'html', { date: DATE });
    assert.ok(html.includes('[Apache-2.0](https://elsewhere)'), 'the dataset id as typed');
    assert.ok(!html.includes('<a href="https://elsewhere"'));
    assert.ok(!RAW_TAG.test(html));
    const viewed = permissiveView(md);
    assert.ok(!RAW_TAG.test(viewed), 'no raw HTML in a permissive Markdown viewer');
    assert.ok(!/>Apache-2\.0<\/a>/.test(viewed), 'no link reading Apache-2.0');
    assert.ok(!BIDI.test(md) && !BIDI.test(html));
  });
});

describe('renderReport: its arguments checked', () => {
  const good = checklist('Missing.');

  function problems(run: () => unknown): readonly string[] {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof ReportParamsError, `a ReportParamsError, not ${String(error)}`);
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'ReportParamsError');
      assert.equal(error.message, `Cannot render the report: ${error.problems.join('; ')}.`);
      return error.problems;
    }
    assert.fail('no error');
  }

  test('an unknown format throws, instead of rendering HTML', () => {
    assert.throws(() => renderReport([], 'pdf' as ReportFormat), {
      name: 'ReportParamsError',
      message: 'Cannot render the report: `format` must be "md" or "html", not "pdf".',
    });
    assert.deepEqual(
      problems(() => renderReport([], undefined as unknown as ReportFormat)),
      ['`format` must be "md" or "html", not undefined'],
    );
  });

  test('a non-string file or generator throws a ReportParamsError, not a TypeError', () => {
    assert.deepEqual(
      problems(() => renderReport([{ file: 42 as unknown as string, checklist: good }], 'md')),
      ['`entries[0].file` must be a string, not the number 42'],
    );
    assert.deepEqual(
      problems(() => renderReport([{ file: 'a', checklist: good }], 'html', { generator: {} as unknown as string })),
      ['`options.generator` must be a string when given, not an object'],
    );
    assert.deepEqual(
      problems(() =>
        renderReport([{ file: 'a', checklist: good }], 'md', { title: 5 as unknown as string, date: new Date(NaN) }),
      ),
      [
        '`options.date` must be a valid Date when given, not an invalid Date',
        '`options.title` must be a string when given, not the number 5',
      ],
    );
  });

  test('every problem is listed, with where it is', () => {
    assert.deepEqual(
      problems(() => renderReport('x' as never, 'txt' as never, null as never)),
      [
        '`format` must be "md" or "html", not "txt"',
        '`options` must be an object, not null',
        '`entries` must be an array, not "x"',
      ],
    );
    const bogus = {
      ...good,
      groups: [{ ...good.groups[0], items: [{ ...good.groups[0].items[0], status: 'bogus', detail: null }] }],
    };
    assert.deepEqual(
      problems(() =>
        renderReport([{ file: 'a', checklist: undefined }, { file: 'b', checklist: bogus }, null] as never, 'md'),
      ),
      [
        '`entries[0].checklist` must be an object, not undefined',
        '`entries[1].checklist.groups[0].items[0].status` must be "met", ' +
          '"missing", "not-open", "invalid", "placeholder", "recommended" or ' +
          '"not-stated", not "bogus"',
        '`entries[1].checklist.groups[0].items[0].detail` must be a string, not null',
        '`entries[2]` must be an object, not null',
      ],
    );
  });

  test('well-formed arguments render as before', () => {
    assert.ok(renderReport([{ file: 'a', checklist: good }], 'md').startsWith('# OSAID compliance report\n'));
    assert.ok(
      renderReport([{ file: 'a', checklist: good }], 'html', { date: DATE, title: 't', generator: 'g' }).startsWith(
        '<!DOCTYPE html>\n',
      ),
    );
  });
});
