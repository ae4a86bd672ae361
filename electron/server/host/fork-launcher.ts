import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HostChild, HostLauncher } from './host-protocol';

/**
 * Starts host-process in a plain Node child process (child_process.fork): for tests and scripts — the desktop
 * app uses Electron's utilityProcess (electron/shell/host-launcher.ts) for the same file. From source (tsx,
 * vitest) the child loads tsx first; from a bundle it runs `host-process.js` beside it.
 */
export function forkHostLauncher(opts: { stdio?: 'inherit' | 'ignore' } = {}): HostLauncher {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSource ? './host-process.ts' : './host-process.js', here));
  return (): HostChild => {
    const child = fork(entry, [], {
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      // Structured clones, as Electron's IPC and utilityProcess carry them (dates, typed arrays).
      serialization: 'advanced',
      stdio: opts.stdio === 'inherit' ? 'inherit' : ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return {
      pid: child.pid,
      send: (m) => {
        if (child.connected) child.send(m);
      },
      onMessage: (fn) => child.on('message', (m) => fn(m as Parameters<typeof fn>[0])),
      onExit: (fn) => child.once('exit', (code) => fn(code)),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
