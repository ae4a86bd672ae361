import type { z } from 'zod';
import type { PersonalField } from '../common/personal-mask';
import type { LiveTopic } from './live-topics';
import type { Access } from './permissions';

/**
 * A field of an output record that holds a personal value (PIPL): the mask it takes, and, for a field that
 * only sometimes holds one (a search hit's matched text), when: another property of the record names it.
 */
export type PersonalFieldMask =
  PersonalField | { mask: PersonalField; when: { field: string; in: readonly string[] } };

/** Records of one customer in a channel's output, and which of their fields are personal. */
export interface PersonalSpot {
  /**
   * Path from the output to the records: '' the output itself, 'customer' a property, 'rows[]' each element of
   * an array, 'pairs[].a' a property of each element. A null or missing step means nothing there to mask.
   */
  at: string;
  /** The record's property holding the customer's id: record scope decides per customer. */
  customerId: string;
  fields: Readonly<Record<string, PersonalFieldMask>>;
}

/**
 * Where a channel returns customers' personal data. The router masks exactly these for a caller who may not
 * see them (electron/domain/privacy); test/api/personal-masking.test.ts fails when an output schema has a
 * personal field name outside these spots, so a new channel cannot forget to declare one.
 */
export interface PersonalOutput {
  spots: readonly PersonalSpot[];
  /** Error details that carry a card (a stale save's conflict shows the current one), masked the same way. */
  errorSpots?: readonly PersonalSpot[];
  /**
   * Opening this channel is viewing the customer's card: logged as customer.viewed, at most once per user,
   * customer and hour (lists and search are not logged). The customer is the first spot's record.
   */
  cardView?: boolean;
}

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** One line for the contract listing and the docs. */
  summary: string;
  /** Personal fields in the output; absent when there are none. */
  personal?: PersonalOutput;
  /** What a successful call changes: published to every client's live-change stream. Reads declare none. */
  touches?: readonly LiveTopic[];
  /**
   * The customers whose records a successful call changed, when that is all it changed of every topic it
   * touches (a call recorded: that customer's card, tasks and timeline): other customers' open cards do not
   * refetch. Absent: the topics changed wholesale. A function of the validated input and the service's
   * result, so domain code stays transport-free; a null or undefined entry is ignored.
   */
  // A method, not a function property: a channel's entry must stay assignable to the general ChannelDef.
  changedCustomers?(input: z.output<I>, output: z.output<O>): readonly (number | null | undefined)[];
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

/** The five personal fields of a customer record under their own names: cards, the call panel's customer. */
export function personalSpot(at: string, fields: readonly PersonalField[], customerId = 'id'): PersonalSpot {
  return { at, customerId, fields: Object.fromEntries(fields.map((f) => [f, f])) };
}
