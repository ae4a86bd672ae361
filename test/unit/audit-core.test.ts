import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskMobile, maskWechat } from '../../electron/common/personal-mask';
import { auditRowHash, genesisHash } from '../../electron/domain/audit/audit-hash';
import { fieldChanges, recordAudit } from '../../electron/domain/audit/audit-log';
import type { ServiceContext } from '../../electron/domain/context';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

describe('personal masks', () => {
  it('mask mobile, ID number, address and WeChat as the privacy rules say', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskIdNumber('440102199001011234')).toBe('4401**********1234');
    expect(maskAddress('广东省惠州市惠城区江北三新南路22号2栋1203')).toBe(
      '广东省惠州市惠城区江北三新南路***',
    );
    expect(maskAddress('惠州市惠城区麦地路五号')).toBe('惠州市惠城区麦地路***');
    expect(maskWechat('wxid_abc1238')).toBe('wx****8');
  });
});

describe('audit log core', () => {
  let app: TestApp;
  let ctx: ServiceContext;
  beforeEach(async () => {
    app = await createTestApp();
    ctx = {
      db: app.core.db,
      clock: () => new Date('2026-12-02T02:00:00Z'),
      user: null,
      token: null,
      client: 'desktop',
    };
  });
  afterEach(() => app.close());

  it('chains each row to the one before it', () => {
    const sql = app.core.db.$client;
    const before = sql.prepare('select count(*) from audit_log').pluck().get() as number;
    recordAudit(ctx, { action: 'auth.login_failed', username: 'nobody' });
    recordAudit(ctx, { action: 'customer.viewed', entity: 'customer', entityId: 7, customerId: 7 });
    const rows = sql.prepare('select * from audit_log order by id').all() as {
      at: string;
      user_id: number | null;
      username: string | null;
      action: string;
      entity: string | null;
      entity_id: string | null;
      customer_id: number | null;
      detail: string | null;
      client: string | null;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.length).toBe(before + 2);
    let prev = genesisHash;
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      const content = {
        at: r.at,
        userId: r.user_id,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        customerId: r.customer_id,
        detail: r.detail,
        client: r.client,
      };
      expect(r.hash).toBe(auditRowHash(prev, content));
      prev = r.hash;
    }
    expect(rows.at(-1)).toMatchObject({ action: 'customer.viewed', entity_id: '7', client: 'desktop' });
  });

  it('refuses updates and deletes of its rows', () => {
    recordAudit(ctx, { action: 'auth.logout' });
    const sql = app.core.db.$client;
    expect(() => sql.prepare("update audit_log set action = 'x'").run()).toThrow(/只能追加/);
    expect(() => sql.prepare('delete from audit_log').run()).toThrow(/只能追加/);
  });

  it('keeps personal values of a change masked', () => {
    const changes = fieldChanges(
      { name: '王小明', mobile: '13812341234', city: '惠州' },
      { name: '王大明', mobile: '13912345678', city: '惠州' },
    );
    expect(changes).toEqual({ name: ['王**', '王**'], mobile: ['138****1234', '139****5678'] });
  });
});
