import type { ChannelParsedInput } from '../../contract';
import { consentPurposeLabels } from '../../contract/consent';
import { AppError } from '../../contract/errors';
import type { SubjectRequestDetail } from '../../contract/subject-requests';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { recordConsentChange } from '../customers/consent-ledger';
import { changeState } from './request-service';
import { addEvent, readDetail, requireCurrent, requireOpen } from './request-store';

/**
 * A withdraw-consent request done from the desk: each purpose the person withdraws goes on the consent ledger
 * as theirs (source `request`, the request number as evidence) and takes effect at once — open call-backs of
 * that purpose are skipped — and the request closes, all in one transaction.
 */
export function withdrawConsent(
  ctx: AuthedContext,
  input: ChannelParsedInput<'subjectRequests.withdrawConsent'>,
): SubjectRequestDetail {
  const sqlite = ctx.db.$client;
  sqlite
    .transaction(() => {
      const r = requireCurrent(sqlite, input.id, input.version);
      requireOpen(r);
      if (r.kind !== 'withdraw_consent') {
        throw new AppError('conflict', '只有「撤回同意」请求可以在这里记录撤回');
      }
      for (const purpose of input.purposes) {
        recordConsentChange(ctx, {
          customerId: r.customerId,
          purpose,
          granted: false,
          channel: input.channel,
          evidence: `权利请求 #${r.id}`,
          source: 'request',
        });
      }
      const labels = input.purposes.map((p) => consentPurposeLabels[p]).join('、');
      addEvent(ctx, r.id, { action: 'consent', note: `已记录撤回同意：${labels}` });
      changeState(ctx, r, 'done', '撤回已生效');
    })
    .immediate();
  return readDetail(sqlite, input.id, localDate(ctx.clock()));
}
