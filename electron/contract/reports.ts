import { z } from 'zod';
import { channel } from './channel';
import { complaintKpis } from './complaints';

/** The store's calendar month, YYYY-MM. */
export const reportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** The KPI page's rows, in the pack's order (issue 14). */
export const kpiCodes = [
  'csi_sales',
  'csi_service',
  'retention',
  'referral_share',
  'loyalty_rate',
  'on_time_maintenance',
  'fcr',
  'complaint_satisfaction',
  'a_complaint_24h',
  'nps',
  'clv',
] as const;
export type KpiCode = (typeof kpiCodes)[number];

/** rate: a share 0–1; score: NPS −100…100; fen: money. */
export const kpiUnits = ['rate', 'score', 'fen'] as const;

const monthValue = z.object({ month: z.string(), value: z.number().nullable() });

/** One KPI: null is 暂无数据 (nothing to count in the window), never zero. */
export const kpiFigure = z.object({
  code: z.enum(kpiCodes),
  label: z.string(),
  unit: z.enum(kpiUnits),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Null where the seeds set none (loyalty, NPS) or one the store cannot compute (CLV: industry + 20%). */
  target: z.number().nullable(),
  targetText: z.string(),
  meetsTarget: z.boolean().nullable(),
  /** The 12 months ending with the report's month, oldest first. */
  last12: z.array(monthValue),
  /** One line: which customers, which window. */
  definition: z.string(),
});
export type KpiFigure = z.infer<typeof kpiFigure>;

const callbackTypeRow = z.object({
  ruleCode: z.string(),
  ruleName: z.string(),
  due: z.number(),
  done: z.number(),
  reached: z.number(),
  overdue: z.number(),
  completedInMonth: z.number(),
});
const callbackOperatorRow = z.object({
  userId: z.number(),
  displayName: z.string(),
  assignedDue: z.number(),
  assignedDueDone: z.number(),
  done: z.number(),
  attempts: z.number(),
  reached: z.number(),
  reachRate: z.number().nullable(),
  avgHandleSeconds: z.number().nullable(),
});
export const callbackSection = z.object({
  due: z.number(),
  done: z.number(),
  reached: z.number(),
  reachRate: z.number().nullable(),
  overdue: z.number(),
  byType: z.array(callbackTypeRow),
  byOperator: z.array(callbackOperatorRow),
  notes: z.array(z.string()),
});

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const complaintSection = z.object({
  kpis: complaintKpis.omit({ openByTimeLeft: true }),
  byGrade: z.array(countRow),
  /** Per timer: tickets received in the month whose timer ran, and how many met it. */
  timers: z.array(
    z.object({
      timer: z.string(),
      label: z.string(),
      breached: z.number(),
      met: z.number(),
      metRate: z.number().nullable(),
    }),
  ),
  topRootCauses: z.array(countRow),
  notes: z.array(z.string()),
});

const eventRow = z.object({
  eventId: z.number(),
  eventNo: z.string(),
  title: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.string(),
  invited: z.number(),
  reached: z.number(),
  accepted: z.number(),
  confirmed: z.number(),
  checkedIn: z.number(),
  checkedInPeople: z.number(),
  plannedFen: z.number(),
  /** Null while no actual amount is entered. */
  actualFen: z.number().nullable(),
  subsidyReceivedFen: z.number(),
  netCostFen: z.number().nullable(),
  costPerPersonFen: z.number().nullable(),
  /** Null: no revenue is attributed to events yet. */
  roi: z.number().nullable(),
});
export const eventSection = z.object({
  rows: z.array(eventRow),
  totals: eventRow
    .pick({
      invited: true,
      reached: true,
      accepted: true,
      confirmed: true,
      checkedIn: true,
      checkedInPeople: true,
      plannedFen: true,
      actualFen: true,
      subsidyReceivedFen: true,
      netCostFen: true,
      costPerPersonFen: true,
    })
    .extend({ events: z.number() }),
  notes: z.array(z.string()),
});

/** One row of seed 004's 基盘客户结构 tables. Money is kept in fen; 万元 and 元 are rounded to 2 decimals. */
export const structureRow = z.object({
  key: z.string(),
  label: z.string(),
  customers: z.number(),
  visits: z.number(),
  revenueFen: z.number(),
  revenueWan: z.number(),
  /** 客单价 = revenue ÷ visits, 元. */
  avgTicketYuan: z.number().nullable(),
  /** 单车产值贡献 = revenue ÷ customers, 元. */
  perCustomerYuan: z.number().nullable(),
  customerShare: z.number().nullable(),
  revenueShare: z.number().nullable(),
});
export type StructureRow = z.infer<typeof structureRow>;
export const structureTable = z.object({
  rows: z.array(structureRow),
  total: structureRow,
  /** "29% 的客户贡献了 49% 的产值" (the visit-count table only); null without customers. */
  sentence: z.string().nullable(),
  definition: z.string(),
});
export type StructureTable = z.infer<typeof structureTable>;

