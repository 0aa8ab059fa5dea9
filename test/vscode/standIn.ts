/**
 * The stand-in hosts (test/online/hosts.ts) for the VS Code suites' online tests: started by
 * each launcher, and named to the suite in `online-hosts.json` in the workspace copy, which both
 * the Node extension host and the browser's web worker can read through the workspace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHostServer, type HostServer } from '../online/hosts';

export const STAND_IN_FILE = 'online-hosts.json';

export interface StandInAddresses {
  hub: string;
  github: string;
  web: string;
}

export function startStandIn(): Promise<HostServer> {
  return startHostServer();
}

/** Writes where the stand-in answers into a workspace copy. */
export function nameStandIn(hosts: HostServer, workspace: string): void {
  const addresses: StandInAddresses = { hub: hosts.hubEndpoint, github: hosts.githubApi, web: hosts.webBase };
  writeFileSync(join(workspace, STAND_IN_FILE), `${JSON.stringify(addresses, null, 2)}\n`);
}
