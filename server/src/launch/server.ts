/** `node server/out/server.js --stdio`: loads the server bundle (server-main.js) through the code cache. */
import { join } from 'node:path';
import { requireCached, SERVER_WRITE_AFTER_MS } from './compileCache';

requireCached(join(__dirname, 'server-main.js'), { writeAfterMs: SERVER_WRITE_AFTER_MS });
