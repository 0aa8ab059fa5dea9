/** The HTML report's stylesheet, inlined in its <style> (the page loads nothing). */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --ok-fg: #116329; --ok-bg: #dafbe1; --bad-fg: #a40e26; --bad-bg: #ffebe9; --warn-fg: #7a4a00; --warn-bg: #fff8c5;
  --info-fg: #0550ae; --info-bg: #ddf4ff; --link: #0550ae; }
* { box-sizing: border-box; }
body {
  margin: 0;
  color: var(--fg);
  background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
main { max-width: 75rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
a { color: var(--link); }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 {
  font-size: 1.35rem;
  margin: 2.5rem 0 .5rem;
  padding-top: 1rem;
  border-top: 2px solid var(--line);
  overflow-wrap: anywhere;
}
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .25rem; }
.meta, .legend { color: var(--muted); margin: .25rem 0; }
code, pre {
  font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .9em;
}
code { background: var(--soft); border-radius: 4px; padding: .05em .3em; overflow-wrap: anywhere; }
pre {
  background: var(--soft);
  border: 1px solid var(--line);
  border-radius: 6px;
  padding: .6rem .8rem;
  overflow-x: auto;
}
pre code { background: none; padding: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; color: var(--muted); }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
tbody th { font-weight: 600; }
td.group { color: var(--muted); white-space: nowrap; }
td.status, td.kind { white-space: nowrap; }
.tone-ok {
  color: var(--ok-fg);
  } .tone-bad { color: var(--bad-fg);
  } .tone-warn { color: var(--warn-fg);
  } .tone-info { color: var(--info-fg);
}
td.verdict { font-weight: 600; }
.badge {
  display: inline-block;
  border-radius: 999px;
  padding: .05rem .6rem;
  font-weight: 600;
  border: 1px solid currentColor;
}
.ok { color: var(--ok-fg); background: var(--ok-bg); }
.bad { color: var(--bad-fg); background: var(--bad-bg); }
.warn { color: var(--warn-fg); background: var(--warn-bg); }
.info { color: var(--info-fg); background: var(--info-bg); }
p.verdict {
  display: inline-block;
  margin: .25rem 0;
  padding: .3rem .8rem;
  border-radius: 6px;
  font-weight: 600;
  border: 1px solid currentColor;
}
.mof { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.mof h3 { margin-top: 0; }
.bar {
  display: inline-block;
  vertical-align: middle;
  width: 12rem;
  height: .8rem;
  border: 1px solid var(--muted);
  border-radius: 4px;
  background: #fff;
  overflow: hidden;
  margin-right: .5rem;
}
.bar > span { display: block; height: 100%; background: var(--ok-fg); }
.gap { border-left: 4px solid var(--line); padding: .25rem 0 .25rem 1rem; margin: 1rem 0; }
.gap.bad { border-left-color: var(--bad-fg); background: none; color: inherit; }
.gap.warn { border-left-color: var(--warn-fg); background: none; color: inherit; }
.gap.info { border-left-color: var(--info-fg); background: none; color: inherit; }
.gap .detail { margin: .25rem 0 .5rem; }
.gap.bad h4 .symbol {
  color: var(--bad-fg);
  } .gap.warn h4 .symbol { color: var(--warn-fg);
  } .gap.info h4 .symbol { color: var(--info-fg);
}
.explanation { color: var(--fg); background: var(--soft); border-radius: 6px; padding: .1rem .9rem; }
.explanation p { margin: .5rem 0; }
ul.files { padding-left: 1.2rem; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; }
.scroll:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.scroll > table { margin: 0; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 2rem;
  } th, td { padding: .3rem .4rem;
  } td.group, td.kind { white-space: normal;
  } table.checklist { min-width: 36rem;
  };
}
@media print {
  main { max-width: none;
  padding: 0;
  } h2 { break-before: page;
  } .gap, tr { break-inside: avoid;
  } a { color: inherit;
  };
}
`;
