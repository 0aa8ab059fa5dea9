/**
 * The online checks' parts on Node, for the language server: the fetcher (proxies from the
 * environment or the editor) and the per-user disk cache (the editor's storage folder, else the
 * user's cache folder). Loaded on first use: a server whose user never turns the checks on
 * never loads the http and proxy code.
 */
import type { ServerOnline } from '../server';

export function nodeFetch(env: NodeJS.ProcessEnv): ServerOnline {
  return {
    env,
    fetcher: (initialization) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
      const { nodeFetcher } = require('./nodeFetch') as typeof import('./nodeFetch');
      return nodeFetcher({
        env,
        ...(initialization.proxy ? { proxy: initialization.proxy } : {}),
        ...(initialization.noProxy ? { noProxy: initialization.noProxy.join(',') } : {}),
        ...(initialization.strictSSL !== undefined ? { strictSSL: initialization.strictSSL } : {}),
        ...(initialization.timeoutMs !== undefined ? { timeoutMs: initialization.timeoutMs } : {}),
      });
    },
    cache: (initialization) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
      const { defaultCacheDir, diskCache } = require('./onlineCache') as typeof import('./onlineCache');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
      const { join } = require('node:path') as typeof import('node:path');
      return diskCache(initialization.cacheFolder ? join(initialization.cacheFolder, 'online') : defaultCacheDir(env));
    },
  };
}
