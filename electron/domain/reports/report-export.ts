import { recordAudit } from '../audit/audit-log';
import { localDate, storeDateTimeLabel } from '../clock';
import type { AuthedContext } from '../context';
import { frozenPack } from './month-close';
import { reportPack } from './report-pack';
import { packWorkbook } from './report-xlsx';

function packFor(ctx: AuthedContext, month: string, frozen: boolean) {
  if (!frozen) return { pack: reportPack(ctx, month), revision: null };
  const s = frozenPack(ctx, month);
  return { pack: s.pack, revision: s.meta.revision };
}

/** The pack as an XLSX workbook, one sheet per table; logged as an export (the pack holds no personal fields). */
export async function exportPackXlsx(
  ctx: AuthedContext,
  input: { month: string; frozen?: boolean },
): Promise<{ fileName: string; contentBase64: string; sheets: string[] }> {
  const frozen = input.frozen ?? false;
  const { pack, revision } = packFor(ctx, input.month, frozen);
  const now = ctx.clock();
  const kind = frozen ? `月结第 ${revision} 版` : '实时数据';
  const heading = `月度报表 ${input.month}（${kind}，生成于 ${storeDateTimeLabel(new Date(pack.generatedAt))}）`;
  const mark = `由 ${ctx.user.displayName}（${ctx.user.username}） 于 ${storeDateTimeLabel(now)} 导出`;
  const { base64, sheets } = await packWorkbook(pack, heading, mark);
  const fileName = `月度报表-${input.month}${frozen ? '-月结' : ''}-${localDate(now).replace(/-/g, '')}.xlsx`;
  recordAudit(ctx, {
    action: 'export.report',
    entity: 'export',
    detail: {
      fileName,
      month: input.month,
      frozen,
      ...(revision ? { revision } : {}),
      sheets: sheets.length,
    },
  });
  return { fileName, contentBase64: base64, sheets };
}

/** Printing the pack is logged (privacy rules): which month, live or frozen. */
export function logPackPrint(
  ctx: AuthedContext,
  input: { month: string; frozen?: boolean },
): { logged: boolean } {
  const frozen = input.frozen ?? false;
  const revision = frozen ? frozenPack(ctx, input.month).meta.revision : null;
  recordAudit(ctx, {
    action: 'print',
    entity: 'report',
    entityId: input.month,
    detail: { month: input.month, frozen, ...(revision ? { revision } : {}) },
  });
  return { logged: true };
}
