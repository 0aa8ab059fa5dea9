/** The language server with the built-in formats plus the toy format (run with `node --import tsx`). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../../server/src/server';
import { DEFAULT_FORMATS } from '../../../server/src/service/formats/registry';
import { teamFormat } from './format';

startServer(createConnection(ProposedFeatures.all), { formats: [...DEFAULT_FORMATS, teamFormat] });
