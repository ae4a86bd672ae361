import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostInfo } from '../../electron/contract/host';
import { forkHostLauncher } from '../../electron/server/host/fork-launcher';
import { hostTlsDir } from '../../electron/server/host/host-certificate';
import { readHostSettings, writeHostSettings } from '../../electron/server/host/host-settings';
import type { HostSupervisor } from '../../electron/server/host/host-supervisor';
import { superviseHost } from '../../electron/server/host/host-supervisor';
import { adminPassword } from '../helpers/test-app';

/**
 * The desktop's host process: the database and the LAN listener live in a child process (forked here as the
 * desktop starts it with utilityProcess), main only passes calls on. It serves this PC's calls and the
 * workstations' HTTPS, and after `kill -9` it is started again with the data and the sessions intact.
 */

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function lanPost(port: number, ca: string, channel: string, body: unknown, token: string) {
  return new Promise<{ status: number; body: { ok: boolean; data?: unknown } }>((resolve, reject) => {
    const req = https.request(
      `https://127.0.0.1:${port}/api/${channel}`,
      {
        method: 'POST',
        ca,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function until(what: string, fn: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the host process', () => {
  let dataDir: string;
  let lanPort: number;
  let host: HostSupervisor;
  let token: string;
  let ca: string;
  const call = async <T>(channel: string, input: unknown, as: string | null = token): Promise<T> => {
    const r = await host.router(channel, input, { token: as, client: 'desktop' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.kind} ${r.error.message}`);
    return r.data as T;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-host-process-'));
    lanPort = await freePort();
    // Switched on in Settings before: the host process listens on the LAN as it starts.
    writeHostSettings(dataDir, { enabled: true, port: lanPort });
    host = superviseHost({
      launch: forkHostLauncher(),
      start: { dataDir, adminPassword, announce: false },
      restartDelaysMs: [100],
    });
    await host.ready;
    token = (
      await call<{ token: string }>('auth.login', { username: 'admin', password: adminPassword }, null)
    ).token;
    ca = fs.readFileSync(path.join(hostTlsDir(dataDir), 'host.crt'), 'utf8');
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('owns the database: the data folder is marked by the host process, not by the one that started it', () => {
    const pid = host.status().pid;
    expect(pid).not.toBeNull();
    expect(pid).not.toBe(process.pid);
    expect(fs.readFileSync(path.join(dataDir, 'dealer-crm.pid'), 'utf8')).toBe(String(pid));
  });

  it('answers this PC and the workstations through one router', async () => {
    const made = await call<{ id: number }>('customers.create', { name: '进程客户', mobile: '13800138001' });
    const overLan = await lanPost(lanPort, ca, 'customers.get', { id: made.id }, token);
    expect(overLan.status).toBe(200);
    expect(overLan.body).toMatchObject({ ok: true, data: { id: made.id, name: '进程客户' } });
    const info = await call<HostInfo>('host.info', {});
    expect(info).toMatchObject({ mode: 'host', status: 'on', enabled: true, lanPort, switchable: true });
    expect(info.process).toMatchObject({ separate: true, pid: host.status().pid, restarts: 0 });
  });

  it('is started again after kill -9, with the data and the session intact', async () => {
    const made = await call<{ id: number }>('customers.create', {
      name: '重启前客户',
      mobile: '13800138002',
    });
    const before = host.status().pid!;
    // A call on its way as the process dies is answered (never left hanging): saved, or "may not be saved".
    const inFlight = host.router('customers.list', {}, { token });
    process.kill(before, 'SIGKILL');
    const answer = await inFlight;
    if (!answer.ok) expect(answer.error.message).toMatch(/可能没有保存/);
    // Calls made while it restarts wait for it instead of failing.
    const waited = await call<{ id: number; name: string }>('customers.get', { id: made.id });
    expect(waited.name).toBe('重启前客户');
    await until('the restarted host', () => host.status().state === 'running');
    const after = host.status();
    expect(after.pid).not.toBe(before);
    expect(after.restarts).toBe(1);
    expect(fs.readFileSync(path.join(dataDir, 'dealer-crm.pid'), 'utf8')).toBe(String(after.pid));
    const info = await call<HostInfo>('host.info', {});
    expect(info.process).toMatchObject({ separate: true, restarts: 1, pid: after.pid });
    // The LAN listener came back on the same port with the same certificate (workstations stay paired).
    expect(info.status).toBe('on');
    const overLan = await lanPost(lanPort, ca, 'customers.get', { id: made.id }, token);
    expect(overLan.body).toMatchObject({ ok: true, data: { name: '重启前客户' } });
  }, 60_000);

  it('switches the LAN service off and on from Settings, and keeps the choice', async () => {
    const off = await call<HostInfo>('host.stop', {});
    expect(off).toMatchObject({ mode: 'local', status: 'off', enabled: false, urls: [] });
    expect(readHostSettings(dataDir).enabled).toBe(false);
    await expect(lanPost(lanPort, ca, 'auth.me', {}, token)).rejects.toThrow(/ECONNREFUSED/);
    const on = await call<HostInfo>('host.start', { port: lanPort });
    expect(on).toMatchObject({ mode: 'host', status: 'on', enabled: true, lanPort });
    expect(on.pairingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect((await lanPost(lanPort, ca, 'auth.me', {}, token)).status).toBe(200);
    expect(readHostSettings(dataDir)).toEqual({ enabled: true, port: lanPort });
  });

  it('closes properly on stop and is not started again', async () => {
    const pid = host.status().pid!;
    await host.stop();
    expect(host.status()).toMatchObject({ state: 'stopped', pid: null });
    expect(() => process.kill(pid, 0)).toThrow();
    expect(fs.existsSync(path.join(dataDir, 'dealer-crm.pid'))).toBe(false);
    const r = await host.router('auth.me', {}, { token });
    expect(r.ok).toBe(false);
  });
});
