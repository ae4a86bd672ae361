import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth';
import { callbackKeys } from '../callbacks/callback-keys';
import type { TicketSource } from './new-ticket-drawer';
import { NewTicketDrawer } from './new-ticket-drawer';
import type { TicketVehicle } from './ticket-form-fields';

interface RaiseComplaintButtonProps {
  /** From a card: the customer and their cars. */
  customer?: { id: number; name: string; vehicles: TicketVehicle[] };
  /** From a call: the call that raised it, or the dissatisfied follow-up task. */
  source?: TicketSource;
  label?: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}

/**
 * 登记投诉 wherever a complaint comes up (card, call, follow-up task): the button and its drawer in one. Shown
 * only to those who may raise one; afterwards those who work tickets land on the new ticket.
 */
export function RaiseComplaintButton({ customer, source, label, size, type }: RaiseComplaintButtonProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  if (!can('complaints.raise')) return null;
  return (
    <>
      <Button
        icon={<ExclamationCircleOutlined />}
        size={size}
        type={type}
        onClick={() => setOpen(true)}
        data-testid="raise-complaint"
      >
        {label ?? t('complaints.create')}
      </Button>
      <NewTicketDrawer
        open={open}
        onClose={() => setOpen(false)}
        customer={customer ?? null}
        source={source ?? null}
        onCreated={(ticket) => {
          // A ticket from a follow-up task completes that task in main: the call screen reads its call again.
          if (source) void queryClient.invalidateQueries({ queryKey: callbackKeys.all });
          if (can('complaints.work')) void navigate(`/complaints/${ticket.id}`);
        }}
      />
    </>
  );
}
