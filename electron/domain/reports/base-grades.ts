import type Database from 'better-sqlite3';
import type { GradeCounts, GradeTable, ReportPack } from '../../contract/reports';

export type GradeDimension = 'district' | 'industry' | 'age';

/** 70后 … 00后 by year of birth; no birthday, a company, or another decade: 其他. */
export const ageBands = [
  { key: '70s', label: '70后', from: 1970 },
  { key: '80s', label: '80后', from: 1980 },
  { key: '90s', label: '90后', from: 1990 },
  { key: '00s', label: '00后', from: 2000 },
] as const;

const ageBandSql = `case ${ageBands
  .map(
    (b) => `when cast(substr(birthday, 1, 4) as integer) between ${b.from} and ${b.from + 9} then '${b.key}'`,
  )
  .join(' ')} else 'other' end`;

const keySql: Record<GradeDimension, string> = {
  district: `coalesce(nullif(trim(district), ''), '')`,
  industry: `coalesce(nullif(trim(industry), ''), '')`,
  age: ageBandSql,
};

const dimensionText: Record<GradeDimension, string> = {
  district: '按客户卡片的区县',
  industry: '按客户卡片的行业',
  age: '按出生年份（70后、80后、90后、00后；无生日、单位客户及其他年份计其他）',
};

const packKey: Record<GradeDimension, keyof ReportPack['grades']> = {
  district: 'byDistrict',
  industry: 'byIndustry',
  age: 'byAge',
};

function labelOf(dimension: GradeDimension, key: string): string {
  if (dimension === 'age') return ageBands.find((b) => b.key === key)?.label ?? '其他';
  return key === '' ? '未填写' : key;
}

const zero = (): GradeCounts => ({ premium: 0, potential: 0, normal: 0, total: 0 });

type GradeRow = { key: string; grade: keyof Omit<GradeCounts, 'total'>; n: number };
export type GradeCountsByDimension = Record<GradeDimension, GradeRow[]>;

/** Bumped when what the kept counts hold or how they are worked out changes. */
const gradesVersion = 'grades-1';

/**
 * The base customers counted by grade and by district, industry and age band in one pass over the customers'
 * report index (customers_report_grade_idx), for the three tables below; kept in report_month_cache (month '')
 * until a customer is added, removed, or their grade, district, industry, birthday or merge changes.
 */
export function readGradeCounts(sqlite: Database.Database): GradeCountsByDimension {
  const cached = sqlite
    .prepare(`select key, data from report_month_cache where kind = 'grades' and month = ''`)
    .get() as { key: string; data: string } | undefined;
  if (cached?.key === gradesVersion) return JSON.parse(cached.data) as GradeCountsByDimension;
  const rows = sqlite
    .prepare(
      `select ${keySql.district} as district, ${keySql.industry} as industry, ${keySql.age} as age,
         base_grade as grade, count(*) as n from customers indexed by customers_report_grade_idx
       where base_grade is not null and merged_into_id is null group by 1, 2, 3, 4`,
    )
    .all() as ({ grade: GradeRow['grade']; n: number } & Record<GradeDimension, string>)[];
  const by = (d: GradeDimension) => {
    const m = new Map<string, GradeRow>();
    for (const r of rows) {
      const k = `${r[d]}\u0000${r.grade}`;
      const g = m.get(k) ?? { key: r[d], grade: r.grade, n: 0 };
      g.n += r.n;
      m.set(k, g);
    }
    return [...m.values()];
  };
  const out = { district: by('district'), industry: by('industry'), age: by('age') };
  sqlite
    .prepare(`insert or replace into report_month_cache (kind, month, key, data) values ('grades', '', ?, ?)`)
    .run(gradesVersion, JSON.stringify(out));
  return out;
}

/**
 * 基盘客户分级 (seed 002): base customers (owners with a grade, not merged away) by grade 优质/潜力/一般 and by
 * district, industry or age band, their grade as the daily upkeep keeps it now, beside the same month a year
 * earlier as its frozen month-end pack recorded it (no closing then: null, 暂无数据).
 */
export function gradesBy(
  sqlite: Database.Database,
  dimension: GradeDimension,
  lastYearPack: ReportPack | null,
  all: GradeCountsByDimension = readGradeCounts(sqlite),
): GradeTable {
  const counts = all[dimension];
  const rows = new Map<string, GradeCounts>();
  if (dimension === 'age') for (const b of [...ageBands.map((a) => a.key), 'other']) rows.set(b, zero());
  for (const c of counts) {
    const row = rows.get(c.key) ?? zero();
    row[c.grade] += c.n;
    row.total += c.n;
    rows.set(c.key, row);
  }
  const before = lastYearPack?.grades[packKey[dimension]] ?? null;
  const beforeRows = new Map(before?.rows.map((r) => [r.key, r.thisYear]) ?? []);
  for (const key of beforeRows.keys()) if (!rows.has(key)) rows.set(key, zero());
  const keys = [...rows.keys()];
  if (dimension !== 'age')
    keys.sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : rows.get(b)!.total - rows.get(a)!.total || a.localeCompare(b),
    );
  const total = zero();
  for (const r of rows.values())
    for (const k of ['premium', 'potential', 'normal', 'total'] as const) total[k] += r[k];
  return {
    rows: keys.map((key) => ({
      key,
      label: labelOf(dimension, key),
      thisYear: rows.get(key)!,
      lastYear: before ? (beforeRows.get(key) ?? zero()) : null,
    })),
    total: { thisYear: total, lastYear: before ? before.total.thisYear : null },
    definition: `基盘客户（已购车并已分级的客户）${dimensionText[dimension]}分组的当前分级人数；去年同月取自该月的月结快照，未月结则暂无数据`,
  };
}
