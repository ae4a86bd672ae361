import type { ChannelDef } from '../../contract/channel';
import type { ServiceContext } from '../context';
import { recordCardView } from './card-view-log';
import { maskPersonalOutput, recordsAt } from './mask-output';

/**
 * What the router sends back for a channel that declares personal fields: masked for a caller who may not see
 * them, and for a card, the view logged. The one place outputs pass through, so no transport (IPC, HTTP) can
 * receive a full value the caller may not see.
 */
export function privateOutput(ctx: ServiceContext, def: ChannelDef, data: unknown): unknown {
  const personal = def.personal;
  if (!personal) return data;
  if (personal.cardView && personal.spots[0]) {
    const customerId = recordsAt(data, personal.spots[0].at)[0]?.[personal.spots[0].customerId];
    if (typeof customerId === 'number') recordCardView(ctx, customerId);
  }
  return maskPersonalOutput(ctx, personal.spots, data);
}

/** An error's details (a stale save's conflict carries the current card) masked the same way. */
export function privateErrorDetails(ctx: ServiceContext, def: ChannelDef, details: unknown): unknown {
  const spots = def.personal?.errorSpots;
  return spots && details !== undefined ? maskPersonalOutput(ctx, spots, details) : details;
}
