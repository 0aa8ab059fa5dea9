#!/usr/bin/env node
// Speaks LSP over stdio by default: `osai-language-server --stdio`.
if (
  !process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))
) {
  process.argv.push('--stdio');
}
require('../server/out/server.js');
