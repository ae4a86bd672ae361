import path from 'node:path';
import { utilityProcess } from 'electron';
import type { FromHost, HostChild, HostLauncher } from '../server/host/host-protocol';

/**
 * The desktop's host process as an Electron utilityProcess (a Node process of Electron's own, with its ABI for
 * better-sqlite3): `host-process.js`, the second entry of the main build beside index.js. Only this file knows
 * Electron; the process itself and its supervision are plain Node (electron/server/host/).
 */
export function utilityHostLauncher(): HostLauncher {
  const entry = path.join(import.meta.dirname, 'host-process.js');
  return (): HostChild => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Dealer CRM 门店主机', stdio: 'inherit' });
    return {
      get pid() {
        return child.pid;
      },
      send: (m) => child.postMessage(m),
      onMessage: (fn) => child.on('message', (m: FromHost) => fn(m)),
      onExit: (fn) => child.once('exit', (code) => fn(code)),
      kill: () => void child.kill(),
    };
  };
}
