import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import type { ApiErrorBody, ErrorKind } from '../../../electron/contract/errors';
import type { ApiTransport } from './transport';

export class ApiCallError extends Error {
  readonly kind: ErrorKind;
  readonly details: unknown;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.kind = body.kind;
    this.details = body.details;
  }

  /** Per-field messages from a validation error, for the form. */
  get fieldErrors(): Record<string, string> {
    const d = this.details as { fields?: Record<string, string> } | undefined;
    return d?.fields ?? {};
  }
}

export interface ApiClient {
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  onUnauthenticated(listener: () => void): () => void;
}

/** The typed facade: channel names and payload types come straight from the contract. */
export function createApiClient(transport: ApiTransport): ApiClient {
  const listeners = new Set<() => void>();
  return {
    async call(channel, input) {
      const result = await transport.invoke(channel, input);
      if (result.ok) return result.data as ChannelOutput<typeof channel>;
      if (result.error.kind === 'unauthenticated' && channel !== 'auth.login') listeners.forEach((l) => l());
      throw new ApiCallError(result.error);
    },
    onUnauthenticated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
