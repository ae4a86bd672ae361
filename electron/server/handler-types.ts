import type { ChannelName, ChannelOutput, ChannelParsedInput, Contract } from '../contract';
import type { AuthedContext, ServiceContext } from '../domain/context';

/** A public channel may run without a user; every other handler is only reached with one. */
type ContextFor<C extends ChannelName> = Contract[C]['access'] extends 'public'
  ? ServiceContext
  : AuthedContext;

export type Handler<C extends ChannelName> = (
  ctx: ContextFor<C>,
  input: ChannelParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers<Names extends ChannelName> = { [C in Names]: Handler<C> };
