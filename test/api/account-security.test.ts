import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../electron/contract/errors';
import { passwordRuleMessages } from '../../electron/common/password-rules';
import { hashPassword } from '../../electron/domain/auth/password';
import { startAppCore } from '../../electron/server/app-core';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';
import type { TestClock } from '../helpers/test-clock';
import { testClock } from '../helpers/test-clock';

const second = 1000;
const minute = 60 * second;
// 10:00 in the store's zone (Asia/Shanghai).
const start = '2026-11-23T02:00:00.000Z';

type Call = (channel: string, input: unknown, token?: string | null) => Promise<Envelope<unknown>>;

/** Calls as a workstation at `client` would (the HTTP transport passes the peer's address). */
function from(app: TestApp, client: string, background = false): Call {
  return (channel, input, token = null) => app.core.router(channel, input, { token, client, background });
}

async function createStaff(app: TestApp, username: string, password: string, role = 'front_desk') {
  return app.ok('users.create', { username, displayName: `员工${username}`, role, password }, app.adminToken);
}

function errorOf(result: Envelope<unknown>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

function auditRows(app: TestApp, actions: string[]) {
  return app.core.db.$client
    .prepare(
      `select action, user_id as userId, username, entity_id as entityId, detail, client from audit_log
       where action in (${actions.map(() => '?').join(',')}) order by id`,
    )
    .all(...actions) as {
    action: string;
    userId: number | null;
    username: string | null;
    entityId: string | null;
    detail: string | null;
    client: string | null;
  }[];
}

describe('failed sign-ins: growing lockouts per username at an address', () => {
  let app: TestApp;
  let time: TestClock;
  let desk: Call;
  beforeAll(async () => {
    time = testClock(start);
    app = await createTestApp({ clock: time.clock, idleTimeout: true });
    await createStaff(app, 'lockme', 'Lock-Me-Pass-1');
    desk = from(app, '10.0.0.21');
  });
  afterAll(() => app.close());

  const wrong = () => desk('auth.login', { username: 'lockme', password: 'wrong-pass-x' });
  const right = () => desk('auth.login', { username: 'lockme', password: 'Lock-Me-Pass-1' });

  it('answers four wrong passwords plainly, locks at the fifth and says when to try again (store time)', async () => {
    for (let i = 0; i < 4; i++) {
      expect(errorOf(await wrong())).toMatchObject({ kind: 'unauthenticated', message: '用户名或密码错误' });
    }
    const fifth = errorOf(await wrong());
    // Locked until 10:00:30; the message rounds up to the minute so trying at the time named works.
    expect(fifth).toMatchObject({
      kind: 'forbidden',
      message: '密码错误次数过多，请于 10:01 后再试',
      details: { reason: 'locked', lockedUntil: '2026-11-23T02:00:30.000Z' },
    });
    // Even the right password is refused while locked (and not checked at all).
    time.advance(29 * second);
    expect(errorOf(await right())).toMatchObject({
      kind: 'forbidden',
      message: '密码错误次数过多，请于 10:01 后再试',
    });
  });

  it('lets the name try again after 30 s; the next lockout lasts 60 s, then doubling up to 30 minutes', async () => {
    time.set('2026-11-23T02:00:30.000Z');
    expect(errorOf(await wrong()).kind).toBe('unauthenticated');
    for (let i = 0; i < 3; i++) expect(errorOf(await wrong()).kind).toBe('unauthenticated');
    const second5 = errorOf(await wrong());
    expect(second5.details).toMatchObject({ lockedUntil: '2026-11-23T02:01:30.000Z' });
    expect(second5.message).toBe('密码错误次数过多，请于 10:02 后再试');
    time.advance(59 * second);
    expect(errorOf(await right()).kind).toBe('forbidden');
    time.advance(1 * second);

    const lengths: number[] = [];
    for (let round = 0; round < 6; round++) {
      let last: Envelope<unknown> | null = null;
      for (let i = 0; i < 5; i++) last = await wrong();
      const until = (errorOf(last!).details as { lockedUntil: string }).lockedUntil;
      lengths.push((new Date(until).getTime() - time.now().getTime()) / second);
      time.set(until);
    }
    expect(lengths).toEqual([120, 240, 480, 960, 1800, 1800]);
  });

  it('a successful sign-in starts the count over', async () => {
    expect((await right()).ok).toBe(true);
    for (let i = 0; i < 4; i++) await wrong();
    expect((await right()).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect(errorOf(await wrong()).kind).toBe('unauthenticated');
    // …and the doubling too: the next lockout is 30 s again.
    const locked = errorOf(await wrong());
    expect(
      new Date((locked.details as { lockedUntil: string }).lockedUntil).getTime() - time.now().getTime(),
    ).toBe(30 * second);
  });

  it('counts unknown usernames the same way, so a lockout says nothing about who exists', async () => {
    const office = from(app, '10.0.0.22');
    for (let i = 0; i < 4; i++) await office('auth.login', { username: 'nobody', password: 'wrong-pass-x' });
    expect(
      errorOf(await office('auth.login', { username: 'nobody', password: 'wrong-pass-x' })),
    ).toMatchObject({
      kind: 'forbidden',
      details: { reason: 'locked' },
    });
  });
});

describe('per address, and a colleague at another workstation', () => {
  let app: TestApp;
  let time: TestClock;
  let managerToken: string;
  beforeAll(async () => {
    time = testClock(start);
    app = await createTestApp({ clock: time.clock, idleTimeout: true });
    await createStaff(app, 'wang', 'Wang-Real-Pass1');
    await createStaff(app, 'jingli', 'Jingli-Pass-01', 'manager');
    managerToken = await app.login('jingli', 'Jingli-Pass-01');
  });
  afterAll(() => app.close());
  beforeEach(() => {
    app.core.db.$client.exec('delete from login_throttle');
  });

  it('locks an address that sprays a few guesses at many names, for every name there', async () => {
    const attacker = from(app, '10.0.0.66');
    for (let i = 1; i <= 19; i++) {
      const r = await attacker('auth.login', { username: `user${i}`, password: 'guess-pass-1' });
      expect(errorOf(r).kind, `guess ${i}`).toBe('unauthenticated');
    }
    expect(
      errorOf(await attacker('auth.login', { username: 'user20', password: 'guess-pass-1' })),
    ).toMatchObject({
      kind: 'forbidden',
      message: '密码错误次数过多，请于 10:01 后再试',
    });
    expect(
      errorOf(await attacker('auth.login', { username: 'wang', password: 'Wang-Real-Pass1' })).kind,
    ).toBe('forbidden');
    // The real user at their own workstation is not affected.
    expect(
      (await from(app, '10.0.0.7')('auth.login', { username: 'wang', password: 'Wang-Real-Pass1' })).ok,
    ).toBe(true);
  });

  it('guessing at a name from one place locks it there only', async () => {
    const attacker = from(app, '10.0.0.66');
    for (let i = 0; i < 5; i++) await attacker('auth.login', { username: 'wang', password: 'guess-pass-1' });
    expect(
      errorOf(await attacker('auth.login', { username: 'wang', password: 'Wang-Real-Pass1' })).kind,
    ).toBe('forbidden');
    expect(
      (await from(app, '10.0.0.7')('auth.login', { username: 'wang', password: 'Wang-Real-Pass1' })).ok,
    ).toBe(true);
    // The owner's success elsewhere gives the guesser no fresh tries.
    expect(errorOf(await attacker('auth.login', { username: 'wang', password: 'guess-pass-1' })).kind).toBe(
      'forbidden',
    );
  });

  it('guessing from three addresses at once locks the name everywhere, until a manager unlocks it', async () => {
    for (const addr of ['10.0.1.1', '10.0.1.2', '10.0.1.3']) {
      for (let i = 0; i < 5; i++)
        await from(app, addr)('auth.login', { username: 'Wang', password: 'guess-pass-1' });
    }
    const own = from(app, '10.0.0.7');
    expect(errorOf(await own('auth.login', { username: 'wang', password: 'Wang-Real-Pass1' })).kind).toBe(
      'forbidden',
    );

    const lockouts = await app.ok('users.lockouts', {}, managerToken);
    const wangLocks = lockouts.filter((l) => l.username === 'wang');
    expect(wangLocks.map((l) => l.address).sort()).toEqual(['10.0.1.1', '10.0.1.2', '10.0.1.3']);
    expect(wangLocks[0]).toMatchObject({ scope: 'user', displayName: '员工wang', lockouts: 1 });

    const frontDesk = await app.userWithRole('front_desk');
    expect(errorOf(await app.call('users.unlock', { username: 'wang' }, frontDesk)).kind).toBe('forbidden');
    expect(await app.ok('users.unlock', { username: 'wang' }, managerToken)).toEqual({ unlocked: 3 });
    expect((await own('auth.login', { username: 'wang', password: 'Wang-Real-Pass1' })).ok).toBe(true);
    expect(errorOf(await app.call('users.unlock', { username: 'wang' }, managerToken))).toMatchObject({
      kind: 'not_found',
    });

    const unlocked = auditRows(app, ['auth.unlocked']).at(-1)!;
    expect(unlocked).toMatchObject({ username: 'jingli', client: null });
    expect(JSON.parse(unlocked.detail!)).toMatchObject({ username: 'wang' });
  });

  it('a manager can also lift an address lockout', async () => {
    const attacker = from(app, '10.0.0.99');
    for (let i = 1; i <= 20; i++)
      await attacker('auth.login', { username: `n${i}`, password: 'guess-pass-1' });
    const lockouts = await app.ok('users.lockouts', {}, managerToken);
    // Unknown names are not listed (often a password typed into the name field); the address is.
    expect(lockouts).toEqual([
      expect.objectContaining({ scope: 'address', address: '10.0.0.99', username: null }),
    ]);
    await app.ok('users.unlock', { address: '10.0.0.99' }, managerToken);
    expect((await attacker('auth.login', { username: 'wang', password: 'Wang-Real-Pass1' })).ok).toBe(true);
  });

  it('survives a restart: the lockout is in the database', async () => {
    const attacker = from(app, '10.0.0.66');
    for (let i = 0; i < 5; i++) await attacker('auth.login', { username: 'wang', password: 'guess-pass-1' });
    const again = await startAppCore({ dataDir: app.dataDir, clock: time.clock, validateOutput: true });
    try {
      const r = await again.router(
        'auth.login',
        { username: 'wang', password: 'Wang-Real-Pass1' },
        { token: null, client: '10.0.0.66' },
      );
      expect(errorOf(r).kind).toBe('forbidden');
    } finally {
      again.close();
    }
  });

  it('does not let a burst of parallel guesses past the count', async () => {
    const attacker = from(app, '10.0.0.77');
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        attacker('auth.login', { username: 'wang', password: 'guess-pass-1' }),
      ),
    );
    const kinds = results.map((r) => errorOf(r).kind);
    expect(kinds.filter((k) => k === 'unauthenticated')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'forbidden')).toHaveLength(8);
  });
});

