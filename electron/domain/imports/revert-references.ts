import type Database from 'better-sqlite3';

export interface ReferenceIssue {
  table: string;
  label: string;
  count: number;
}

const tableLabels: Record<string, string> = {
  service_visits: '进站记录',
  interactions: '沟通记录',
  callback_tasks: '回访任务',
  callback_attempts: '回访通话记录',
  csi_surveys: '满意度回访记录',
  customer_merges: '客户合并记录',
  customer_tags: '客户标签',
  consents: '授权记录',
  vehicles: '车辆',
  vehicle_ownerships: '车辆归属记录',
  customers: '其他客户的推荐/合并关系',
  loyalty_postings: '积分记录',
  loyalty_redemptions: '积分兑换记录',
  loyalty_adjustments: '积分调整记录',
  loyalty_members: '会员资料',
  loyalty_tier_changes: '会员等级记录',
};

export interface RevertSets {
  /** Ids the revert deletes, by table. */
  deleted: Partial<Record<string, number[]>>;
  /** Rows the revert deletes or restores itself, by table: references from them are not in the way. */
  own: Partial<Record<string, number[]>>;
}

/**
 * Every row anywhere that points at a row the revert would delete, found through the schema's
 * own foreign keys — so tables added later (complaints, events…) are covered without listing them here. One
 * query per foreign key with the ids as a JSON set: linear, even where the child column has no index.
 */
export function findReferences(sqlite: Database.Database, sets: RevertSets): ReferenceIssue[] {
  const tables = (
    sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const issues: ReferenceIssue[] = [];
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    const keys = sqlite.prepare(`pragma foreign_key_list(${quoted})`).all() as {
      table: string;
      from: string;
    }[];
    const hasId = (
      sqlite.prepare(`pragma table_info(${quoted})`).all() as { name: string; pk: number }[]
    ).some((c) => c.name === 'id' && c.pk === 1);
    for (const key of keys) {
      const parents = sets.deleted[key.table];
      if (!parents?.length) continue;
      const own = [...(sets.own[table] ?? []), ...(table === key.table ? parents : [])];
      const exclude = hasId && own.length ? ' and id not in (select value from json_each(?))' : '';
      const sql = `select count(*) as n from ${quoted} where "${key.from}" in (select value from json_each(?))${exclude}`;
      const params = exclude ? [JSON.stringify(parents), JSON.stringify(own)] : [JSON.stringify(parents)];
      const { n } = sqlite.prepare(sql).get(...params) as { n: number };
      if (n > 0) issues.push({ table, label: tableLabels[table] ?? `其他数据（${table}）`, count: n });
    }
  }
  return issues;
}
