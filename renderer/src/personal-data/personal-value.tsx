import { EyeOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonalField } from '../../../electron/common/personal-mask';
import { isMaskedValue } from '../../../electron/contract/personal-data';
import { api } from '../api';
import { errorMessage } from '../forms/apply-server-errors';
import { RevealReasonModal } from './reveal-reason-modal';
import { useRevealed } from './reveal-scope';
import './personal-value.css';

interface PersonalValueProps {
  customerId: number;
  field: PersonalField;
  /** As main sent it: masked unless this user may see it in full. */
  value: string | null;
  /** The call-back task being worked: reveals at once, the task being the reason (the call screen). */
  taskId?: number;
  mono?: boolean;
  /** Offer to copy the value once it is shown in full (never a mask). */
  copyable?: boolean;
  className?: string;
  /** Just the eye, with 查看 as its tooltip: for narrow two-column lists (the card's profile). */
  compact?: boolean;
}

/**
 * A personal value as main allows this user to see it. A masked one gets a small 查看 action: with a reason
 * (asked for) or the call being worked, main returns the full value and logs the reveal. The full value lives
 * in the view's state only (reveal-scope.tsx), never in the query cache.
 */
export function PersonalValue({
  customerId,
  field,
  value,
  taskId,
  mono,
  copyable,
  className,
  compact,
}: PersonalValueProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [revealed, setRevealed] = useRevealed(customerId, field);
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  if (value === null || value === '') return null;

  const masked = isMaskedValue(value);
  const shown = masked && revealed ? (revealed.value ?? '') : value;
  const classes = ['pv', mono ? 'cell-mono' : '', className ?? ''].filter(Boolean).join(' ');

  const reveal = async (reason?: string) => {
    setPending(true);
    try {
      const r = await api.call('customers.reveal', {
        customerId,
        field,
        ...(taskId !== undefined && reason === undefined ? { taskId } : { reason }),
      });
      setRevealed({ value: r.value, reason: r.reason });
      setAsking(false);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  // A mask is never offered for copying: it would be pasted somewhere as if it were the number.
  const text = (
    <Typography.Text
      className={classes}
      copyable={
        copyable && (!masked || revealed)
          ? { text: shown, tooltips: [t('personalData.copy'), t('personalData.copied')] }
          : false
      }
    >
      {shown}
    </Typography.Text>
  );

  if (!masked) return text;
  if (revealed)
    return (
      <Tooltip
        title={
          taskId !== undefined
            ? t('personalData.revealedByTask', { reason: revealed.reason })
            : t('personalData.revealed')
        }
      >
        <span className="pv-revealed">{text}</span>
      </Tooltip>
    );
  const fieldName = t(`personalData.fields.${field}`);
  const button = (
    <Button
      type="link"
      size="small"
      className={compact ? 'pv-reveal is-compact' : 'pv-reveal'}
      icon={<EyeOutlined />}
      loading={pending}
      aria-label={t('personalData.revealAria', { field: fieldName })}
      onClick={() => (taskId !== undefined ? void reveal() : setAsking(true))}
    >
      {compact ? null : t('personalData.reveal')}
    </Button>
  );
  return (
    <span className="pv-masked">
      {text}
      {compact ? <Tooltip title={t('personalData.reveal')}>{button}</Tooltip> : button}
      {asking && (
        <RevealReasonModal
          field={field}
          masked={value}
          pending={pending}
          onOk={(reason) => void reveal(reason)}
          onCancel={() => setAsking(false)}
        />
      )}
    </span>
  );
}
