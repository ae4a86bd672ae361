import type { reportsContract } from '../../contract/reports';
import type { Handlers } from '../../server/handler-types';
import { managerDashboard } from './dashboard';
import { closeMonth, frozenPack } from './month-close';
import { packDifferences } from './pack-compare';
import { exportPackXlsx, logPackPrint } from './report-export';
import { reportPack } from './report-pack';
import { closedMonths } from './snapshot-store';

export const reportsHandlers: Handlers<keyof typeof reportsContract> = {
  'reports.pack': (ctx, input) => reportPack(ctx, input.month),
  'reports.close': (ctx, input) => closeMonth(ctx, input),
  'reports.snapshot': (ctx, input) => frozenPack(ctx, input.month),
  'reports.closedMonths': (ctx) => ({ rows: closedMonths(ctx.db.$client) }),
  'reports.compare': (ctx, input) => {
    const { meta, pack: frozen } = frozenPack(ctx, input.month);
    const live = reportPack(ctx, input.month);
    return { meta, live, frozen, differences: packDifferences(frozen, live) };
  },
  'reports.exportXlsx': (ctx, input) => exportPackXlsx(ctx, input),
  'reports.logPrint': (ctx, input) => logPackPrint(ctx, input),
  'reports.dashboard': (ctx) => managerDashboard(ctx),
};
