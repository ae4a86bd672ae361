import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { NotificationRow } from '../../../electron/contract/notifications';
import { useStoreDateTime } from '../pages/settings/use-store-date-time';
import { notificationPath } from './notification-route';
import { useMarkRead, useNotificationList, useUnreadCount } from './use-notifications';
import './notification-bell.css';

/** One line of the list: what happened, about what, when; unread ones marked. Click opens the record. */
function Item({ n, onOpen }: { n: NotificationRow; onOpen: (n: NotificationRow) => void }) {
  const { t } = useTranslation();
  const storeTime = useStoreDateTime();
  return (
    <li>
      <button
        type="button"
        className={`nb-item${n.readAt ? '' : ' is-unread'} nb-${n.kind}`}
        onClick={() => onOpen(n)}
        data-notification-kind={n.kind}
      >
        <span className="nb-item-head">
          <span className="nb-kind" title={t(`notifications.kinds.${n.kind}`)}>
            {t(`notifications.kindTags.${n.kind}`)}
          </span>
          <span className="nb-time">{storeTime(n.createdAt)}</span>
        </span>
        <span className="nb-title">{n.title}</span>
        {n.body && <span className="nb-body">{n.body}</span>}
      </button>
    </li>
  );
}

/** The header's bell: unread count (polled), the latest notifications, a click opens what they are about. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadCount();
  const list = useNotificationList(open);
  const markRead = useMarkRead();
  const count = unread.data?.unread ?? 0;
  const rows = (list.data?.rows ?? []).filter((n) => !unreadOnly || !n.readAt);

  const openItem = (n: NotificationRow) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    const path = notificationPath(n);
    setOpen(false);
    if (path) void navigate(path);
  };

  const content = (
    <div className="nb-panel" role="dialog" aria-label={t('notifications.title')}>
      <div className="nb-panel-head">
        <span className="nb-panel-title">{t('notifications.title')}</span>
        <label className="nb-unread-only">
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />{' '}
          {t('notifications.unreadOnly')}
        </label>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAll')}
        </Button>
      </div>
      {list.isPending ? (
        <div className="nb-loading">
          <Spin size="small" />
        </div>
      ) : list.isError ? (
        <Typography.Text type="danger" className="nb-error">
          {t('notifications.loadFailed')}
        </Typography.Text>
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="nb-list">
          {rows.map((n) => (
            <Item key={n.id} n={n} onOpen={openItem} />
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={content}
      arrow={false}
      classNames={{ root: 'nb-popover' }}
    >
      <button
        type="button"
        className="nb-trigger"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
        aria-haspopup="dialog"
        data-testid="notification-bell"
      >
        <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined className="nb-icon" />
        </Badge>
      </button>
    </Popover>
  );
}
