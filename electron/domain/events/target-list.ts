import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { TargetPreview } from '../../contract/event-invitations';
import type { SegmentExclusion } from '../../contract/event-terms';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { loadEvent, listOpenStatuses, requireStatus } from './invitation-event';
import { inviteCooldownDays } from './invitation-settings';
import { classifiedSql, exclusionOrder, segmentCondition } from './segment-query';

type PreviewInput = ChannelParsedInput<'events.previewTargets'>;
type BuildInput = ChannelParsedInput<'events.buildTargets'>;

const sampleSize = 20;

/**
 * Classifies the segment once into a temporary table (customer, reason): the counts, the sample and the
 * insert then read it instead of running the probes again. Temporary tables belong to this connection.
 */
function classify(sqlite: Database.Database, input: PreviewInput, now: Date): { cooldownDays: number } {
  const cooldownDays = inviteCooldownDays(sqlite);
  const since = new Date(now.getTime() - cooldownDays * 86_400_000).toISOString();
  const q = classifiedSql(segmentCondition(sqlite, input.filters), input.eventId, since);
  sqlite.exec('create temp table if not exists event_targets (id integer primary key, reason text)');
  sqlite.exec('delete from temp.event_targets');
  prepared(sqlite, `insert into temp.event_targets (id, reason) ${q.sql}`).run(...q.params);
  return { cooldownDays };
}

function summarise(sqlite: Database.Database, cooldownDays: number): TargetPreview {
  const counts = new Map(
    (
      prepared(sqlite, 'select reason, count(*) as n from temp.event_targets group by reason').all() as {
        reason: SegmentExclusion | null;
        n: number;
      }[]
    ).map((r) => [r.reason, r.n]),
  );
  const eligible = counts.get(null) ?? 0;
  const exclusions = exclusionOrder.map((reason) => ({ reason, count: counts.get(reason) ?? 0 }));
  const sample = prepared(
    sqlite,
    `select c.id, c.name, c.mobile, c.stage, c.district,
       (select group_concat(distinct v.series) from vehicles v where v.owner_id = c.id) as series
     from (select id from temp.event_targets where reason is null order by id limit ?) t
     join customers c on c.id = t.id order by c.id`,
  ).all(sampleSize) as TargetPreview['sample'];
  return {
    matched: eligible + exclusions.reduce((n, x) => n + x.count, 0),
    eligible,
    exclusions,
    sample,
    cooldownDays,
  };
}

/** How many customers the segment gives this event, who is left off and why (each counted once), a sample. */
export function previewTargets(ctx: AuthedContext, input: PreviewInput): TargetPreview {
  const sqlite = ctx.db.$client;
  loadEvent(sqlite, input.eventId);
  const { cooldownDays } = classify(sqlite, input, ctx.clock());
  return summarise(sqlite, cooldownDays);
}

/**
 * Adds the segment's eligible customers to the list as pending targets, in one transaction and one
 * insert…select (never row by row). Building again adds only those not listed yet.
 */
export function buildTargets(ctx: AuthedContext, input: BuildInput): ChannelOutput<'events.buildTargets'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock();
  const run = sqlite.transaction(() => {
    const event = loadEvent(sqlite, input.eventId);
    requireStatus(event, listOpenStatuses, '生成目标名单');
    if (input.segmentId !== undefined) {
      const exists = prepared(sqlite, 'select 1 from event_segments where id = ?').get(input.segmentId);
      if (!exists) throw new AppError('not_found', '该目标客群不存在或已被删除');
    }
    const { cooldownDays } = classify(sqlite, input, now);
    const preview = summarise(sqlite, cooldownDays);
    const at = now.toISOString();
    const added = prepared(
      sqlite,
      `insert into event_invitees (event_id, customer_id, origin, status, created_at, updated_at)
       select ?, id, 'target', 'pending', ?, ? from temp.event_targets where reason is null order by id`,
    ).run(event.id, at, at).changes;
    return { ...preview, added };
  });
  return run.immediate();
}
