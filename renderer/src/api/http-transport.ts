import type { Envelope } from '../../../electron/contract/errors';
import { markReachable, markUnreachable, unreachableMessage } from './connection-state';
import type { ApiTransport } from './transport';

/** Browser transport: the session lives in an httpOnly cookie, so this code never sees a token. */
export function createHttpTransport(baseUrl = ''): ApiTransport {
  return {
    async invoke(channel, input, options) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/${channel}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/json',
            'x-dealer-client': 'browser',
            ...(options?.background ? { 'x-dealer-background': '1' } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        markUnreachable();
        return {
          ok: false,
          error: { kind: 'internal', message: unreachableMessage, details: { reason: 'unreachable' } },
        };
      }
      markReachable();
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return {
          ok: false,
          error: { kind: 'internal', message: `服务器返回了无法识别的响应（${response.status}）` },
        };
      }
    },
  };
}
