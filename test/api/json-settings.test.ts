import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/**
 * The JSON settings groups (投诉设置, 活动设置, 会员积分设置) share one load/save (electron/domain/settings/
 * json-settings.ts): each answer carries a version; a save on an older one merges part by part, and a part two
 * managers changed differently is refused as a conflict naming who saved and when, with nothing written.
 */

const now = new Date('2026-10-01T10:00:00+08:00');

describe('JSON settings: version and conflict', () => {
  let app: TestApp;
  let first: string;
  let second: string;
  const auditRows = (key: string) =>
    app.core.db.$client
      .prepare("select count(*) from audit_log where action = 'settings.updated' and entity_id = ?")
      .pluck()
      .get(key) as number;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    first = await app.userWithRole('manager');
    second = await app.userWithRole('manager');
  });
  afterAll(() => app.close());

  const groups = [
    {
      read: 'complaints.settings',
      save: 'complaints.updateSettings',
      key: 'complaints',
      part: 'repeatWindowDays',
      other: 'compensationApprovalFen',
      values: [30, 60],
      otherValue: 50_000,
    },
    {
      read: 'events.settings',
      save: 'events.updateSettings',
      key: 'events',
      part: 'summaryDueDays',
      other: 'inviteCooldownDays',
      values: [5, 7],
      otherValue: 10,
    },
    {
      read: 'loyalty.settings',
      save: 'loyalty.updateSettings',
      key: 'loyalty',
      part: 'expiryYears',
      other: 'refereePoints',
      values: [3, 4],
      otherValue: 600,
    },
  ] as const;

  for (const g of groups) {
    it(`${g.key}: a stale save of the same part is a conflict naming who saved; another part merges`, async () => {
      const admin = g.key === 'events' ? app.adminToken : first;
      const loaded = (await app.ok(g.read, {}, admin)) as Record<string, unknown> & { version: number };
      expect(loaded.version).toBeGreaterThanOrEqual(1);
      const { version, ...base } = loaded;

      // The other manager (or the administrator for event settings) saves first, on the same version.
      const otherToken = g.key === 'events' ? app.adminToken : second;
      const saved = (await app.ok(g.save, { [g.part]: g.values[0], version, base }, otherToken)) as {
        version: number;
      };
      expect(saved.version).toBe(version + 1);
      const audits = auditRows(g.key);

      // The first one's copy is stale: the same part changed differently is refused, nothing written.
      const refused = await app.call(g.save, { [g.part]: g.values[1], version, base }, admin);
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.kind).toBe('conflict');
      const details = refused.error.details as {
        clashes: string[];
        savedBy: string | null;
        savedAt: string | null;
        current: Record<string, unknown>;
      };
      expect(details.clashes).toEqual([g.part]);
      expect(details.savedBy).toMatch(/测试|管理员|admin/);
      expect(details.savedAt).toBe(now.toISOString());
      expect(details.current[g.part]).toBe(g.values[0]);
      expect(details.current.version).toBe(version + 1);
      expect(refused.error.message).toContain(`${details.savedBy}已于 2026-10-01 10:00 保存`);
      const after = (await app.ok(g.read, {}, admin)) as Record<string, unknown>;
      expect(after[g.part]).toBe(g.values[0]);
      expect(auditRows(g.key)).toBe(audits);

      // A stale save of a part only this editor changed stands and keeps the other's change.
      const merged = (await app.ok(
        g.save,
        { [g.part]: base[g.part], [g.other]: g.otherValue, version, base },
        admin,
      )) as Record<string, unknown> & { version: number };
      expect(merged[g.part]).toBe(g.values[0]);
      expect(merged[g.other]).toBe(g.otherValue);
      expect(merged.version).toBe(version + 2);
      expect(auditRows(g.key)).toBe(audits + 1);

      // Without a version (scripts, older clients) a save stands as given.
      const plain = (await app.ok(g.save, { [g.part]: base[g.part] }, admin)) as Record<string, unknown>;
      expect(plain[g.part]).toBe(base[g.part]);
    });
  }
});