describe('audit rows of sign-in and sign-out', () => {
  let app: TestApp;
  let time: TestClock;
  beforeAll(async () => {
    time = testClock(start);
    app = await createTestApp({ clock: time.clock, idleTimeout: true });
    await createStaff(app, 'audited', 'Audited-Pass-1');
  });
  afterAll(() => app.close());

  it('logs sign-in, failures (name, never the password), the lockout and sign-out with the address', async () => {
    const desk = from(app, '10.0.0.31');
    for (let i = 0; i < 5; i++)
      await desk('auth.login', { username: 'AUDITED', password: `Secret-Guess-${i}` });
    await desk('auth.login', { username: 'Mistyped-Secret-9', password: 'x-secret-x' });
    time.advance(31 * second);
    const ok = await desk('auth.login', { username: 'audited', password: 'Audited-Pass-1' });
    const token = (ok as { data: { token: string } }).data.token;
    await desk('auth.logout', {}, token);

    const rows = auditRows(app, ['auth.login', 'auth.login_failed', 'auth.locked', 'auth.logout']).filter(
      (r) => r.client === '10.0.0.31',
    );
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(5).fill('auth.login_failed'),
      'auth.locked',
      'auth.login_failed',
      'auth.login',
      'auth.logout',
    ]);
    const userId = app.core.db.$client
      .prepare("select id from users where username = 'audited'")
      .pluck()
      .get();
    expect(rows[0]).toMatchObject({ username: 'audited', userId: null, entityId: String(userId) });
    expect(JSON.parse(rows[5]!.detail!)).toMatchObject({ scope: 'user', failures: 5, address: '10.0.0.31' });
    // An unknown name is kept only in part: it may be a password typed into the wrong field.
    expect(rows[6]!.username).toBe('Mi********');
    expect(rows[7]).toMatchObject({ userId, username: 'audited' });
    expect(rows[8]).toMatchObject({ userId, username: 'audited' });
    const all = JSON.stringify(app.core.db.$client.prepare('select * from audit_log').all());
    expect(all).not.toMatch(/Secret-Guess|x-secret-x|Mistyped-Secret|Audited-Pass/);
  });
});

