import ExcelJS from 'exceljs';
import type { ReportPack, StructureTable } from '../../contract/reports';
import type { GradeTable } from '../../contract/reports';
import { kpiValueText, moneyText, noDataText, percentText } from './report-format';

type Cell = string | number;
interface SheetSpec {
  name: string;
  headers: string[];
  rows: Cell[][];
  notes?: string[];
}

const orNoData = (v: number | null): Cell => (v === null ? noDataText : v);

function kpiSheet(pack: ReportPack): SheetSpec {
  const months = pack.kpis[0]?.last12.map((m) => m.month) ?? [];
  return {
    name: 'KPI指标',
    headers: ['指标', '本月', '目标', '是否达标', '分子', '分母', ...months, '口径'],
    rows: pack.kpis.map((k) => [
      k.label,
      kpiValueText(k.unit, k.value),
      k.targetText,
      k.meetsTarget === null ? '—' : k.meetsTarget ? '达标' : '未达标',
      orNoData(k.numerator),
      orNoData(k.denominator),
      ...k.last12.map((m) => kpiValueText(k.unit, m.value)),
      k.definition,
    ]),
  };
}

function structureSheet(name: string, first: string, t: StructureTable): SheetSpec {
  const line = (r: StructureTable['total']): Cell[] => [
    r.label,
    r.customers,
    r.visits,
    r.revenueWan,
    orNoData(r.avgTicketYuan),
    orNoData(r.perCustomerYuan),
    percentText(r.customerShare),
    percentText(r.revenueShare),
  ];
  return {
    name,
    headers: [
      first,
      '客户数量',
      '总进厂台次',
      '总产值(万元)',
      '客单价(元)',
      '单车产值贡献(元)',
      '客户占比',
      '产值占比',
    ],
    rows: [...t.rows.map(line), line(t.total)],
    notes: [...(t.sentence ? [t.sentence] : []), t.definition],
  };
}

function gradeSheet(name: string, first: string, t: GradeTable): SheetSpec {
  const counts = (c: GradeTable['total']['lastYear']): Cell[] =>
    c ? [c.premium, c.potential, c.normal, c.total] : [noDataText, noDataText, noDataText, noDataText];
  return {
    name,
    headers: [
      first,
      '优质(今年)',
      '潜力(今年)',
      '一般(今年)',
      '合计(今年)',
      '优质(去年)',
      '潜力(去年)',
      '一般(去年)',
      '合计(去年)',
    ],
    rows: [
      ...t.rows.map((r) => [r.label, ...counts(r.thisYear), ...counts(r.lastYear)]),
      ['合计', ...counts(t.total.thisYear), ...counts(t.total.lastYear)],
    ],
    notes: [t.definition],
  };
}

