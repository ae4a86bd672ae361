import http from 'node:http';

/**
 * The benchmarks' HTTP client: node:http over keep-alive sockets. fetch (undici) adds about a millisecond of its
 * own per request on this machine, which would be timed as if it were the server's.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface ApiReply {
  ok: boolean;
  data?: unknown;
  error?: { kind: string; message: string };
}

function postOnce(url: string, body: string, token: string | null): Promise<ApiReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text) as ApiReply);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const staleSocket = (error: unknown) =>
  error instanceof Error &&
  /ECONNRESET|socket hang up|EPIPE/.test(`${(error as { code?: string }).code} ${error.message}`);

/**
 * POST /api/<channel>. While the bench runs seconds of synchronous raw SQL it cannot see the server close an idle
 * keep-alive socket; a request that meets such a socket fails before reaching the server and is sent once more.
 */
export async function postApi(
  baseUrl: string,
  channel: string,
  input: unknown,
  token: string | null,
): Promise<unknown> {
  const url = `${baseUrl}/api/${channel}`;
  const body = JSON.stringify(input);
  let reply: ApiReply;
  try {
    reply = await postOnce(url, body, token);
  } catch (error) {
    if (!staleSocket(error)) throw error;
    reply = await postOnce(url, body, token);
  }
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.data;
}
