import { z } from 'zod';
import { contract } from '../contract';

export interface ChannelListing {
  channel: string;
  summary: string;
  access: string;
  input: unknown;
  output: unknown;
  /** Where the output carries personal data, masked for callers who may not see it (null: none). */
  personal: unknown;
}

/** The contract as JSON Schema: what `GET /api/contract` serves to other workstations and tools. */
export function contractListing(): ChannelListing[] {
  return Object.entries(contract).map(([channel, def]) => ({
    channel,
    summary: def.summary,
    access: def.access,
    input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
    personal: 'personal' in def && def.personal ? def.personal : null,
  }));
}