describe('password rules for new passwords', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const fieldError = (r: Envelope<unknown>, field: string) => {
    const e = errorOf(r);
    expect(e.kind).toBe('validation');
    return (e.details as { fields: Record<string, string> }).fields[field];
  };

  it('refuses short, common and username passwords when creating a user', async () => {
    const create = (username: string, password: string) =>
      app.call('users.create', { username, displayName: '张伟', role: 'sales', password }, app.adminToken);
    expect(fieldError(await create('zhangwei', 'Ab1-xyz'), 'password')).toBe(passwordRuleMessages.tooShort);
    expect(fieldError(await create('zhangwei', 'Password123'), 'password')).toBe(passwordRuleMessages.common);
    // Full-width digits are the same password.
    expect(fieldError(await create('zhangwei', '１２３４５６７８'), 'password')).toBe(
      passwordRuleMessages.common,
    );
    expect(fieldError(await create('zhangwei', 'ZhangWei'), 'password')).toBe(
      passwordRuleMessages.sameAsUsername,
    );
    expect(fieldError(await create('zhangwei', 'IEWGNAHZ'), 'password')).toBe(
      passwordRuleMessages.sameAsUsername,
    );
    expect((await create('zhangwei', 'Zhang-Wei-2026')).ok).toBe(true);
  });

  it('refuses them on reset, on one’s own change and at first-run setup', async () => {
    const user = await createStaff(app, 'lixiaoming', 'Li-Xiao-Ming-1');
    const reset = (password: string) =>
      app.call('users.resetPassword', { id: user.id, password }, app.adminToken);
    expect(fieldError(await reset('gnimoaixil'), 'password')).toBe(passwordRuleMessages.sameAsUsername);
    expect(fieldError(await reset('qwertyuiop'), 'password')).toBe(passwordRuleMessages.common);

    const token = await app.login('lixiaoming', 'Li-Xiao-Ming-1');
    const change = (newPassword: string) =>
      app.call('auth.changePassword', { currentPassword: 'Li-Xiao-Ming-1', newPassword }, token);
    expect(fieldError(await change('LiXiaoMing'), 'newPassword')).toBe(passwordRuleMessages.sameAsUsername);
    expect(fieldError(await change('woaini1314'), 'newPassword')).toBe(passwordRuleMessages.common);
    expect(fieldError(await change('short1'), 'newPassword')).toBe(passwordRuleMessages.tooShort);
    // Nothing changed: the old password still signs in.
    expect(await app.login('lixiaoming', 'Li-Xiao-Ming-1')).toBeTruthy();

    const dataDir = fs.mkdtempSync(`${app.dataDir}-setup`);
    const fresh = await startAppCore({ dataDir });
    try {
      const setup = await fresh.router(
        'auth.setup',
        { username: 'manager01', displayName: '经理', password: '10reganam' },
        { token: null },
      );
      expect(fieldError(setup, 'password')).toBe(passwordRuleMessages.sameAsUsername);
    } finally {
      fresh.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('still signs in with a password set before the rules', async () => {
    const hash = await hashPassword('12345678');
    app.core.db.$client
      .prepare(
        "insert into users (username, display_name, password_hash, role, created_at, updated_at) values ('oldtimer', '老员工', ?, 'sales', '2025-01-01', '2025-01-01')",
      )
      .run(hash);
    expect(await app.login('oldtimer', '12345678')).toBeTruthy();
  });
});

describe('idle timeout', () => {
  let app: TestApp;
  let time: TestClock;
  beforeAll(async () => {
    time = testClock(start);
    app = await createTestApp({ clock: time.clock, idleTimeout: true });
    await createStaff(app, 'idler', 'Idler-Pass-01');
  });
  afterAll(() => app.close());

  it('keeps a session used within 30 minutes and ends one unused for longer, saying why', async () => {
    time.set(start);
    const token = await app.login('idler', 'Idler-Pass-01');
    time.advance(29 * minute);
    expect((await app.call('auth.me', {}, token)).ok).toBe(true);
    time.advance(29 * minute);
    expect((await app.call('auth.me', {}, token)).ok).toBe(true);
    time.advance(31 * minute);
    expect(errorOf(await app.call('auth.me', {}, token))).toEqual({
      kind: 'unauthenticated',
      message: '长时间未操作，已自动退出登录，请重新登录',
      details: { reason: 'idle' },
    });
    // Gone for good: the next call is a plain "please sign in".
    expect(errorOf(await app.call('auth.me', {}, token)).details).toBeUndefined();
    const ended = auditRows(app, ['session.ended']).at(-1)!;
    expect(ended.username).toBe('idler');
    expect(JSON.parse(ended.detail!)).toMatchObject({ reason: 'idle' });
  });

  it('does not count the screen’s own polls as use', async () => {
    time.set(start);
    const token = await app.login('idler', 'Idler-Pass-01');
    const poll = from(app, '10.0.0.40', true);
    for (let m = 5; m <= 30; m += 5) {
      time.set(new Date(new Date(start).getTime() + m * minute).toISOString());
      expect((await poll('auth.me', {}, token)).ok, `poll at ${m} min`).toBe(true);
    }
    time.set(new Date(new Date(start).getTime() + 31 * minute).toISOString());
    expect(errorOf(await poll('auth.me', {}, token)).details).toEqual({ reason: 'idle' });
  });

  it('writes last use at most once a minute', async () => {
    time.set(start);
    const token = await app.login('idler', 'Idler-Pass-01');
    const lastSeen = () =>
      app.core.db.$client
        .prepare(
          "select max(last_seen_at) from sessions s join users u on u.id = s.user_id where u.username = 'idler'",
        )
        .pluck()
        .get();
    time.advance(40 * second);
    await app.ok('auth.me', {}, token);
    expect(lastSeen()).toBe(start);
    time.advance(21 * second);
    await app.ok('auth.me', {}, token);
    expect(lastSeen()).toBe('2026-11-23T02:01:01.000Z');
  });

  it('follows the store setting', async () => {
    time.set(start);
    const admin = await app.login('admin', adminPassword);
    const saved = await app.ok('settings.update', { idleTimeoutMinutes: 10 }, admin);
    expect(saved.idleTimeoutMinutes).toBe(10);
    expect(errorOf(await app.call('settings.update', { idleTimeoutMinutes: 2 }, admin)).kind).toBe(
      'validation',
    );
    time.set(start);
    const token = await app.login('idler', 'Idler-Pass-01');
    time.advance(9 * minute);
    expect((await app.call('auth.me', {}, token)).ok).toBe(true);
    time.advance(11 * minute);
    expect(errorOf(await app.call('auth.me', {}, token)).details).toEqual({ reason: 'idle' });
    await app.ok('settings.update', { idleTimeoutMinutes: 30 }, await app.login('admin', adminPassword));
  });
});

describe('sessions: seen and ended by the administrator, ended on disable and password change', () => {
  let app: TestApp;
  let time: TestClock;
  let clerkId: number;
  let clerkVersion: number;
  beforeAll(async () => {
    time = testClock(start);
    app = await createTestApp({ clock: time.clock, idleTimeout: true });
    const clerk = await createStaff(app, 'clerk', 'Clerk-Pass-001');
    clerkId = clerk.id;
    clerkVersion = clerk.version;
  });
  afterAll(() => app.close());

  const loginFrom = async (client: string) => {
    const r = await from(app, client)('auth.login', { username: 'clerk', password: 'Clerk-Pass-001' });
    return (r as { ok: true; data: { token: string } }).data.token;
  };

  it('lists a user’s sessions (signed in, last used, from where) and ends one', async () => {
    time.set(start);
    const front = await loginFrom('10.0.0.51');
    time.advance(5 * minute);
    const back = await loginFrom('desktop');
    time.advance(2 * minute);
    await from(app, '10.0.0.51')('auth.me', {}, front);

    const sessions = await app.ok('users.sessions', { userId: clerkId }, app.adminToken);
    expect(sessions).toEqual([
      expect.objectContaining({
        client: '10.0.0.51',
        createdAt: '2026-11-23T02:00:00.000Z',
        lastSeenAt: '2026-11-23T02:07:00.000Z',
        current: false,
      }),
      expect.objectContaining({ client: 'desktop', createdAt: '2026-11-23T02:05:00.000Z', current: false }),
    ]);
    expect(JSON.stringify(sessions)).not.toContain(front);

    const manager = await app.userWithRole('manager');
    expect(errorOf(await app.call('users.sessions', { userId: clerkId }, manager)).kind).toBe('forbidden');

    await app.ok('users.endSession', { userId: clerkId, sessionId: sessions[0]!.id }, app.adminToken);
    expect(errorOf(await app.call('auth.me', {}, front)).kind).toBe('unauthenticated');
    expect((await app.call('auth.me', {}, back)).ok).toBe(true);
    expect(
      errorOf(
        await app.call('users.endSession', { userId: clerkId, sessionId: sessions[0]!.id }, app.adminToken),
      ).kind,
    ).toBe('not_found');
    const ended = auditRows(app, ['session.ended']).at(-1)!;
    expect(ended).toMatchObject({ username: 'admin', entityId: String(clerkId) });
    expect(JSON.parse(ended.detail!)).toMatchObject({ reason: 'ended_by_admin', signedInFrom: '10.0.0.51' });
    // Idle sessions are not listed as in use.
    time.advance(32 * minute);
    expect(
      await app.ok('users.sessions', { userId: clerkId }, await app.login('admin', adminPassword)),
    ).toEqual([]);
  });

  it('marks the caller’s own session', async () => {
    const admin = await app.login('admin', adminPassword);
    const adminId = (await app.ok('auth.me', {}, admin)).id;
    const own = await app.ok('users.sessions', { userId: adminId }, admin);
    expect(own.filter((s) => s.current)).toHaveLength(1);
  });

  it('changing one’s password ends every other session of the account and keeps this one', async () => {
    const here = await loginFrom('10.0.0.52');
    const there = await loginFrom('10.0.0.53');
    await app.ok(
      'auth.changePassword',
      { currentPassword: 'Clerk-Pass-001', newPassword: 'Clerk-Pass-002' },
      here,
    );
    expect((await app.call('auth.me', {}, here)).ok).toBe(true);
    expect(errorOf(await app.call('auth.me', {}, there)).kind).toBe('unauthenticated');
    const rows = auditRows(app, ['auth.password_changed', 'session.ended']).slice(-2);
    expect(rows.map((r) => r.action)).toEqual(['auth.password_changed', 'session.ended']);
    // `there`, and any session already idle but not yet swept.
    expect(JSON.parse(rows[1]!.detail!)).toMatchObject({ reason: 'password_changed' });
    expect(JSON.parse(rows[1]!.detail!).sessions).toBeGreaterThanOrEqual(1);
    await app.ok(
      'auth.changePassword',
      { currentPassword: 'Clerk-Pass-002', newPassword: 'Clerk-Pass-001' },
      here,
    );
  });

  it('disabling a user ends their sessions at once', async () => {
    const a = await loginFrom('10.0.0.54');
    const b = await loginFrom('10.0.0.55');
    const admin = await app.login('admin', adminPassword);
    const count = () =>
      app.core.db.$client.prepare('select count(*) from sessions where user_id = ?').pluck().get(clerkId);
    const before = count();
    expect(before).toBeGreaterThanOrEqual(2);
    const current = (await app.ok('users.list', {}, admin)).find((u) => u.id === clerkId)!;
    expect(current.version).toBeGreaterThanOrEqual(clerkVersion);
    await app.ok('users.update', { id: clerkId, version: current.version, disabled: true }, admin);
    for (const token of [a, b])
      expect(errorOf(await app.call('auth.me', {}, token)).kind).toBe('unauthenticated');
    expect(count()).toBe(0);
    const rows = auditRows(app, ['user.disabled', 'session.ended']).slice(-2);
    expect(rows.map((r) => r.action)).toEqual(['user.disabled', 'session.ended']);
    expect(JSON.parse(rows[1]!.detail!)).toMatchObject({ reason: 'user_disabled', sessions: before });
  });
});
