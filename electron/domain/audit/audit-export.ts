import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { AuditEntry } from '../../contract/audit';
import { auditExportMaxRows } from '../../contract/audit';
import { auditActions } from '../../contract/audit-actions';
import type { AuditValueLabel } from '../../contract/audit-fields';
import { auditChangeLines, auditDetailFacts, auditEntityLabels } from '../../contract/audit-fields';
import { roleLabels } from '../../contract/permissions';
import { localDate, storeDateTimeLabel } from '../clock';
import type { AuthedContext } from '../context';
import type { XlsxColumn } from '../exports/xlsx-table';
import {
  baseGradeLabels,
  genderLabels,
  leadGradeLabels,
  sourceChannelLabels,
  stageLabels,
} from '../exports/customer-labels';
import { writeXlsxTable } from '../exports/xlsx-table';
import { recordAudit } from './audit-log';
import { queryAudit } from './audit-query';

const actionLabel = (a: string) => (auditActions as Record<string, string>)[a] ?? a;

/** The file speaks as the app does: the customer export's labels for card codes, role names for accounts. */
const codeLabels: Record<string, Record<string, Record<string, string>>> = {
  customer: {
    gender: genderLabels,
    stage: stageLabels,
    baseGrade: baseGradeLabels,
    leadGrade: leadGradeLabels,
    sourceChannel: sourceChannelLabels,
  },
  user: { role: roleLabels },
};
const valueLabel: AuditValueLabel = (entity, field, value) =>
  entity && typeof value === 'string' ? codeLabels[entity]?.[field]?.[value] : undefined;

const columns: XlsxColumn<AuditEntry>[] = [
  { header: '编号', width: 9, value: (r) => r.id },
  { header: '时间', width: 17, value: (r) => r.atLabel },
  { header: '用户名', width: 12, value: (r) => r.username ?? '' },
  { header: '姓名', width: 10, value: (r) => r.userDisplayName ?? '' },
  { header: '操作', width: 16, value: (r) => actionLabel(r.action) },
  {
    header: '对象',
    width: 16,
    value: (r) =>
      r.entity ? `${auditEntityLabels[r.entity] ?? r.entity}${r.entityId ? ` #${r.entityId}` : ''}` : '',
  },
  { header: '客户编号', width: 9, value: (r) => r.customerId ?? '' },
  { header: '客户', width: 12, value: (r) => r.customerName ?? '' },
  { header: '来源', width: 14, value: (r) => r.client ?? '' },
  {
    header: '修改内容（前 → 后）',
    width: 48,
    wrap: true,
    value: (r) =>
      auditChangeLines(r.entity, r.detail, valueLabel)
        .map((l) => `${l.label}：${l.before} → ${l.after}`)
        .join('\n'),
  },
  {
    header: '其他信息',
    width: 36,
    wrap: true,
    value: (r) =>
      auditDetailFacts(r.detail)
        .map((f) => `${f.label}：${f.value}`)
        .join('\n'),
  },
];

const pageSize = 1000;

/**
 * The filtered log as XLSX, newest first, with a footer naming who exported it and when. The export is
 * itself a row in the log (with the filter and the row count), written after the rows it read.
 */
export async function exportAudit(
  ctx: AuthedContext,
  input: ChannelParsedInput<'audit.export'>,
  rowCap = auditExportMaxRows,
): Promise<ChannelOutput<'audit.export'>> {
  const sqlite = ctx.db.$client;
  const first = queryAudit(sqlite, input.filters, Math.min(pageSize, rowCap), null);
  const total = first.total ?? 0;
  function* pages() {
    let page = first;
    let count = page.rows.length;
    yield page.rows;
    while (page.nextCursor && count < rowCap) {
      page = queryAudit(sqlite, input.filters, Math.min(pageSize, rowCap - count), page.nextCursor);
      count += page.rows.length;
      yield page.rows;
    }
  }
  const now = ctx.clock();
  const file = await writeXlsxTable({
    sheetName: '审计日志',
    columns,
    pages: pages(),
    footer: [`导出人：${ctx.user.displayName}（${ctx.user.username}） 导出时间：${storeDateTimeLabel(now)}`],
  });
  const truncated = total > file.rows;
  recordAudit(ctx, {
    action: 'export.audit',
    entity: 'export',
    detail: { filter: input.filters, rowCount: file.rows, ...(truncated ? { truncated } : {}) },
  });
  return {
    fileName: `审计日志-${localDate(now).replace(/-/g, '')}.xlsx`,
    contentBase64: file.base64,
    rowCount: file.rows,
    truncated,
  };
}
