/**
 * Markdown from the service (the requirements' explanations) as HTML, by marked. Never a
 * finding: findings quote the user's manifest, and are shown by serviceText.ts. The renderer
 * is locked down all the same: raw HTML is shown as text, links go only to http(s) or relative
 * addresses, and images stay text (the page's CSP would block them anyway).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- marked is loaded on first use, not at start */
import type { Marked } from 'marked';
import { escapeHtml } from './escapeHtml';

/** http(s), or relative: no scheme before the first `/`, `?` or `#`. */
const SAFE_HREF = /^(?:https?:\/\/|[^:/?#]*(?:[/?#]|$))/i;

/**
 * The renderer, made on first use: loading marked builds its grammar, which a server or a check
 * that renders no report should not pay at start.
 */
let renderer: Marked | undefined;

function markdown(): Marked {
  if (renderer) return renderer;
  // A require, not an import, so that the bundle initialises marked only here.
  const { Marked: MarkedClass } = require('marked') as typeof import('marked');
  renderer = new MarkedClass({
    async: false,
    // CommonMark without GitHub's extras: no bare-URL autolinks or tables, as the report always rendered.
    gfm: false,
    renderer: {
      html: ({ text }) => escapeHtml(text),
      // marked leaves text after a <script> or <pre> tag unescaped, as raw HTML; here it is text.
      text: (token) => ('escaped' in token && token.escaped ? escapeHtml(token.text) : false),
      image: ({ raw }) => escapeHtml(raw),
      link({ href, raw, tokens }) {
        if (!SAFE_HREF.test(href)) return escapeHtml(raw);
        return `<a href="${escapeHtml(href)}">${this.parser.parseInline(tokens)}</a>`;
      },
      // No trailing newline inside <pre>: the code reads (and copies) exactly as written.
      code({ text, lang }) {
        const language = lang?.match(/^\S+/)?.[0];
        return (
          `<pre><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>` +
          `${escapeHtml(text)}</code></pre>\n`
        );
      },
    },
  });
  return renderer;
}

/** Block Markdown (paragraphs, lists, fenced code) as HTML. */
export function markdownToHtml(source: string): string {
  return markdown().parse(source, { async: false }).trimEnd();
}
