import type Database from 'better-sqlite3';
import type { ErasureLine } from '../../contract/subject-requests';
import { quoteId } from '../duplicates/schema-info';
import { tableLabel as mergeTableLabel } from '../duplicates/merge-rules';
import type { CustomerReference } from './customer-references';
import { customerReferences, personCardIds } from './customer-references';
import { columnHeader } from './package-labels';
import type { ErasureRule } from './person-data-rules';
import {
  customerColumnRules,
  erasedName,
  ownCardsKey,
  referenceRules,
  tableLabelOf,
} from './person-data-rules';
import type { CardIdentity } from './scrub-text';
import { personTerms, readCardIdentities, uniqueTerms } from './scrub-text';
import { countTextMentions } from './text-scan';

export interface PlannedReference {
  ref: CustomerReference;
  label: string;
  erasure: ErasureRule;
  count: number;
}

/** Everything the erasure of one person touches, counted before anything changes. */
export interface ErasurePlan {
  customerId: number;
  cardIds: number[];
  identities: CardIdentity[];
  /** Found in the person's own rows: name, phones, ID number, address… */
  terms: string[];
  /** Found anywhere: phones and ID number. */
  uniqueTerms: string[];
  references: PlannedReference[];
  /** References nobody has decided about yet: the erasure refuses to run past them. */
  unruled: CustomerReference[];
  openTasks: number;
  importBatches: number;
  /** Free text elsewhere naming the person's phone or ID number, per table. */
  mentions: Map<string, number>;
  /** Append-only ledgers that hold a full value of the person's (should be none: they keep masks). */
  ledgerHits: Map<string, number>;
  /** Whether mentions and ledgers were scanned (the preview), or left to the erasure's own pass. */
  textScanned: boolean;
}

const ids = (list: readonly number[]) => JSON.stringify(list);
const tableLabel = (t: string) => tableLabelOf(t, mergeTableLabel);

function countRows(sqlite: Database.Database, ref: CustomerReference, cardIds: readonly number[]): number {
  return sqlite
    .prepare(
      `select count(*) from ${quoteId(ref.table)} where ${quoteId(ref.column)} in (select value from json_each(?))`,
    )
    .pluck()
    .get(ids(cardIds)) as number;
}

/** Import histories keep the full previous row of each customer they updated, for their revert. */
export function importBatchesWith(sqlite: Database.Database, cardIds: readonly number[]): number[] {
  return sqlite
    .prepare(
      `select id from import_batches b where exists (
         select 1 from json_each(b.undo, '$.updated.customers') u
         where json_extract(u.value, '$.id') in (select value from json_each(?)))`,
    )
    .pluck()
    .all(ids(cardIds)) as number[];
}

/** Ledgers cannot be rewritten, so the plan checks that they hold masks only (the audit log's rule). */
function ledgerHits(sqlite: Database.Database, terms: string[]): Map<string, number> {
  const hits = new Map<string, number>();
  const ledgers: { table: string; columns: string[] }[] = [
    { table: 'audit_log', columns: ['detail', 'entity_id', 'username'] },
    { table: 'consent_history', columns: ['evidence'] },
  ];
  for (const l of ledgers) {
    const exists = sqlite.prepare('select 1 from pragma_table_list where name = ?').get(l.table);
    if (!exists || !terms.length) continue;
    const cond = l.columns.flatMap((c) => terms.map(() => `instr(coalesce(${c}, ''), ?) > 0`)).join(' or ');
    const n = sqlite
      .prepare(`select count(*) from ${l.table} where ${cond}`)
      .pluck()
      .get(...l.columns.flatMap(() => terms)) as number;
    if (n) hits.set(l.table, n);
  }
  return hits;
}

/**
 * `scanText`: also count the mentions of the person's numbers in free text everywhere and check the ledgers —
 * a full read of the large tables, done for the preview (no lock held); the erasure itself rewrites the
 * mentions in one pass instead of counting them first.
 */
