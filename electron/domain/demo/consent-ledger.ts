import type { ConsentChannel, ConsentPurpose } from '../../contract/consent';
import { isoDay, timestamp } from './calendar';
import type { DemoContext } from './demo-context';
import { businessMinute } from './demo-context';
import type { Rng } from './rng';

/** One answer as the customer first gave it (at delivery, or on a lead form). */
export interface ConsentDraft {
  purpose: ConsentPurpose;
  granted: boolean;
  day: number;
  channel: ConsentChannel;
}

/** Who records consent at the store: the sales consultants at delivery, the call-back desk later. */
const consultants = ['周婷', '王佳怡', '陈浩', '刘思敏', '黄志刚', '吴倩'];
const callDesk = ['李娜', '张敏', '林晓丹'];

/** Share of customers who said yes to marketing and later took it back (a call, a WeChat message). */
const marketingWithdrawal = 0.14;
/** A withdrawal comes at least this long after the yes. */
const withdrawalAfterDays = 30;

function evidenceFor(rng: Rng, channel: ConsentChannel, day: number): string | null {
  const ymd = isoDay(day).replace(/-/g, '');
  switch (channel) {
    case 'paper':
      return `纸质授权书 SQ-${ymd.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
    case 'phone':
      return `通话录音 REC-${ymd}-${String(rng.int(1, 999)).padStart(3, '0')}`;
    case 'wechat':
      return `微信聊天截图 ${ymd}`;
    case 'app':
      return `App 勾选记录 ${ymd}`;
    default:
      return rng.chance(0.5) ? `交车确认单 JC-${ymd}-${String(rng.int(1, 99)).padStart(2, '0')}` : null;
  }
}

/**
 * Writes the customer's consent ledger and current answers: each first answer as a history row, and for some
 * who said yes to marketing a later withdrawal, which becomes the current answer. Draws from its own random
 * stream (ctx.ledgerRng), so the rest of the demo data is the same as before the ledger existed.
 */
export function writeConsents(ctx: DemoContext, customerId: number, drafts: readonly ConsentDraft[]): void {
  const { rng, ledgerRng: lr, ins } = ctx;
  let formAt: string | null = null;
  for (const c of drafts) {
    // One draw from the main stream per consent, as before the ledger; event invitations were added with it
    // and are a box on the same form as the others, so they share its moment and draw nothing from it.
    const at: string =
      c.purpose === 'events' && formAt !== null
        ? formAt
        : timestamp(c.day, businessMinute(c.purpose === 'events' ? lr : rng));
    formAt = at;
    const recorder = lr.pick(consultants);
    ins.consentHistory.run(
      customerId,
      c.purpose,
      c.granted ? 1 : 0,
      at,
      c.channel,
      evidenceFor(lr, c.channel, c.day),
      recorder,
    );
    const withdrawFrom = c.day + withdrawalAfterDays;
    if (
      c.purpose === 'marketing' &&
      c.granted &&
      withdrawFrom <= ctx.lastDay &&
      lr.chance(marketingWithdrawal)
    ) {
      const day = lr.int(withdrawFrom, ctx.lastDay);
      const channel: ConsentChannel = lr.chance(0.7) ? 'phone' : 'wechat';
      const withdrawnAt = timestamp(day, businessMinute(lr));
      ins.consentHistory.run(
        customerId,
        c.purpose,
        0,
        withdrawnAt,
        channel,
        evidenceFor(lr, channel, day),
        lr.pick(callDesk),
      );
      ins.consent.run(customerId, c.purpose, 0, withdrawnAt, channel);
      continue;
    }
    ins.consent.run(customerId, c.purpose, c.granted ? 1 : 0, at, c.channel);
  }
}
