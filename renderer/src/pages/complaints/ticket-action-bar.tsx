import {
  AlertOutlined,
  AuditOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileSearchOutlined,
  MessageOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  SendOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../electron/contract/complaints';
import { closableStates, pausableStates } from '../../../../electron/contract/complaints';
import type { TicketAction } from './ticket-action-modals';

/** Actions of the whole ticket; a solution's approval and answer sit on the solution itself. */
type BarAction = Exclude<TicketAction['kind'], 'answer' | 'approve'>;

interface Item {
  action: BarAction;
  icon: ReactNode;
  primary?: boolean;
  danger?: boolean;
  key?: string;
}

/**
 * What can be done with the ticket now, in the order the flow asks for it: the next step is the blue button.
 * Offered from the state and main's `can` (main checks again); nothing is shown that main would refuse.
 */
export function ticketActions(ticket: TicketDetail): Item[] {
  const s = ticket.state;
  const items: Item[] = [];
  if (ticket.can.handle && s !== 'closed') {
    if (s === 'received') items.push({ action: 'respond', icon: <SendOutlined />, primary: true, key: 'R' });
    if (s === 'paused') items.push({ action: 'resume', icon: <PlayCircleOutlined />, primary: true });
    const canPropose = s === 'handling' || s === 'proposed';
    if (canPropose)
      items.push({ action: 'propose', icon: <FileSearchOutlined />, primary: s === 'handling' });
    if ((closableStates as readonly string[]).includes(s))
      items.push({ action: 'close', icon: <CheckCircleOutlined />, primary: s === 'agreed' });
    items.push({ action: 'contact', icon: <MessageOutlined />, key: 'C' });
    items.push({ action: 'edit', icon: <EditOutlined />, key: 'E' });
    items.push({ action: 'route', icon: <UserSwitchOutlined /> });
    items.push({ action: 'regrade', icon: <AlertOutlined /> });
    if ((pausableStates as readonly string[]).includes(s))
      items.push({ action: 'pause', icon: <PauseCircleOutlined /> });
  }
  if (s === 'closed' && ticket.can.handle)
    items.push({ action: 'contact', icon: <MessageOutlined />, key: 'C' });
  if (ticket.reviewRequired && ticket.can.review && s === 'closed')
    items.push({ action: 'review', icon: <AuditOutlined />, primary: !ticket.review });
  if (s === 'closed' && ticket.can.reopen)
    items.push({ action: 'reopen', icon: <RedoOutlined />, danger: true });
  return items;
}

export function TicketActionBar({
  ticket,
  onAction,
}: {
  ticket: TicketDetail;
  onAction: (a: TicketAction) => void;
}) {
  const { t } = useTranslation();
  const items = ticketActions(ticket);
  if (items.length === 0) {
    return <div className="cp-action-bar cp-action-none">{t('complaints.actions.noneForYou')}</div>;
  }
  return (
    <Space wrap className="cp-action-bar" role="toolbar" aria-label={t('complaints.actions.toolbar')}>
      {items.map((i) => (
        <Tooltip key={i.action} title={i.key ? t('complaints.actions.shortcut', { key: i.key }) : undefined}>
          <Button
            type={i.primary ? 'primary' : 'default'}
            danger={i.danger}
            icon={i.icon}
            onClick={() => onAction({ kind: i.action } as TicketAction)}
            aria-keyshortcuts={i.key}
          >
            {t(`complaints.actions.${i.action}.button`)}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}
