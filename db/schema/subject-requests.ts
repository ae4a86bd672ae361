import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type {
  IdentityCheck,
  SubjectRequestChannel,
  SubjectRequestEventAction,
  SubjectRequestKind,
  SubjectRequestState,
} from '../../electron/contract/subject-requests';
import { customers } from './customers';
import { users } from './users';

/**
 * 个人信息权利请求 (PIPL arts. 44–50): a person asks to see/copy, correct or delete their data, or to withdraw
 * consent. The request stays after it is handled — including after the person's card is anonymised — as the
 * store's proof that it answered, and in time.
 */
export const subjectRequests = sqliteTable(
  'subject_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind').$type<SubjectRequestKind>().notNull(),
    channel: text('channel').$type<SubjectRequestChannel>().notNull(),
    /** How the requester was confirmed to be the person (or their agent). */
    identityCheck: text('identity_check').$type<IdentityCheck>().notNull(),
    identityNote: text('identity_note'),
    /** Store calendar dates, YYYY-MM-DD. */
    receivedOn: text('received_on').notNull(),
    deadline: text('deadline').notNull(),
    state: text('state').$type<SubjectRequestState>().notNull().default('open'),
    /** Required when refused (PIPL art. 50: a refusal must give its reason). */
    refusalReason: text('refusal_reason'),
    handlerUserId: integer('handler_user_id').references(() => users.id),
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    closedAt: text('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // The desk lists open work by deadline.
    index('subject_requests_state_deadline_idx').on(t.state, t.deadline),
    index('subject_requests_customer_idx').on(t.customerId),
  ],
);

/** What happened to a request, in order: created, state changes, deadline moves, package produced, erasure. */
export const subjectRequestEvents = sqliteTable(
  'subject_request_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => subjectRequests.id),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    /** The staff member's display name then (users can be renamed). */
    userName: text('user_name'),
    action: text('action').$type<SubjectRequestEventAction>().notNull(),
    fromState: text('from_state').$type<SubjectRequestState>(),
    toState: text('to_state').$type<SubjectRequestState>(),
    note: text('note'),
  },
  (t) => [index('subject_request_events_request_idx').on(t.requestId, t.id)],
);

/**
 * Cards anonymised on a person's request: the survivor and every card merged into it. Merges, edits and the
 * request desk read it to refuse what would bring an identity back onto an erased card.
 */
export const customerErasures = sqliteTable('customer_erasures', {
  customerId: integer('customer_id')
    .primaryKey()
    .references(() => customers.id),
  requestId: integer('request_id')
    .notNull()
    .references(() => subjectRequests.id),
  erasedAt: text('erased_at').notNull(),
  erasedBy: integer('erased_by').references(() => users.id),
});