const gradeCounts = z.object({
  premium: z.number(),
  potential: z.number(),
  normal: z.number(),
  total: z.number(),
});
export type GradeCounts = z.infer<typeof gradeCounts>;
export const gradeTable = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      thisYear: gradeCounts,
      /** The same month a year earlier, from its frozen pack; null when that month was not closed. */
      lastYear: gradeCounts.nullable(),
    }),
  ),
  total: z.object({ thisYear: gradeCounts, lastYear: gradeCounts.nullable() }),
  definition: z.string(),
});
export type GradeTable = z.infer<typeof gradeTable>;

export const reportPack = z.object({
  month: z.string(),
  /** Store days the month covers, and the 12 months ending with it (the structure tables' window). */
  from: z.string(),
  to: z.string(),
  window12: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  appVersion: z.string(),
  kpis: z.array(kpiFigure),
  callbacks: callbackSection,
  complaints: complaintSection,
  events: eventSection,
  structure: z.object({
    byVisits: structureTable,
    bySeries: structureTable,
    byWarranty: structureTable,
  }),
  grades: z.object({ byDistrict: gradeTable, byIndustry: gradeTable, byAge: gradeTable }),
});
export type ReportPack = z.infer<typeof reportPack>;

export const snapshotMeta = z.object({
  month: z.string(),
  revision: z.number(),
  closedAt: z.string(),
  closedBy: z.object({ id: z.number().nullable(), displayName: z.string().nullable() }),
  reason: z.string().nullable(),
  appVersion: z.string(),
});
export type SnapshotMeta = z.infer<typeof snapshotMeta>;

const monthInput = z.object({ month: reportMonth });

export const reportsContract = {
  'reports.pack': channel({
    summary:
      'The monthly report pack computed live: KPIs, call-backs, complaints, events, base-customer tables',
    access: 'reports.read',
    input: monthInput,
    output: reportPack,
  }),
  'reports.close': channel({
    summary: 'Close a month (月结): freeze its pack; closing it again needs a reason and is logged',
    access: 'reports.close',
    input: monthInput.extend({ reason: z.string().trim().max(500).optional() }),
    output: snapshotMeta,
    touches: ['reports'],
  }),
  'reports.snapshot': channel({
    summary: "A closed month's frozen pack, as it was when last closed",
    access: 'reports.read',
    input: monthInput,
    output: z.object({ meta: snapshotMeta, pack: reportPack }),
  }),
  'reports.closedMonths': channel({
    summary: 'Months closed so far, newest first, with their latest closing',
    access: 'reports.read',
    input: z.object({}).optional(),
    output: z.object({ rows: z.array(snapshotMeta.extend({ closings: z.number() })) }),
  }),
  'reports.compare': channel({
    summary: 'Live pack beside the frozen one: every figure that differs, by its path',
    access: 'reports.read',
    input: monthInput,
    output: z.object({
      meta: snapshotMeta,
      live: reportPack,
      frozen: reportPack,
      differences: z.array(
        z.object({
          path: z.string(),
          frozen: z.union([z.number(), z.string(), z.boolean(), z.null()]),
          live: z.union([z.number(), z.string(), z.boolean(), z.null()]),
        }),
      ),
    }),
  }),
  'reports.exportXlsx': channel({
    summary: 'The pack as an XLSX workbook, one sheet per table (live, or the frozen month-end)',
    access: 'reports.read',
    input: monthInput.extend({ frozen: z.boolean().optional() }),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), sheets: z.array(z.string()) }),
  }),
  'reports.logPrint': channel({
    summary: 'Record that the pack of a month was printed (audit log)',
    access: 'reports.read',
    input: monthInput.extend({ frozen: z.boolean().optional() }),
    output: z.object({ logged: z.boolean() }),
  }),
  'reports.dashboard': channel({
    summary: "The manager's start page: today's call-backs, open complaints by time left, KPIs, next events",
    access: 'reports.read',
    input: z.object({}).optional(),
    output: z.object({
      today: z.string(),
      callbacks: z.object({
        dueToday: z.number(),
        doneToday: z.number(),
        open: z.number(),
        overdue: z.number(),
        attemptsToday: z.number(),
        reachedToday: z.number(),
      }),
      complaintsByTimeLeft: complaintKpis.shape.openByTimeLeft,
      month: z.string(),
      kpis: z.array(kpiFigure.omit({ last12: true })),
      upcomingEvents: z.array(
        z.object({
          id: z.number(),
          eventNo: z.string(),
          title: z.string(),
          typeLabel: z.string(),
          startsOn: z.string(),
          endsOn: z.string(),
          status: z.string(),
          statusLabel: z.string(),
          accepted: z.number(),
          capacityPeople: z.number().nullable(),
        }),
      ),
    }),
  }),
};
