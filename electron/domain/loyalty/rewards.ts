import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { RewardRow } from '../../contract/loyalty';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

const selectSql = `select id, name, kind, points_price as pointsPrice, stock, active, description, version
  from loyalty_rewards`;

type Raw = Omit<RewardRow, 'active'> & { active: number };
const toRow = (r: Raw): RewardRow => ({ ...r, active: r.active === 1 });

export function readReward(sqlite: Database.Database, id: number): RewardRow {
  const row = prepared(sqlite, `${selectSql} where id = ?`).get(id) as Raw | undefined;
  if (!row) throw new AppError('not_found', '该兑换礼品不存在', { fields: { rewardId: '礼品不存在' } });
  return toRow(row);
}

export function listRewards(sqlite: Database.Database, includeInactive: boolean): RewardRow[] {
  const where = includeInactive ? '' : ' where active = 1';
  return (prepared(sqlite, `${selectSql}${where} order by points_price, id`).all() as Raw[]).map(toRow);
}

/** Creates a reward, or saves one from a copy at `version` (a stale copy is refused). */
export function saveReward(ctx: AuthedContext, input: ChannelParsedInput<'loyalty.saveReward'>): RewardRow {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite.transaction(() => {
    const values = [
      input.name,
      input.kind,
      input.pointsPrice,
      input.stock ?? null,
      input.active ? 1 : 0,
      input.description ?? null,
      now,
    ];
    let id: number;
    if (input.id === undefined) {
      id = Number(
        prepared(
          sqlite,
          `insert into loyalty_rewards (name, kind, points_price, stock, active, description, updated_at, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(...values, now).lastInsertRowid,
      );
    } else {
      readReward(sqlite, input.id);
      const r = prepared(
        sqlite,
        `update loyalty_rewards set name = ?, kind = ?, points_price = ?, stock = ?, active = ?, description = ?,
           updated_at = ?, version = version + 1 where id = ? and version = ?`,
      ).run(...values, input.id, input.version);
      if (r.changes === 0) throw new AppError('conflict', '该礼品在您编辑期间有更新，请刷新后再保存');
      id = input.id;
    }
    recordAudit(ctx, {
      action: 'loyalty.reward_saved',
      entity: 'loyalty_reward',
      entityId: id,
      detail: {
        name: input.name,
        pointsPrice: input.pointsPrice,
        stock: input.stock ?? null,
        active: input.active,
      },
    });
    return readReward(sqlite, id);
  })();
}
