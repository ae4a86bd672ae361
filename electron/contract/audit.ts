import { z } from 'zod';
import { auditActionCodes } from './audit-actions';
import { channel } from './channel';
import { id, isoDate } from './fields';

/** What the viewer and its export filter by; dates are store days (Asia/Shanghai by default), both inclusive. */
export const auditFilters = z
  .object({
    /** One entry by its number (the verifier's 'show that entry'). */
    id: id.optional(),
    userId: id.optional(),
    customerId: id.optional(),
    actions: z.array(z.enum(auditActionCodes)).max(60).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
  })
  .refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, {
    message: '开始日期不能晚于结束日期',
    path: ['dateTo'],
  });
export type AuditFilters = z.output<typeof auditFilters>;

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  /** "YYYY-MM-DD HH:mm" on the store's clock. */
  atLabel: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  /** The staff member's name as it is now (the username is kept as it was then). */
  userDisplayName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  customerId: z.number().nullable(),
  /** The customer's name as it is now: an anonymised person reads 已删除客户#id, the log keeps no copy. */
  customerName: z.string().nullable(),
  client: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditBrokenRow = z.object({
  id: z.number(),
  /**
   * content: the row was edited after it was written; link: rows before it were removed, inserted or edited;
   * missing: rows after the last one were removed.
   */
  problem: z.enum(['content', 'link', 'missing']),
  message: z.string(),
});

export const auditExportMaxRows = 100_000;

export const auditContract = {
  'audit.list': channel({
    summary: 'Audit log rows, newest first, filtered by user, customer, action and store days (keyset pages)',
    access: 'audit.read',
    input: z.object({
      filters: auditFilters.default({}),
      limit: z.number().int().min(1).max(200).default(50),
      /** Opaque cursor from the previous page. */
      cursor: z.string().max(100).nullish(),
    }),
    output: z.object({
      rows: z.array(auditEntry),
      nextCursor: z.string().nullable(),
      /** Rows matching the filters; counted on the first page only. */
      total: z.number().nullable(),
    }),
  }),
  'audit.users': channel({
    summary: 'Staff accounts for the audit viewer’s user filter (names only)',
    access: 'audit.read',
    input: z.object({}),
    output: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string() })),
  }),
  'audit.export': channel({
    summary: 'The filtered audit log as an XLSX file; the export itself is logged',
    access: 'audit.read',
    input: z.object({ filters: auditFilters.default({}) }),
    output: z.object({
      fileName: z.string(),
      contentBase64: z.string(),
      rowCount: z.number(),
      truncated: z.boolean(),
    }),
  }),
  // Administrators only: users.manage is the administrator's own grant (no other role holds it).
  'audit.verify': channel({
    summary: 'Walk the audit chain from the first row and report the first row that does not match',
    access: 'users.manage',
    input: z.object({}),
    output: z.object({
      ok: z.boolean(),
      checked: z.number(),
      lastId: z.number().nullable(),
      broken: auditBrokenRow.nullable(),
      verifiedAt: z.string(),
    }),
  }),
  'audit.customerAccess': channel({
    summary: 'Who viewed, revealed or exported this customer’s personal data (administrators)',
    access: 'users.manage',
    input: z.object({ customerId: id, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({
      rows: z.array(auditEntry),
      people: z.array(
        z.object({
          userId: z.number().nullable(),
          username: z.string().nullable(),
          userDisplayName: z.string().nullable(),
          views: z.number(),
          reveals: z.number(),
          exports: z.number(),
          lastAt: z.string(),
        }),
      ),
    }),
  }),
};
