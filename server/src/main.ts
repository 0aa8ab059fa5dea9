/** Entry point: `node server/out/server.js --stdio` (or --node-ipc / --socket=N). */
// A CommonJS import, as in server.ts: no copy of the package's exports at start.
import lsp = require('vscode-languageserver/node');
const { createConnection, ProposedFeatures } = lsp;
import { nodeFetch } from './host/nodeFetchLazy';
import { nodeFiles } from './host/nodeFiles';
import { guardProcess } from './host/processGuards';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// Keep stdout for the protocol: send stray console output to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
guardProcess((message) => connection.console.error(message));
// The release's own files (the evidence) are read from the disk for `file:` documents; the hosts a document names are
// asked only when the user turns the online checks on.
startServer(connection, { files: nodeFiles, online: nodeFetch(process.env) });
