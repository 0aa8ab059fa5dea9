/**
 * The language server with faults put in its way (run with `node --import tsx`), for the
 * failure paths of the glue: sending diagnostics fails for documents under `/throw/` (at once)
 * and `/reject/` (later), `window/showMessage` cannot be sent, and two requests only tests know
 * leave a rejected promise and an exception that nobody catches. The process guards are main.ts's.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { NotificationType, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { guardProcess } from '../../../server/src/host/processGuards';
import { startServer } from '../../../server/src/server';

const connection = createConnection(ProposedFeatures.all);
guardProcess((message) => connection.console.error(message));

const sendDiagnostics = connection.sendDiagnostics.bind(connection);
connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
  if (params.uri.includes('/throw/')) throw new Error(`test: sending diagnostics for ${params.uri} throws`);
  if (params.uri.includes('/reject/')) {
    return Promise.reject(new Error(`test: sending diagnostics for ${params.uri} rejects`));
  }
  return sendDiagnostics(params);
};
type Send = (type: string | NotificationType<unknown>, params?: unknown) => Promise<void>;
const sendNotification = connection.sendNotification.bind(connection) as Send;
connection.sendNotification = ((type: string | NotificationType<unknown>, params?: unknown) => {
  const method = typeof type === 'string' ? type : type.method;
  if (method === 'window/showMessage') throw new Error('test: window/showMessage cannot be sent');
  return sendNotification(type, params);
}) as typeof connection.sendNotification;

connection.onRequest('test/unhandledRejection', () => {
  void Promise.reject(new Error('test: a rejection nobody handles'));
  return null;
});
connection.onRequest('test/uncaughtException', () => {
  setImmediate(() => {
    throw new Error('test: an exception outside every handler');
  });
  return null;
});

startServer(connection);
