import type Database from 'better-sqlite3';
import { maskIdNumber } from '../../common/id-number';
import { maskMobile } from '../../common/mobile';
import { formatPlate } from '../../common/plate';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { DuplicatePair, DuplicateScanReason } from '../../contract/duplicates';
import { duplicateScanReasons } from '../../contract/duplicates';
import { AppError } from '../../contract/errors';
import type { ServiceContext } from '../context';
import type { CandidatePair } from './scan-queries';
import { findCandidatePairs } from './scan-queries';
import { closenessText, likenessText, nameLikeness, phoneCloseness } from './similarity';

type Input = ChannelParsedInput<'customers.duplicateScan'>;
type Output = ChannelOutput<'customers.duplicateScan'>;

interface ScoredPair {
  a: number;
  b: number;
  score: number;
  reasons: { reason: DuplicateScanReason; message: string }[];
}

interface ScanResult {
  scannedAt: string;
  scannedAtMs: number;
  pairs: ScoredPair[];
}

const weight: Record<DuplicateScanReason, number> = {
  same_id_number: 100,
  same_mobile: 80,
  same_plate: 60,
  similar_name_phone: 50,
  same_name_birthday: 40,
};

/**
 * A whole-base scan takes a second or two at 200k customers, so its result is kept for paging. Merges drop it
 * (see forgetDuplicateScan); otherwise it is scanned again after a few minutes or on request.
 */
const cacheMs = 5 * 60_000;
const cache = new WeakMap<Database.Database, ScanResult>();

export function forgetDuplicateScan(db: Database.Database): void {
  cache.delete(db);
}

function evidence(p: CandidatePair): { reason: DuplicateScanReason; message: string } | null {
  switch (p.reason) {
    case 'same_mobile':
      return { reason: p.reason, message: `手机号 ${maskMobile(p.key)} 相同` };
    case 'same_id_number':
      return { reason: p.reason, message: `身份证号 ${maskIdNumber(p.key)} 相同` };
    case 'same_name_birthday':
      return { reason: p.reason, message: `姓名和生日（${p.key}）相同` };
    case 'same_plate':
      return { reason: p.reason, message: `名下车辆车牌 ${formatPlate(p.key)} 相同` };
    case 'similar_name_phone': {
      const closeness = phoneCloseness(p.phoneA ?? '', p.phoneB ?? '');
      const likeness = nameLikeness(
        { name: p.nameA ?? '', pinyin: p.key },
        { name: p.nameB ?? '', pinyin: p.key },
      );
      if (!closeness || !likeness) return null;
      return {
        reason: p.reason,
        message: `${likenessText[likeness]}，手机号${closenessText[closeness]}（${maskMobile(p.phoneA ?? '')} / ${maskMobile(p.phoneB ?? '')}）`,
      };
    }
  }
}

function scan(db: Database.Database, now: Date): ScanResult {
  const byPair = new Map<string, ScoredPair>();
  for (const candidate of findCandidatePairs(db, duplicateScanReasons)) {
    const found = evidence(candidate);
    if (!found) continue;
    const id = `${candidate.a}:${candidate.b}`;
    let pair = byPair.get(id);
    if (!pair) byPair.set(id, (pair = { a: candidate.a, b: candidate.b, score: 0, reasons: [] }));
    // The blocking joins can find the same close phones twice; one line per reason and message is enough.
    if (pair.reasons.some((r) => r.message === found.message)) continue;
    if (!pair.reasons.some((r) => r.reason === found.reason)) pair.score += weight[found.reason];
    pair.reasons.push(found);
  }
  const pairs = [...byPair.values()];
  for (const p of pairs) p.reasons.sort((x, y) => weight[y.reason] - weight[x.reason]);
  pairs.sort(comparePairs);
  return { scannedAt: now.toISOString(), scannedAtMs: now.getTime(), pairs };
}

function comparePairs(
  x: { score: number; a: number; b: number },
  y: { score: number; a: number; b: number },
): number {
  return y.score - x.score || x.a - y.a || x.b - y.b;
}

interface ScanCursor {
  score: number;
  a: number;
  b: number;
}

function decodeScanCursor(raw: string): ScanCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString()) as ScanCursor;
    if (![c.score, c.a, c.b].every((n) => typeof n === 'number')) throw new Error('shape');
    return c;
  } catch {
    throw new AppError('validation', '分页位置无效，请重新扫描');
  }
}

const summarySql = `select c.id, c.name, c.mobile, c.district, c.stage, c.last_visit_at as lastVisitAt,
    c.created_at as createdAt, (select count(*) from vehicles v where v.owner_id = c.id) as vehicleCount
  from customers c where c.id = ? and c.merged_into_id is null`;

/** Likely duplicate pairs, strongest evidence first, keyset-paged by (score, a, b). */
export function duplicateScan(ctx: ServiceContext, input: Input): Output {
  const db = ctx.db.$client;
  const now = ctx.clock();
  let result = cache.get(db);
  if (
    !result ||
    input.refresh ||
    now.getTime() - result.scannedAtMs > cacheMs ||
    now.getTime() < result.scannedAtMs
  ) {
    result = scan(db, now);
    cache.set(db, result);
  }
  const wanted = input.reasons?.length ? new Set(input.reasons) : null;
  const matching = wanted
    ? result.pairs.filter((p) => p.reasons.some((r) => wanted.has(r.reason)))
    : result.pairs;
  const after = input.cursor ? decodeScanCursor(input.cursor) : null;
  const start = after ? matching.findIndex((p) => comparePairs(p, after) > 0) : 0;
  const rest = start < 0 ? [] : matching.slice(start);

  const summary = db.prepare(summarySql);
  const pairs: DuplicatePair[] = [];
  let last: ScoredPair | null = null;
  let i = 0;
  for (; i < rest.length && pairs.length < input.limit; i++) {
    const p = rest[i]!;
    last = p;
    const a = summary.get(p.a) as DuplicatePair['a'] | undefined;
    const b = summary.get(p.b) as DuplicatePair['b'] | undefined;
    // Merged (or otherwise gone) since the scan: skip rather than offer a pair that no longer exists.
    if (a && b) pairs.push({ a, b, reasons: p.reasons, score: p.score });
  }
  const nextCursor =
    last && i < rest.length
      ? Buffer.from(JSON.stringify({ score: last.score, a: last.a, b: last.b })).toString('base64url')
      : null;
  return { pairs, total: matching.length, nextCursor, scannedAt: result.scannedAt };
}
