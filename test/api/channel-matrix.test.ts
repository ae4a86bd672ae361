import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../electron/contract';
import type { Role } from '../../electron/contract/permissions';
import { roleCan, roles } from '../../electron/contract/permissions';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/**
 * Table tests over every channel: a non-object input is a validation error everywhere, every role is
 * refused what it may not do (checked before the input is even read), and no session means unauthenticated.
 */
describe('every channel × every role', () => {
  let app: TestApp;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    app = await createTestApp();
    for (const role of roles)
      tokens.set(role, role === 'admin' ? app.adminToken : await app.userWithRole(role));
  });
  afterAll(() => app.close());

  it.each(channelNames)('%s rejects a malformed input with a validation error', async (channel) => {
    const result = await app.call(channel, 42, app.adminToken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('validation');
      expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(channelNames)('%s enforces its permission for each role', async (channel) => {
    const access = contract[channel].access;
    for (const role of roles) {
      const result = await app.call(channel, 42, tokens.get(role));
      const kind = result.ok ? 'ok' : result.error.kind;
      if (roleCan(role, access)) expect(kind, `${role} on ${channel}`).not.toBe('forbidden');
      else expect(kind, `${role} on ${channel}`).toBe('forbidden');
    }
  });

  it.each(channelNames)('%s needs a session unless public', async (channel) => {
    const result = await app.call(channel, 42, null);
    const kind = result.ok ? 'ok' : result.error.kind;
    if (contract[channel].access === 'public') expect(kind).toBe('validation');
    else expect(kind).toBe('unauthenticated');
  });

  it('refuses an unknown channel', async () => {
    const result = await app.call('customers.dropAll', {}, app.adminToken);
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('never leaks a stack trace for an internal error', async () => {
    app.core.db.$client.exec('drop table customer_tags');
    const result = await app.call(
      'customers.create',
      { name: '王五', mobile: '13900001111' },
      app.adminToken,
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/at |\.ts:|customer_tags/);
  });
});
