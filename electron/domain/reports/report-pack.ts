import type { ReportPack } from '../../contract/reports';
import type { AuthedContext } from '../context';
import { appVersion } from '../system/app-version';
import { gradesBy, readGradeCounts } from './base-grades';
import {
  readStructureFacts,
  structureBySeries,
  structureByVisits,
  structureByWarranty,
} from './base-structure';
import { callbacksSection } from './callbacks-section';
import { complaintsSection } from './complaints-section';
import { eventsSection } from './events-section';
import { kpiPage, kpiScope } from './kpi-page';
import { monthWindow, shiftMonth } from './month-window';
import { latestSnapshot } from './snapshot-store';

/** The whole pack of a month computed from the data as it is now, in the order. */
export function reportPack(ctx: AuthedContext, month: string): ReportPack {
  const sqlite = ctx.db.$client;
  const w = monthWindow(month);
  const scope = kpiScope(ctx, month);
  const facts = readStructureFacts(sqlite, month);
  const gradeCounts = readGradeCounts(sqlite);
  const lastYear = latestSnapshot(sqlite, shiftMonth(month, -12))?.pack ?? null;
  return {
    month,
    from: w.from,
    to: w.to,
    window12: w.year,
    generatedAt: ctx.clock().toISOString(),
    appVersion,
    kpis: kpiPage(scope, month),
    callbacks: callbacksSection(ctx, month),
    complaints: complaintsSection(scope, month),
    events: eventsSection(ctx, month),
    structure: {
      byVisits: structureByVisits(facts),
      bySeries: structureBySeries(facts),
      byWarranty: structureByWarranty(facts),
    },
    grades: {
      byDistrict: gradesBy(sqlite, 'district', lastYear, gradeCounts),
      byIndustry: gradesBy(sqlite, 'industry', lastYear, gradeCounts),
      byAge: gradesBy(sqlite, 'age', lastYear, gradeCounts),
    },
  };
}
