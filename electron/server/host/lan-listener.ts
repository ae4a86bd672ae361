import { createServer } from 'node:https';
import os from 'node:os';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { Bonjour } from 'bonjour-service';
import type { ChangeBus } from '../change-bus';
import { createHttpApp } from '../http-app';
import { keepConnectionsAlive } from '../keep-alive';
import type { Router } from '../router';
import { ensureHostCertificate } from './host-certificate';
import { lanAddresses, setHostRuntime } from './host-runtime';
import { createRateLimiter, lanRateLimit } from './rate-limit';

export interface LanListenerOptions {
  dataDir: string;
  port: number;
  router: Router;
  changes: ChangeBus;
  staticDir?: string;
  /** Announce the host on the LAN (mDNS/DNS-SD, _dealer-crm._tcp) so workstations find it without typing. */
  announce?: boolean;
  log?: (line: string) => void;
  /**
   * Peers the request budget does not apply to; loopback when not told. Only the bench's load run says "none":
   * its simulated workstations come from 127.0.0.x addresses of their own and must be budgeted like LAN PCs.
   */
  rateLimitExempt?: (peer: string | null) => boolean;
}

export interface LanListener {
  port: number;
  fingerprint: string;
  close(): Promise<void>;
}

/** The DNS-SD service type workstations browse for. */
export const hostServiceType = 'dealer-crm';

/**
 * 门店主机: the API and UI over HTTPS on every interface, with the host's own certificate, secure cookies and a
 * request budget per workstation. Plain HTTP stays on loopback (the caller's other listener).
 */
export async function startLanListener(opts: LanListenerOptions): Promise<LanListener> {
  const certificate = await ensureHostCertificate(opts.dataDir);
  const app = createHttpApp({
    router: opts.router,
    staticDir: opts.staticDir,
    changes: opts.changes,
    secureCookie: true,
    rateLimit: createRateLimiter(lanRateLimit),
    rateLimitExempt: opts.rateLimitExempt,
    certificatePem: certificate.certPem,
  });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: opts.port,
        hostname: '0.0.0.0',
        createServer,
        serverOptions: { key: certificate.keyPem, cert: certificate.certPem },
      },
      () => {
        keepConnectionsAlive(s);
        resolve(s);
      },
    );
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  setHostRuntime({ lanPort: port, certificate, addresses: lanAddresses() });

  let bonjour: Bonjour | null = null;
  if (opts.announce !== false) {
    try {
      bonjour = new Bonjour();
      bonjour.publish({
        // Unique on the LAN: two hosts (a spare PC, a test) announcing one name would make mDNS rename or drop one.
        name: `Dealer CRM 门店主机 ${os.hostname()}:${port}`,
        type: hostServiceType,
        port,
        txt: { fp: certificate.fingerprint.slice(0, 16), v: '1' },
      });
    } catch (error) {
      // Some networks block multicast; workstations can still type the address.
      opts.log?.(`局域网广播未启动（工作站仍可手动输入地址）：${String(error)}`);
      bonjour = null;
    }
  }
  return {
    port,
    fingerprint: certificate.fingerprint,
    close: async () => {
      setHostRuntime(null);
      if (bonjour) await new Promise<void>((r) => bonjour!.unpublishAll(() => bonjour!.destroy(() => r())));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
