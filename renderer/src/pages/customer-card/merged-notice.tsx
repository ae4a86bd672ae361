import { Alert } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { mergedIntoDetails } from '../../../../electron/contract/customers';
import { ApiCallError } from '../../api';

/** Carried to the surviving card when an old link of a merged-away customer was opened. */
interface MergedFromState {
  mergedFrom: { id: number; message: string };
}

function mergedFrom(state: unknown): MergedFromState['mergedFrom'] | null {
  const m = (state as Partial<MergedFromState> | null)?.mergedFrom;
  return m && typeof m.id === 'number' && typeof m.message === 'string' ? m : null;
}

/**
 * An old link (a bookmark, a pasted address, a call-back note) to a customer merged into another: main answers
 * not_found naming the survivor, and the card opens the survivor in its place, saying so. Replacing the history
 * entry keeps Back from bouncing through the old address.
 */
export function useMergedRedirect(id: number, error: unknown): boolean {
  const navigate = useNavigate();
  const survivor =
    error instanceof ApiCallError && error.kind === 'not_found'
      ? mergedIntoDetails.safeParse(error.details)
      : null;
  const target = survivor?.success ? survivor.data.mergedInto.id : null;
  const message = error instanceof Error ? error.message : '';
  useEffect(() => {
    if (target === null) return;
    const state: MergedFromState = { mergedFrom: { id, message } };
    void navigate(`/customers/${target}`, { replace: true, state });
  }, [target, id, message, navigate]);
  return target !== null;
}

/** The notice on the surviving card, until the user closes it or leaves. */
export function MergedNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const from = mergedFrom(location.state);
  if (!from) return null;
  return (
    <Alert
      className="card-merged-notice"
      type="info"
      showIcon
      message={from.message}
      description={t('card.mergedNoticeHint', { id: from.id })}
      closable
      onClose={() => void navigate(location, { replace: true, state: null })}
    />
  );
}
