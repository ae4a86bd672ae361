import type { NotificationRow } from '../../../electron/contract/notifications';

/** Where a notification's record opens; the contract names the record, the renderer knows the routes. */
export function notificationPath(n: Pick<NotificationRow, 'refType' | 'refId'>): string | null {
  if (n.refId === null) return null;
  switch (n.refType) {
    case 'complaint_ticket':
      return `/complaints/${n.refId}`;
    case 'event':
      return `/events/${n.refId}`;
    default:
      return null;
  }
}