/** Every table of the pack as a sheet, in the pack's order, with Chinese headers. */
export function packSheets(pack: ReportPack): SheetSpec[] {
  const c = pack.complaints;
  const group = (rows: typeof c.kpis.byCategory): Cell[][] =>
    rows.map((r) => [
      r.label,
      r.tickets,
      r.closed,
      r.breached,
      percentText(r.fcr.rate),
      orNoData(r.averageCloseHours),
    ]);
  const groupHeaders = ['工单数', '已结案', '超时', '首次解决率', '平均结案时长(小时)'];
  const e = pack.events;
  return [
    kpiSheet(pack),
    {
      name: '回访-按类型',
      headers: ['回访类型', '应回访', '已完成', '已接通', '逾期', '本月完成(含往月到期)'],
      rows: [
        ...pack.callbacks.byType.map((r) => [
          r.ruleName,
          r.due,
          r.done,
          r.reached,
          r.overdue,
          r.completedInMonth,
        ]),
        ['合计', pack.callbacks.due, pack.callbacks.done, pack.callbacks.reached, pack.callbacks.overdue, ''],
      ],
      notes: [`接通率：${percentText(pack.callbacks.reachRate)}`, ...pack.callbacks.notes],
    },
    {
      name: '回访-按专员',
      headers: [
        '专员',
        '分配到期',
        '其中已完成',
        '本月完成',
        '拨打次数',
        '接通次数',
        '接通率',
        '平均通话时长(秒)',
      ],
      rows: pack.callbacks.byOperator.map((r) => [
        r.displayName,
        r.assignedDue,
        r.assignedDueDone,
        r.done,
        r.attempts,
        r.reached,
        percentText(r.reachRate),
        orNoData(r.avgHandleSeconds),
      ]),
    },
    {
      name: '投诉-概况',
      headers: ['项目', '数值'],
      rows: [
        ['受理工单', c.kpis.received],
        ['结案工单', c.kpis.closed],
        ['首次解决率', percentText(c.kpis.fcr.rate)],
        ['解决满意度', percentText(c.kpis.satisfaction.rate)],
        ['A 级 24 小时响应率', percentText(c.kpis.aAnsweredIn24h.rate)],
        ['重复投诉率', percentText(c.kpis.repeatRate.rate)],
        ['重新打开', c.kpis.reopened],
        ...c.byGrade.map((g) => [`${g.label}工单`, g.count]),
      ],
      notes: c.notes,
    },
    { name: '投诉-按类别', headers: ['类别', ...groupHeaders], rows: group(c.kpis.byCategory) },
    { name: '投诉-按部门', headers: ['部门', ...groupHeaders], rows: group(c.kpis.byDepartment) },
    {
      name: '投诉-时限',
      headers: ['时限', '达标', '超时', '达标率'],
      rows: c.timers.map((t) => [t.label, t.met, t.breached, percentText(t.metRate)]),
    },
    {
      name: '投诉-根本原因',
      headers: ['根本原因', '工单数'],
      rows: c.topRootCauses.map((r) => [r.label, r.count]),
    },
    {
      name: '活动',
      headers: [
        '活动编号',
        '活动',
        '类型',
        '开始',
        '结束',
        '邀约',
        '接通',
        '报名',
        '二次确认',
        '签到',
        '签到人数',
        '预算',
        '实际费用',
        '厂家补贴到账',
        '净费用',
        '人均成本',
        'ROI',
      ],
      rows: [
        ...e.rows.map((r) => [
          r.eventNo,
          r.title,
          r.typeLabel,
          r.startsOn,
          r.endsOn,
          r.invited,
          r.reached,
          r.accepted,
          r.confirmed,
          r.checkedIn,
          r.checkedInPeople,
          moneyText(r.plannedFen),
          moneyText(r.actualFen),
          moneyText(r.subsidyReceivedFen),
          moneyText(r.netCostFen),
          moneyText(r.costPerPersonFen),
          r.roi === null ? noDataText : r.roi,
        ]),
        [
          '合计',
          `${e.totals.events} 场`,
          '',
          '',
          '',
          e.totals.invited,
          e.totals.reached,
          e.totals.accepted,
          e.totals.confirmed,
          e.totals.checkedIn,
          e.totals.checkedInPeople,
          moneyText(e.totals.plannedFen),
          moneyText(e.totals.actualFen),
          moneyText(e.totals.subsidyReceivedFen),
          moneyText(e.totals.netCostFen),
          moneyText(e.totals.costPerPersonFen),
          '',
        ],
      ],
      notes: e.notes,
    },
    structureSheet('基盘-按进站次数', '进站次数', pack.structure.byVisits),
    structureSheet('基盘-按车系', '车系', pack.structure.bySeries),
    structureSheet('基盘-按保修状态', '保修状态', pack.structure.byWarranty),
    gradeSheet('分级-按区县', '区县', pack.grades.byDistrict),
    gradeSheet('分级-按行业', '行业', pack.grades.byIndustry),
    gradeSheet('分级-按年龄段', '年龄段', pack.grades.byAge),
  ];
}

/** The workbook: a bold shaded frozen header row per sheet, notes and the file's mark under each table. */
export async function packWorkbook(
  pack: ReportPack,
  heading: string,
  mark: string,
): Promise<{ base64: string; sheets: string[] }> {
  const workbook = new ExcelJS.Workbook();
  const specs = packSheets(pack);
  for (const s of specs) {
    const sheet = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.headers.map((h, i) => ({
      header: h,
      width: i === 0 ? 18 : Math.max(10, h.length * 2 + 2),
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    for (const r of s.rows) sheet.addRow(r);
    sheet.addRow([]);
    for (const line of [heading, ...(s.notes ?? []), mark]) {
      sheet.addRow([line]).font = { italic: true, color: { argb: 'FF666666' } };
    }
    sheet.headerFooter = { oddFooter: `&L${mark}&R第 &P 页 共 &N 页` };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { base64: Buffer.from(buffer).toString('base64'), sheets: specs.map((s) => s.name) };
}