export function planErasure(
  sqlite: Database.Database,
  customerId: number,
  opts: { scanText: boolean } = { scanText: true },
): ErasurePlan {
  const cardIds = personCardIds(sqlite, customerId);
  const identities = readCardIdentities(sqlite, cardIds);
  const terms = personTerms(identities);
  const own: CustomerReference = { key: ownCardsKey, table: 'customers', column: 'id', byForeignKey: false };
  const refs = [own, ...customerReferences(sqlite)];
  const references: PlannedReference[] = [];
  const unruled: CustomerReference[] = [];
  for (const ref of refs) {
    const rule = referenceRules[ref.key];
    if (!rule) {
      unruled.push(ref);
      continue;
    }
    references.push({
      ref,
      label: rule.label,
      erasure: rule.erasure,
      count: countRows(sqlite, ref, cardIds),
    });
  }
  const openTasks = sqlite
    .prepare(
      `select count(*) from callback_tasks where status = 'open' and customer_id in (select value from json_each(?))`,
    )
    .pluck()
    .get(ids(cardIds)) as number;
  const unique = uniqueTerms(identities);
  return {
    customerId,
    cardIds,
    identities,
    terms,
    uniqueTerms: unique,
    references,
    unruled,
    openTasks,
    importBatches: importBatchesWith(sqlite, cardIds).length,
    mentions: opts.scanText ? countTextMentions(sqlite, unique) : new Map(),
    // A ledger is checked for the numbers only: a name alone is shared by too many people to prove anything.
    ledgerHits: opts.scanText ? ledgerHits(sqlite, unique) : new Map(),
    textScanned: opts.scanText,
  };
}

const erasedFieldLabels = () =>
  Object.entries(customerColumnRules)
    .filter(([c, r]) => 'erase' in r && c !== 'name' && c !== 'do_not_contact' && c !== 'do_not_contact_at')
    .map(([c]) => columnHeader(c))
    .join('、');

/** The plan as staff read it before confirming: what goes, what stays and why. */
export function describePlan(plan: ErasurePlan): { erase: ErasureLine[]; keep: ErasureLine[] } {
  const erase: ErasureLine[] = [];
  const keep: ErasureLine[] = [];
  const seen = new Set<string>();
  for (const p of plan.references) {
    // Two columns of one table (a merge's survivor and merged card) are one line.
    const key = `${p.erasure.action}:${p.label}`;
    const count = plan.references
      .filter((o) => `${o.erasure.action}:${o.label}` === key)
      .reduce((n, o) => n + o.count, 0);
    if (seen.has(key)) continue;
    seen.add(key);
    const e = p.erasure;
    if (e.action === 'anonymise') {
      if (p.ref.key === ownCardsKey) {
        erase.push({
          key: p.ref.key,
          label: p.label,
          count: plan.cardIds.length,
          detail: `姓名改为「${erasedName(plan.customerId)}」；清除${erasedFieldLabels()}；设为勿扰`,
        });
      } else if (count) {
        erase.push({ key: p.ref.key, label: '已合并的旧客户卡', count, detail: e.detail });
      }
    } else if (e.action === 'delete' || e.action === 'derived') {
      if (count) erase.push({ key: p.ref.key, label: p.label, count, detail: e.detail });
    } else if (count || p.ref.table === 'audit_log') {
      keep.push({ key: p.ref.key, label: p.label, count, detail: e.reason });
    }
  }
  if (plan.openTasks) {
    erase.push({
      key: 'callback_tasks.open',
      label: '未完成的回访',
      count: plan.openTasks,
      detail: '关闭，原因：客户个人信息已按本人请求删除',
    });
  }
  if (plan.importBatches) {
    erase.push({
      key: 'import_batches.undo',
      label: '导入记录中的旧资料',
      count: plan.importBatches,
      detail: '导入前的原资料（供撤销导入）中本人的身份信息清除',
    });
  }
  const mentioned = [...plan.mentions.values()].reduce((n, v) => n + v, 0);
  if (mentioned) {
    erase.push({
      key: 'free_text',
      label: '其他记录中出现的本人手机号、证件号',
      count: mentioned,
      detail: `在${[...plan.mentions.keys()].map(tableLabel).join('、')}中替换为「[已删除]」`,
    });
  }
  keep.push({
    key: 'customers.kept_columns',
    label: '客户卡上的统计字段',
    count: plan.cardIds.length,
    detail: '客户阶段、等级、来源渠道、区县、行业、建档日期：经营统计口径，不能单独识别到个人',
  });
  const hits = [...plan.ledgerHits].map(([t, n]) => `${tableLabel(t)} ${n} 条`).join('、');
  if (plan.textScanned)
    keep.push({
      key: 'ledgers.checked',
      label: '只能追加的台账（审计日志、授权历史）',
      count: null,
      detail: hits
        ? `注意：${hits}含本人完整的手机号或证件号，台账不能修改，请联系系统管理员`
        : '已核对：不含本人完整的手机号和证件号',
    });
  keep.push({
    key: 'backups',
    label: '已有的数据备份',
    count: null,
    detail: '备份文件只能整体保存，按保留规则到期删除；在此之前如从备份恢复，需重新办理本次删除',
  });
  return { erase, keep };
}
