import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../electron/contract';
import { permissions } from '../../electron/contract/permissions';
import { createHttpApp } from '../../electron/server/http-app';
import { handlers } from '../../electron/server/handlers';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const repo = path.resolve(import.meta.dirname, '../..');

describe('contract drift', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('has exactly one handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('gives the preload its allowlist from the contract itself', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(contract).sort());
    const preload = fs.readFileSync(path.join(repo, 'electron/shell/preload.ts'), 'utf8');
    expect(preload).toMatch(/import \{ channelNames \} from '\.\.\/contract'/);
    expect(preload).toMatch(/new Set<string>\(channelNames\)/);
    const ipc = fs.readFileSync(path.join(repo, 'electron/shell/ipc-transport.ts'), 'utf8');
    expect(ipc).toMatch(/for \(const channel of channelNames\)/);
  });

  it('names a known permission (or public/session) for every channel', () => {
    const known = new Set<string>([...permissions, 'public', 'session']);
    for (const [name, def] of Object.entries(contract)) {
      expect(known.has(def.access), `${name} access ${def.access}`).toBe(true);
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
    }
  });

  it('serves every channel with JSON Schemas at GET /api/contract', async () => {
    const http = createHttpApp({ router: app.core.router });
    const res = await http.request('/api/contract');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: true;
      data: { channel: string; access: string; input: { type?: string } }[];
    };
    expect(body.data.map((c) => c.channel).sort()).toEqual(Object.keys(contract).sort());
    const create = body.data.find((c) => c.channel === 'customers.create');
    expect(create?.access).toBe('customers.write');
    expect(JSON.stringify(create?.input)).toContain('"name"');
  });

  it('answers health without a session', async () => {
    const http = createHttpApp({ router: app.core.router });
    const res = await http.request('/api/health');
    expect(await res.json()).toMatchObject({ ok: true, data: { status: 'ok' } });
  });
});

describe('only the shell imports electron', () => {
  it('finds no electron import outside electron/shell', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!['node_modules', 'out', 'shell', 'test-results'].includes(entry.name)) walk(full);
        } else if (/\.(ts|tsx)$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          if (/from ['"]electron['"]|require\(['"]electron['"]\)/.test(text))
            offenders.push(path.relative(repo, full));
        }
      }
    };
    for (const dir of ['electron', 'renderer', 'db']) walk(path.join(repo, dir));
    expect(offenders).toEqual([]);
  });
});
