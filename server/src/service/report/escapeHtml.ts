const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The bidirectional controls: embeddings and overrides, isolates, and the implicit marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text with its bidirectional controls shown as escapes (`\u202E`), so that a value cannot
 * reorder what a reader sees around it. Escapes rather than isolation (`<bdi>`, FSI…PDI): the
 * reader of a compliance report should see that a value holds invisible controls, an escape
 * reads the same in HTML text, attributes and Markdown code spans alike, and a stray PDI in
 * the value cannot close an isolate early.
 */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Text (or an attribute value) as HTML that shows exactly that text (bidirectional controls as escapes). */
export function escapeHtml(text: string): string {
  return showBidiControls(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
