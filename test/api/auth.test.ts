import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../electron/server/http-app';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';

describe('staff login', () => {
  let app: TestApp;
  let now = new Date('2026-11-22T09:00:00Z');
  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
  });
  afterAll(() => app.close());

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await app.call('auth.login', { username: 'admin', password: 'nope-nope' });
    const unknown = await app.call('auth.login', { username: 'ghost', password: 'nope-nope' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated', message: '用户名或密码错误' },
    });
    expect(unknown).toEqual(wrong);
  });

  it('stores only a slow hash of the password', () => {
    const row = app.core.db.$client
      .prepare("select password_hash as h from users where username='admin'")
      .get() as {
      h: string;
    };
    expect(row.h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.h).not.toContain(adminPassword);
  });

  it('refuses setup once an administrator exists', async () => {
    const status = await app.ok('auth.status', {}, null);
    expect(status).toEqual({ needsSetup: false, user: null });
    const setup = await app.call('auth.setup', {
      username: 'boss',
      displayName: '老板',
      password: 'Another-Pass-1',
    });
    expect(setup).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('logs out: the token stops working', async () => {
    const token = await app.login('admin', adminPassword);
    expect((await app.ok('auth.me', {}, token)).role).toBe('admin');
    await app.ok('auth.logout', {}, token);
    expect(await app.call('auth.me', {}, token)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('expires sessions after the shift', async () => {
    const token = await app.login('admin', adminPassword);
    now = new Date(now.getTime() + 13 * 3600_000);
    expect(await app.call('auth.me', {}, token)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('disables a user: their session ends and they cannot log in', async () => {
    const admin = await app.login('admin', adminPassword);
    const user = await app.ok(
      'users.create',
      { username: 'clerk', displayName: '小李', role: 'front_desk', password: 'Clerk-Pass-1' },
      admin,
    );
    const clerk = await app.login('clerk', 'Clerk-Pass-1');
    await app.ok('users.update', { id: user.id, version: user.version, disabled: true }, admin);
    expect(await app.call('auth.me', {}, clerk)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    expect(await app.call('auth.login', { username: 'clerk', password: 'Clerk-Pass-1' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('changes a role and resets a password (old password no longer works)', async () => {
    const admin = await app.login('admin', adminPassword);
    const u = await app.ok(
      'users.create',
      { username: 'op1', displayName: '回访小王', role: 'callback_operator', password: 'Op-Pass-111' },
      admin,
    );
    const changed = await app.ok('users.update', { id: u.id, version: u.version, role: 'manager' }, admin);
    expect(changed.role).toBe('manager');
    const stale = await app.call('users.update', { id: u.id, version: u.version, role: 'sales' }, admin);
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await app.ok('users.resetPassword', { id: u.id, password: 'New-Pass-222' }, admin);
    expect(await app.call('auth.login', { username: 'op1', password: 'Op-Pass-111' })).toMatchObject({
      ok: false,
    });
    expect((await app.ok('auth.me', {}, await app.login('op1', 'New-Pass-222'))).role).toBe('manager');
  });

  it('refuses a duplicate username', async () => {
    const admin = await app.login('admin', adminPassword);
    const dup = await app.call(
      'users.create',
      { username: 'ADMIN', displayName: 'x', role: 'sales', password: 'Whatever-1' },
      admin,
    );
    expect(dup).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });
});

describe('HTTP transport', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const post = (
    http: ReturnType<typeof createHttpApp>,
    channel: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    http.request(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('logs in with Bearer tokens and maps error kinds to status codes', async () => {
    const http = createHttpApp({ router: app.core.router });
    const login = await post(http, 'auth.login', { username: 'admin', password: adminPassword });
    expect(login.status).toBe(200);
    const { data } = (await login.json()) as { data: { token: string } };
    expect(data.token.length).toBeGreaterThan(30);
    const me = await post(http, 'auth.me', {}, { authorization: `Bearer ${data.token}` });
    expect(((await me.json()) as { data: { username: string } }).data.username).toBe('admin');
    expect((await post(http, 'customers.list', {})).status).toBe(401);
    const bad = await post(http, 'customers.create', { name: '' }, { authorization: `Bearer ${data.token}` });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { kind: string } }).error.kind).toBe('validation');
  });

  it('keeps the browser session in an httpOnly cookie and hides the token from page scripts', async () => {
    const http = createHttpApp({ router: app.core.router });
    const login = await post(
      http,
      'auth.login',
      { username: 'admin', password: adminPassword },
      { 'x-dealer-client': 'browser' },
    );
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/dealer_crm_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(((await login.json()) as { data: { token?: string } }).data.token).toBeUndefined();
    const session = cookie.split(';')[0] ?? '';
    // The cookie is honoured for our own page only (see http-guard.test.ts).
    const me = await post(http, 'auth.me', {}, { cookie: session, origin: 'http://localhost' });
    expect(me.status).toBe(200);
  });

  it('rejects non-JSON posts and broken JSON with a clear message', async () => {
    const http = createHttpApp({ router: app.core.router });
    const form = await http.request('/api/auth.login', { method: 'POST', body: 'username=admin' });
    expect(form.status).toBe(415);
    const broken = await http.request('/api/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toContain('JSON');
  });
});

describe('first run', () => {
  it('asks for setup, creates the administrator with the chosen password, then never again', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { startAppCore } = await import('../../electron/server/app-core');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-setup-'));
    const core = await startAppCore({ dataDir });
    try {
      const status = await core.router('auth.status', {}, { token: null });
      expect(status).toEqual({ ok: true, data: { needsSetup: true, user: null } });
      const weak = await core.router(
        'auth.setup',
        { username: 'admin', displayName: '管理员', password: '123' },
        { token: null },
      );
      expect(weak).toMatchObject({ ok: false, error: { kind: 'validation' } });
      const setup = await core.router(
        'auth.setup',
        { username: 'admin', displayName: '管理员', password: 'Chosen-Pass-9' },
        { token: null },
      );
      expect(setup.ok).toBe(true);
      const token = setup.ok ? (setup.data as { token: string }).token : null;
      expect(await core.router('auth.me', {}, { token })).toMatchObject({
        ok: true,
        data: { role: 'admin' },
      });
      const again = await core.router(
        'auth.setup',
        { username: 'x2', displayName: 'x', password: 'Chosen-Pass-9' },
        { token: null },
      );
      expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    } finally {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
