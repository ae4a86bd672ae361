import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventStatus, InviteeStatus } from '../../../../electron/contract/event-terms';

const statusColors: Record<EventStatus, string> = {
  draft: 'default',
  approved: 'blue',
  inviting: 'processing',
  running: 'orange',
  done: 'cyan',
  summarised: 'green',
  cancelled: 'red',
};

export function EventStatusTag({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} bordered={false} className="ev-status-tag">
      {t(`events.statuses.${status}`)}
    </Tag>
  );
}

const inviteeColors: Record<InviteeStatus, string> = {
  pending: 'default',
  undecided: 'gold',
  unreachable: 'default',
  declined: 'volcano',
  accepted: 'blue',
  waitlisted: 'purple',
  confirmed: 'cyan',
  cancelled: 'red',
  checked_in: 'green',
  no_show: 'magenta',
};

export function InviteeStatusTag({ status }: { status: InviteeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={inviteeColors[status]} bordered={false}>
      {t(`events.inviteeStatuses.${status}`)}
    </Tag>
  );
}
