import { useQuery } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import {
  loyaltyTierLabels,
  referralCodeAlphabet,
  referralCodeLength,
} from '../../../../electron/contract/loyalty-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';

type Resolved = ChannelOutput<'loyalty.resolveCode'>;

/** What a typed code can be: upper case, only the code alphabet (a mistyped 0 or O simply does not appear). */
const allowed = new RegExp(`[^${referralCodeAlphabet}]`, 'g');
const normalise = (raw: string) => raw.toUpperCase().replace(allowed, '').slice(0, referralCodeLength);

interface ReferralCodeInputProps {
  /** The member the code belongs to, once found: the form sets them as the referrer. */
  onResolved: (referrer: { id: number; name: string }) => void;
}

/**
 * 推荐码: the member's code, looked up as soon as it is complete; the referrer's masked name (张**) and tier
 * confirm it, and the referrer field is filled in. Not a field of the card — what is saved is the referrer.
 */
export function ReferralCodeInput({ onResolved }: ReferralCodeInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const complete = code.length === referralCodeLength;
  const found = useQuery<Resolved>({
    queryKey: ['loyalty', 'resolveCode', code],
    queryFn: () => api.call('loyalty.resolveCode', { code }),
    enabled: complete,
    retry: false,
    staleTime: 60_000,
  });
  const resolved = complete ? found.data : undefined;
  useEffect(() => {
    if (resolved) onResolved({ id: resolved.customerId, name: resolved.maskedName });
    // Only when another member is found: the callback is a new function on every render of the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resolved?.customerId]);

  const failed = complete && found.isError;
  const help = failed
    ? errorMessage(found.error)
    : resolved
      ? t('customerForm.referralCodeFound', {
          name: resolved.maskedName,
          tier: loyaltyTierLabels[resolved.tier],
        })
      : code.length > 0 && !complete
        ? t('customerForm.referralCodeLength', { length: referralCodeLength })
        : t('customerForm.referralCodeHint');
  return (
    <Form.Item
      label={t('customerForm.referralCode')}
      htmlFor={id}
      validateStatus={failed ? 'error' : resolved ? 'success' : complete ? 'validating' : undefined}
      hasFeedback={complete}
      help={help}
      className="referral-code-item"
    >
      <Input
        id={id}
        value={code}
        onChange={(e) => setCode(normalise(e.target.value))}
        maxLength={referralCodeLength}
        placeholder="7KQ2MX"
        autoComplete="off"
        spellCheck={false}
        style={{ fontFamily: 'monospace', letterSpacing: 2 }}
      />
    </Form.Item>
  );
}
