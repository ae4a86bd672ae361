import type { loyaltyContract } from '../../contract/loyalty';
import type { Handlers } from '../../server/handler-types';
import { localDate } from '../clock';
import { adjustPoints, decideAdjustment, listAdjustments } from './adjustments';
import { runLoyaltyDaily } from './daily-pass';
import { getLoyaltySettings, updateLoyaltySettings } from './loyalty-settings';
import { ledgerPage, memberView } from './member-view';
import { readVoucher, redeem, vouchersOf } from './redemption';
import { cancelVoucher, useVoucher } from './voucher-close';
import { referralCodeOf, referralsOf, resolveReferralCode } from './referrals';
import { listRewards, saveReward } from './rewards';

export const loyaltyHandlers: Handlers<keyof typeof loyaltyContract> = {
  'loyalty.settings': getLoyaltySettings,
  'loyalty.updateSettings': (ctx, input) => updateLoyaltySettings(ctx, input),
  'loyalty.member': (ctx, input) => memberView(ctx.db.$client, input.customerId, localDate(ctx.clock())),
  'loyalty.ledger': (ctx, input) => ledgerPage(ctx.db.$client, input),
  'loyalty.adjust': (ctx, input) => adjustPoints(ctx, input),
  'loyalty.adjustments': (ctx, input) => listAdjustments(ctx.db.$client, input.state),
  'loyalty.approveAdjustment': (ctx, input) => decideAdjustment(ctx, input),
  'loyalty.rewards': (ctx, input) => listRewards(ctx.db.$client, input.includeInactive),
  'loyalty.saveReward': (ctx, input) => saveReward(ctx, input),
  'loyalty.redeem': (ctx, input) => redeem(ctx, input),
  'loyalty.vouchers': (ctx, input) => vouchersOf(ctx, input.customerId),
  'loyalty.voucher': (ctx, input) => readVoucher(ctx, input.redemptionId),
  'loyalty.useVoucher': (ctx, input) => useVoucher(ctx, input),
  'loyalty.cancelVoucher': (ctx, input) => cancelVoucher(ctx, input),
  'loyalty.referralCode': (ctx, input) => ({
    customerId: input.customerId,
    code: referralCodeOf(ctx.db.$client, input.customerId, ctx.clock().toISOString()),
  }),
  'loyalty.resolveCode': (ctx, input) => resolveReferralCode(ctx.db.$client, input.code),
  'loyalty.referrals': (ctx, input) => referralsOf(ctx.db.$client, input.customerId),
  'loyalty.runDaily': (ctx) =>
    runLoyaltyDaily(ctx.db.$client, { today: localDate(ctx.clock()), now: ctx.clock().toISOString() }),
};
