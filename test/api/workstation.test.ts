import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLanListener } from '../../electron/server/host/lan-listener';
import type { LanListener } from '../../electron/server/host/lan-listener';
import { discoverHosts } from '../../electron/workstation/host-discovery';
import {
  readWorkstationConfig,
  workstationConfigFile,
  writeWorkstationConfig,
} from '../../electron/workstation/workstation-config';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/** A workstation's saved choice, and finding the store host on the LAN by its announcement. */
describe('the workstation choice', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-ws-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is asked for at the first start, then kept as chosen', () => {
    expect(readWorkstationConfig(dir)).toBeNull();
    const paired = {
      mode: 'workstation' as const,
      host: { address: '192.168.1.10', port: 5171, fingerprint: 'ab'.repeat(32) },
      name: '前台2号机',
      pairedAt: '2026-12-02T08:00:00.000Z',
    };
    writeWorkstationConfig(dir, paired);
    expect(readWorkstationConfig(dir)).toEqual(paired);
    writeWorkstationConfig(dir, { mode: 'local' });
    expect(readWorkstationConfig(dir)).toEqual({ mode: 'local' });
  });

  it('asks again rather than guess when the file is damaged or holds a bad pin', () => {
    fs.writeFileSync(workstationConfigFile(dir), '{"mode":"workstation","host":{"address":"x","port":5171');
    expect(readWorkstationConfig(dir)).toBeNull();
    fs.writeFileSync(
      workstationConfigFile(dir),
      JSON.stringify({
        mode: 'workstation',
        host: { address: 'x', port: 5171, fingerprint: 'short' },
        name: 'a',
        pairedAt: '',
      }),
    );
    expect(readWorkstationConfig(dir)).toBeNull();
    expect(() =>
      writeWorkstationConfig(dir, {
        mode: 'workstation',
        host: { address: '', port: 0, fingerprint: 'zz' },
        name: '',
        pairedAt: '',
      }),
    ).toThrow();
  });
});

describe('finding the store host', () => {
  let app: TestApp;
  let lan: LanListener;
  beforeAll(async () => {
    app = await createTestApp();
    lan = await startLanListener({
      dataDir: app.dataDir,
      port: 0,
      router: app.core.router,
      changes: app.core.changes,
      announce: true,
    });
  });
  afterAll(async () => {
    await lan.close();
    app.close();
  });

  it(
    'lists the host announced on the LAN with its port and fingerprint hint, IPv4 first',
    { timeout: 30_000 },
    async () => {
      // Announcements take a moment on a busy machine: listen again (up to ~12 s) before calling it missing.
      let mine: Awaited<ReturnType<typeof discoverHosts>>[number] | undefined;
      for (let i = 0; i < 4 && !mine; i++)
        mine = (await discoverHosts(3000)).find((h) => h.port === lan.port);
      expect(mine, 'the host this test started announces itself').toBeTruthy();
      expect(mine!.fingerprintPrefix).toBe(lan.fingerprint.slice(0, 16));
      expect(mine!.addresses[0]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    },
  );
});
