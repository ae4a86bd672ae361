import fs from 'node:fs';
import path from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ChannelName } from '../contract';
import { contract } from '../contract';
import { defaultErrorMessages, httpStatusOfKind } from '../contract/errors';
import { appVersion } from '../domain/system/app-version';
import type { ChangeBus } from './change-bus';
import { serveChangeStream } from './change-stream';
import { contractListing } from './contract-listing';
import { bodyTooLargeMessage, maxBodyBytesOf } from './body-limits';
import type { RateLimiter } from './host/rate-limit';
import { isLoopback } from './host/rate-limit';
import { workstationClient } from './host/workstation-name';
import { checkJsonContentType, checkSameOrigin } from './request-guard';
import type { Router } from './router';
import { contentSecurityPolicy } from './security-headers';

export const sessionCookie = 'dealer_crm_session';

export interface HttpAppOptions {
  router: Router;
  /** Built renderer (index.html + assets); omitted for API-only servers in tests. */
  staticDir?: string;
  /** Allows the cookie without `Secure` over plain http on the LAN. */
  secureCookie?: boolean;
  /** The app's change bus: serves the live-change stream at GET /api/changes when given. */
  changes?: ChangeBus;
  /** Host mode: each LAN client's request budget. */
  rateLimit?: RateLimiter;
  /** Clients the budget does not apply to: loopback (the host's own window, local scripts) unless told. */
  rateLimitExempt?: (peer: string | null) => boolean;
  /** Host mode: the certificate browsers download at /host-certificate to trust the host. */
  certificatePem?: string;
}

/** Sign-in and first-run setup need no session: a cookie left from earlier signs nothing in there. */
function isPublicChannel(channel: string): boolean {
  return Object.hasOwn(contract, channel) && contract[channel as ChannelName].access === 'public';
}

function bearer(header: string | undefined): string | null {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1] ?? null;
}

/**
 * HTTP transport: `POST /api/<channel>` → the same router and envelope as IPC. The browser UI keeps its session
 * in an httpOnly cookie (it sends `X-Dealer-Client: browser` and never sees the token); scripts use Bearer.
 */
export function createHttpApp(opts: HttpAppOptions): Hono {
  const app = new Hono();
  const listing = contractListing();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Security-Policy', contentSecurityPolicy);
  });

  const rateLimit = opts.rateLimit;
  if (rateLimit) {
    app.use('/api/*', async (c, next) => {
      const peer = peerAddress(c);
      if ((opts.rateLimitExempt ?? isLoopback)(peer)) return next();
      const verdict = rateLimit(peer ?? 'unknown');
      if (verdict.allowed) return next();
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      return c.json(
        { ok: false, error: { kind: 'rate_limited', message: defaultErrorMessages.rate_limited } },
        429,
      );
    });
  }

  app.get('/api/health', (c) => c.json({ ok: true, data: { status: 'ok', version: appVersion } }));

  const certificatePem = opts.certificatePem;
  if (certificatePem) {
    // Public on purpose: a browser must fetch it before it can trust the host; it holds no secret.
    app.get('/host-certificate', (c) => {
      c.header('Content-Type', 'application/x-x509-ca-cert');
      c.header('Content-Disposition', 'attachment; filename="dealer-crm-host.crt"');
      return c.body(certificatePem);
    });
  }
  app.get('/api/contract', (c) => c.json({ ok: true, data: listing }));

  const changes = opts.changes;
  if (changes) {
    app.get('/api/changes', (c) =>
      serveChangeStream(c, changes, opts.router, {
        token: bearer(c.req.header('authorization')) ?? getCookie(c, sessionCookie) ?? null,
        client: workstationClient(peerAddress(c), c.req.header('x-dealer-workstation')),
      }),
    );
  }

  app.post(
    '/api/:channel',
    async (c, next) => {
      // Checked before the body is read: a refused request costs nothing.
      const refusal =
        checkJsonContentType(c.req.header('content-type')) ??
        (bearer(c.req.header('authorization'))
          ? null
          : checkSameOrigin(
              {
                origin: c.req.header('origin'),
                secFetchSite: c.req.header('sec-fetch-site'),
                host: c.req.header('host') ?? new URL(c.req.url).host,
              },
              getCookie(c, sessionCookie) !== undefined && !isPublicChannel(c.req.param('channel') ?? ''),
            ));
      if (refusal) {
        const { status, kind, message } = refusal;
        return c.json({ ok: false, error: { kind, message } }, status);
      }
      return next();
    },
    (c, next) => {
      const channel = c.req.param('channel') ?? '';
      return bodyLimit({
        maxSize: maxBodyBytesOf(channel),
        onError: (c2) =>
          c2.json({ ok: false, error: { kind: 'validation', message: bodyTooLargeMessage(channel) } }, 413),
      })(c, next);
    },
    async (c) => {
      const channel = c.req.param('channel');
      let body: unknown;
      try {
        const text = await c.req.text();
        body = text ? JSON.parse(text) : {};
      } catch {
        return c.json({ ok: false, error: { kind: 'validation', message: '请求内容不是有效的 JSON' } }, 400);
      }
      const token = bearer(c.req.header('authorization')) ?? getCookie(c, sessionCookie) ?? null;
      // X-Dealer-Background: the page made this call by itself (a poll), not a person: not use of the session.
      const background = c.req.header('x-dealer-background') === '1';
      const client = workstationClient(peerAddress(c), c.req.header('x-dealer-workstation'));
      const result = await opts.router(channel, body, { token, client, background });
      if (!result.ok) return c.json(result, httpStatusOfKind[result.error.kind] as ContentfulStatusCode);

      const browser = c.req.header('x-dealer-client') === 'browser';
      if (channel === 'auth.login' || channel === 'auth.setup') {
        const data = result.data as { token?: string; expiresAt: string };
        if (data.token) {
          setCookie(c, sessionCookie, data.token, {
            httpOnly: true,
            sameSite: 'Strict',
            path: '/api',
            secure: opts.secureCookie ?? false,
            expires: new Date(data.expiresAt),
          });
        }
        if (browser) return c.json({ ok: true, data: { ...data, token: undefined } });
      }
      if (channel === 'auth.logout') deleteCookie(c, sessionCookie, { path: '/api' });
      return c.json(result);
    },
  );

  app.all('/api/*', (c) => c.json({ ok: false, error: { kind: 'not_found', message: '接口不存在' } }, 404));

  if (opts.staticDir) {
    const root = opts.staticDir;
    const indexHtml = path.join(root, 'index.html');
    app.use('/*', serveStatic({ root }));
    // Client-side routes (/customers/12) all load the single page.
    app.get('*', (c) => c.html(fs.readFileSync(indexHtml, 'utf8')));
  }
  return app;
}

/** The peer's address; absent when the app is driven through app.request() (tests) rather than a socket. */
function peerAddress(c: Parameters<typeof getConnInfo>[0]): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}
