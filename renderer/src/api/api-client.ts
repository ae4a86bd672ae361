import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import type { ApiErrorBody, ErrorKind } from '../../../electron/contract/errors';
import type { ApiTransport, CallOptions } from './transport';
import { recentlyActive } from './user-activity';

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
  /** `background` defaults to "nobody has used the screen for a minute" (user-activity.ts). */
  call<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    options?: CallOptions,
  ): Promise<ChannelOutput<C>>;
  /** The error says why when main knows (details.reason 'idle' or 'expired'). */
  onUnauthenticated(listener: (error: ApiErrorBody) => void): () => void;
}

/** The typed facade: channel names and payload types come straight from the contract. */
export function createApiClient(transport: ApiTransport): ApiClient {
  const listeners = new Set<(error: ApiErrorBody) => void>();
  return {
    async call(channel, input, options) {
      const background = options?.background ?? !recentlyActive();
      const result = await transport.invoke(channel, input, { background });
      if (result.ok) return result.data as ChannelOutput<typeof channel>;
      if (result.error.kind === 'unauthenticated' && channel !== 'auth.login') {
        const error = result.error;
        listeners.forEach((l) => l(error));
      }
      throw new ApiCallError(result.error);
    },
    onUnauthenticated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
