import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PersonalField } from '../../common/personal-mask';
import { maskPersonal } from '../../common/personal-mask';
import { formatPlate } from '../../common/plate';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CustomerRow } from '../../contract/customers';
import { recordAudit } from '../audit/audit-log';
import { localDate, storeDateTimeLabel } from '../clock';
import type { ServiceContext } from '../context';
import { listCustomers } from '../customers/customer-list';
import { exportMasking } from '../privacy/export-access';
import {
  baseGradeLabels,
  genderLabels,
  leadGradeLabels,
  sourceChannelLabels,
  stageLabels,
} from './customer-labels';

export const maxExportRows = 200_000;
const pageSize = 500;

interface ExtraColumns {
  id: number;
  mobile2: string | null;
  wechat: string | null;
  address: string | null;
  birthday: string | null;
  leadGrade: keyof typeof leadGradeLabels | null;
  contactPerson: string | null;
  contactTitle: string | null;
}

type ExportRow = CustomerRow & Partial<ExtraColumns>;

/** Stored dates are either YYYY-MM-DD or an ISO timestamp (UTC); staff read the store's calendar date. */
function day(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDate(new Date(value));
}

const columns: { header: string; width: number; value: (r: ExportRow) => string | number }[] = [
  { header: '客户编号', width: 10, value: (r) => r.id },
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => (r.gender ? genderLabels[r.gender] : '') },
  { header: '手机', width: 14, value: (r) => r.mobile ?? '' },
  { header: '备用手机', width: 14, value: (r) => r.mobile2 ?? '' },
  { header: '微信', width: 16, value: (r) => r.wechat ?? '' },
  { header: '区县', width: 10, value: (r) => r.district ?? '' },
  { header: '地址', width: 30, value: (r) => r.address ?? '' },
  { header: '生日', width: 12, value: (r) => day(r.birthday) },
  { header: '阶段', width: 10, value: (r) => stageLabels[r.stage] },
  { header: '线索等级', width: 9, value: (r) => (r.leadGrade ? leadGradeLabels[r.leadGrade] : '') },
  { header: '基盘等级', width: 9, value: (r) => (r.baseGrade ? baseGradeLabels[r.baseGrade] : '') },
  {
    header: '车牌',
    width: 16,
    value: (r) => (r.plates ? r.plates.split(' ').filter(Boolean).map(formatPlate).join('、') : ''),
  },
  { header: '车系', width: 14, value: (r) => (r.series ? r.series.split(',').join('、') : '') },
  { header: '最近进站', width: 12, value: (r) => day(r.lastVisitAt) },
  { header: '来源渠道', width: 13, value: (r) => sourceChannelLabels[r.sourceChannel] },
  { header: '建档日期', width: 12, value: (r) => day(r.createdAt) },
  // A company's contact person, under the headers the import reads back (header-dictionary.ts).
  { header: '联系人', width: 10, value: (r) => r.contactPerson ?? '' },
  { header: '联系人职务', width: 10, value: (r) => r.contactTitle ?? '' },
];

type ExportInput = ChannelParsedInput<'customers.export'>;
type ListQuery = Pick<ExportInput, 'sort' | 'direction' | 'filters'>;

/** The personal columns of the file; a masked export writes them as staff see them on screen. */
const personalColumns: readonly (PersonalField & keyof ExportRow)[] = [
  'mobile',
  'mobile2',
  'wechat',
  'address',
];

function masked(row: ExportRow): ExportRow {
  const out: ExportRow = { ...row };
  for (const f of personalColumns) out[f] = maskPersonal(f, row[f] ?? null);
  return out;
}

/** Reads the list page by page through the list service itself, so the file holds exactly what the list shows. */
function* exportRows(ctx: ServiceContext, input: ListQuery, rowCap: number): Generator<ExportRow[]> {
  const extra = ctx.db.$client.prepare(
    `select id, mobile2, wechat, address, birthday, lead_grade as leadGrade, contact_person as contactPerson,
       contact_title as contactTitle from customers
     where id in (select value from json_each(?))`,
  );
  let cursor: string | null = null;
  let count = 0;
  do {
    const limit = Math.min(pageSize, rowCap - count);
    const page = listCustomers(ctx, { ...input, limit, cursor });
    const more = new Map(
      (extra.all(JSON.stringify(page.rows.map((r) => r.id))) as ExtraColumns[]).map((e) => [e.id, e]),
    );
    yield page.rows.map((r) => ({ ...r, ...more.get(r.id) }));
    count += page.rows.length;
    cursor = page.nextCursor;
  } while (cursor && count < rowCap);
}

/**
 * The filtered, sorted customer list as an XLSX workbook with Chinese headers, frozen header row and filters.
 * exceljs's streaming writer keeps memory flat for large lists. `rowCap` is the file's limit (a parameter so
 * tests can reach it without 200,000 customers).
 */
export async function exportCustomers(
  ctx: ServiceContext,
  input: ExportInput,
  rowCap = maxExportRows,
): Promise<ChannelOutput<'customers.export'>> {
  const { unmasked, reason, ...query } = input;
  // Refused before a single row is read when the caller may not export without masks.
  const masking = exportMasking(ctx, { unmasked, reason });
  const now = ctx.clock();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('客户列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.commit();

  let rowCount = 0;
  let more = false;
  for (const page of exportRows(ctx, query, rowCap)) {
    for (const r of page) sheet.addRow(columns.map((c) => c.value(masking.masked ? masked(r) : r))).commit();
    rowCount += page.length;
  }
  if (rowCount >= rowCap) {
    more = listCustomers(ctx, { ...query, limit: 1, cursor: null }).total! > rowCount;
  }
  // Who took this file and when, on the sheet and on every printed page: a leaked copy names its source.
  const mark = exportMark(ctx, now, masking.masked);
  const footer = sheet.addRow([mark]);
  footer.font = { italic: true, color: { argb: 'FF666666' } };
  footer.commit();
  sheet.headerFooter = { oddFooter: `&L${mark}&R&P / &N` };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.commit();
  await workbook.commit();
  const fileName = `客户列表-${localDate(now).replace(/-/g, '')}.xlsx`;
  recordAudit(ctx, {
    action: 'export.customers',
    entity: 'export',
    detail: {
      fileName,
      sort: query.sort,
      direction: query.direction,
      filters: query.filters,
      rowCount,
      truncated: more,
      masked: masking.masked,
      ...(masking.reason ? { reason: masking.reason } : {}),
    },
  });
  return {
    fileName,
    contentBase64: Buffer.concat(chunks).toString('base64'),
    rowCount,
    truncated: more,
    masked: masking.masked,
  };
}

/** 由 王经理（wangjl） 于 2026-11-22 09:00 导出（已脱敏） */
export function exportMark(ctx: ServiceContext, at: Date, isMasked: boolean): string {
  const who = ctx.user ? `${ctx.user.displayName}（${ctx.user.username}）` : '系统';
  return `由 ${who} 于 ${storeDateTimeLabel(at)} 导出（${isMasked ? '已脱敏' : '未脱敏'}）`;
}
