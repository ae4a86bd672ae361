import { z } from 'zod';
import { channel } from './channel';
import { id } from './fields';

/**
 * In-app notifications (the bell): one row per person and event, read or not. Generic: complaints write the
 * first kinds; other domains add theirs here. A notification points at its record (refType, refId) so a click
 * opens it; the renderer maps refType to a route.
 */
export const notificationKinds = [
  'complaint_routed',
  'complaint_warning',
  'complaint_breach',
  'complaint_customer_replied',
  'complaint_reopened',
  'complaint_approval',
  'event_summary_due',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationKindLabels: Record<NotificationKind, string> = {
  complaint_routed: '新投诉分派给您',
  complaint_warning: '投诉时限预警',
  complaint_breach: '投诉超时',
  complaint_customer_replied: '客户回复',
  complaint_reopened: '投诉重新打开',
  complaint_approval: '补偿待审批',
  event_summary_due: '活动总结待提交',
};

/** What a notification points at; the renderer opens `/complaints/<id>` for complaint_ticket, `/events/<id>` for event. */
export const notificationRefTypes = ['complaint_ticket', 'event'] as const;
export type NotificationRefType = (typeof notificationRefTypes)[number];

export const notificationRow = z.object({
  id: z.number(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string().nullable(),
  refType: z.enum(notificationRefTypes).nullable(),
  refId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationRow = z.infer<typeof notificationRow>;

export const notificationsContract = {
  'notifications.list': channel({
    summary: 'My notifications, newest first (unread only if asked), with the unread count',
    access: 'session',
    input: z.object({
      unreadOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(30),
      /** Older than this id (the next page). */
      beforeId: id.optional(),
    }),
    output: z.object({ rows: z.array(notificationRow), unread: z.number() }),
  }),
  'notifications.unreadCount': channel({
    summary: 'How many of my notifications are unread (the bell badge; polled)',
    access: 'session',
    input: z.object({}),
    output: z.object({ unread: z.number() }),
  }),
  'notifications.markRead': channel({
    touches: ['notifications'],
    summary: 'Mark some of my notifications read, or all of them',
    access: 'session',
    input: z.union([z.object({ ids: z.array(id).min(1).max(500) }), z.object({ all: z.literal(true) })]),
    output: z.object({ unread: z.number() }),
  }),
};
