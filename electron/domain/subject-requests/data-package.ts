import ExcelJS from 'exceljs';
import type { ChannelOutput } from '../../contract';
import { AppError } from '../../contract/errors';
import { subjectRequestKindLabels } from '../../contract/subject-requests';
import { recordAudit } from '../audit/audit-log';
import { localDate, storeDateTimeLabel } from '../clock';
import type { AuthedContext } from '../context';
import { customerReferences, personCardIds } from './customer-references';
import { cellValue, columnHeader } from './package-labels';
import { referenceRules } from './person-data-rules';
import type { PersonTable } from './person-rows';
import { readPersonTables } from './person-rows';
import { changeState } from './request-service';
import { addEvent, readDetail, readStoredRequest, requireOpen } from './request-store';

type Output = ChannelOutput<'subjectRequests.dataPackage'>;

/** Values only the database can spell out: call-back types are named in their (editable) rules. */
function databaseLabels(ctx: AuthedContext): Record<string, Record<string, string>> {
  const rules = ctx.db.$client.prepare('select code, name from callback_rules').all() as {
    code: string;
    name: string;
  }[];
  return { 'callback_tasks.rule_code': Object.fromEntries(rules.map((r) => [r.code, r.name])) };
}

/** A merge's snapshot is the undo's copy of every row it touched: summarised, not pasted as raw JSON. */
function summarise(table: string, column: string, value: unknown): string | null {
  if (table !== 'customer_merges' || column !== 'snapshot' || typeof value !== 'string') return null;
  try {
    const rows = (JSON.parse(value) as { rows?: unknown[] }).rows?.length ?? 0;
    return `合并时受影响记录的完整快照（${rows} 条），用于撤销合并`;
  } catch {
    return '合并快照';
  }
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function addDataSheet(
  workbook: ExcelJS.Workbook,
  table: PersonTable,
  extra: Record<string, Record<string, string>>,
): void {
  const sheet = workbook.addWorksheet(table.label.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: columnHeader(c),
    width: Math.min(40, Math.max(10, columnHeader(c).length * 2 + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = headerFill;
  for (const row of table.rows) {
    sheet.addRow(
      table.columns.map((c) => summarise(table.table, c, row[c]) ?? cellValue(table.table, c, row[c], extra)),
    );
  }
  if (table.columns.length) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
}

function addCoverSheet(
  workbook: ExcelJS.Workbook,
  ctx: AuthedContext,
  info: { requestId: number; customerId: number; name: string; cardIds: number[]; kind: string },
  tables: PersonTable[],
  excluded: { label: string; reason: string }[],
): void {
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [{ width: 22 }, { width: 70 }];
  const title = sheet.addRow(['个人信息副本（《个人信息保护法》第四十五条）']);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow(['客户', `${info.name}（客户编号 ${info.customerId}）`]);
  if (info.cardIds.length > 1)
    sheet.addRow([
      '已合并的旧客户卡',
      info.cardIds
        .slice(1)
        .map((id) => `编号 ${id}`)
        .join('、'),
    ]);
  sheet.addRow(['权利请求', `#${info.requestId}（${info.kind}）`]);
  sheet.addRow(['生成时间', storeDateTimeLabel(ctx.clock())]);
  sheet.addRow(['生成人', ctx.user.displayName]);
  sheet.addRow([]);
  const head = sheet.addRow(['工作表', '记录数']);
  head.font = { bold: true };
  head.fill = headerFill;
  for (const t of tables) sheet.addRow([t.label, t.rows.length]);
  sheet.addRow([]);
  const out = sheet.addRow(['未包含的内容', '原因']);
  out.font = { bold: true };
  out.fill = headerFill;
  for (const e of excluded) sheet.addRow([e.label, e.reason]);
  sheet.addRow([]);
  const note = sheet.addRow([
    '提示',
    '本文件含本人完整的个人信息，未做脱敏：请当面交给本人，或按约定方式加密发送，不要留存副本。',
  ]);
  note.font = { italic: true, color: { argb: 'FF666666' } };
}

/** What the package leaves out and why, for the cover sheet (the rules' reasons, once per label). */
function excludedParts(ctx: AuthedContext): { label: string; reason: string }[] {
  const present = new Set(customerReferences(ctx.db.$client).map((r) => r.key));
  const out = new Map<string, string>();
  for (const [key, rule] of Object.entries(referenceRules)) {
    if (present.has(key) && !rule.package.include) out.set(rule.label, rule.package.reason);
  }
  return [...out].map(([label, reason]) => ({ label, reason }));
}

/**
 * The person's data package for a see/copy request: every row of theirs in every table the rules cover, all
 * columns, unmasked — for the person, so they see what the store holds. Logged as export.subject_data; the
 * request moves to 处理中 when it was still open.
 */
export async function produceDataPackage(ctx: AuthedContext, requestId: number): Promise<Output> {
  const sqlite = ctx.db.$client;
  const r = readStoredRequest(sqlite, requestId);
  requireOpen(r);
  if (r.kind !== 'access') {
    throw new AppError('conflict', '数据包只用于「查阅、复制」请求；其他请求请在客户卡上办理');
  }
  if (r.erasedAt) throw new AppError('conflict', '该客户的个人信息已删除，没有可提供的数据');
  const cardIds = personCardIds(sqlite, r.customerId);
  const tables = readPersonTables(sqlite, cardIds);
  const extra = databaseLabels(ctx);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = ctx.user.displayName;
  workbook.created = ctx.clock();
  addCoverSheet(
    workbook,
    ctx,
    {
      requestId,
      customerId: r.customerId,
      name: r.customerName,
      cardIds,
      kind: subjectRequestKindLabels[r.kind],
    },
    tables,
    excludedParts(ctx),
  );
  for (const t of tables) addDataSheet(workbook, t, extra);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  const sheets = tables.map((t) => ({ name: t.label, rows: t.rows.length }));
  const total = sheets.reduce((n, s) => n + s.rows, 0);
  sqlite
    .transaction(() => {
      // Read again: the state may have moved while the workbook was written.
      const current = readStoredRequest(sqlite, requestId);
      requireOpen(current);
      addEvent(ctx, requestId, {
        action: 'package',
        note: `生成数据包：${sheets.length} 张表，${total} 条记录`,
      });
      recordAudit(ctx, {
        action: 'export.subject_data',
        entity: 'subject_request',
        entityId: requestId,
        customerId: r.customerId,
        detail: {
          requestId,
          masked: false,
          rowCount: total,
          sheets: Object.fromEntries(sheets.map((s) => [s.name, s.rows])),
        },
      });
      if (current.state === 'open') changeState(ctx, current, 'in_progress', '已生成数据包');
    })
    .immediate();
  const day = localDate(ctx.clock()).replace(/-/g, '');
  return {
    // The file name carries no name or number of the person: it may be seen in a downloads folder.
    fileName: `个人信息副本-客户${r.customerId}-${day}.xlsx`,
    contentBase64: buffer.toString('base64'),
    sheets,
    request: readDetail(sqlite, requestId, localDate(ctx.clock())),
  };
}
