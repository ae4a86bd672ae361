import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { ServiceContext } from '../context';
import { generateDemo } from '../demo/generate-demo';
import { appVersion } from './app-version';

export function systemInfo(ctx: ServiceContext): ChannelOutput<'system.info'> {
  const { n } = ctx.db.$client.prepare('select count(*) as n from customers').get() as { n: number };
  return { version: appVersion, customerCount: n, empty: n === 0 };
}

/** The first-run button: only an empty database gets demo data, so real records are never mixed in. */
export function generateDemoOnEmpty(
  ctx: ServiceContext,
  input: ChannelParsedInput<'demo.generate'>,
): ChannelOutput<'demo.generate'> {
  return generateDemo(ctx.db, { scale: input.scale, seed: input.seed, now: ctx.clock() });
}
