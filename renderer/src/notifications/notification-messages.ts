import { notificationKindLabels } from '../../../electron/contract/notifications';

/** The bell's strings, mounted under `notifications` in the shared locale files. Kinds come from the contract. */
export const notificationsZhCN = {
  bell: '消息通知',
  bellUnread: '消息通知，{{count}} 条未读',
  title: '消息通知',
  markAll: '全部标为已读',
  empty: '暂无消息',
  unreadOnly: '只看未读',
  loadFailed: '消息加载失败',
  kinds: notificationKindLabels,
  /** The tag on each line (the title main writes says the rest). */
  kindTags: {
    complaint_routed: '分派',
    complaint_warning: '预警',
    complaint_breach: '超时',
    complaint_customer_replied: '客户回复',
    complaint_reopened: '重新打开',
    complaint_approval: '待审批',
    event_summary_due: '活动总结',
  },
};

export type NotificationsMessages = typeof notificationsZhCN;

export const notificationsEn: NotificationsMessages = {
  bell: 'Notifications',
  bellUnread: 'Notifications, {{count}} unread',
  title: 'Notifications',
  markAll: 'Mark all read',
  empty: 'No notifications',
  unreadOnly: 'Unread only',
  loadFailed: 'Could not load notifications',
  kinds: {
    complaint_routed: 'Complaint routed to you',
    complaint_warning: 'Complaint deadline warning',
    complaint_breach: 'Complaint deadline breached',
    complaint_customer_replied: 'Customer replied',
    complaint_reopened: 'Complaint reopened',
    complaint_approval: 'Compensation awaiting approval',
    event_summary_due: 'Event summary due',
  },
  kindTags: {
    complaint_routed: 'Routed',
    complaint_warning: 'Warning',
    complaint_breach: 'Breached',
    complaint_customer_replied: 'Reply',
    complaint_reopened: 'Reopened',
    complaint_approval: 'Approval',
    event_summary_due: 'Summary',
  },
};
