/**
 * What an API post must look like before its body is read. The staff cookie is SameSite=Strict, but "site" is
 * the host without its port: a page served on another port of the same machine is same-site and the browser
 * attaches the cookie. So the guard checks the media type exactly (a cross-origin page cannot send
 * `application/json` without a CORS preflight, which this server never answers) and, for requests the cookie
 * authenticates, that the browser says the page is our own origin.
 */

export type GuardRefusal =
  { status: 415; kind: 'validation'; message: string } | { status: 403; kind: 'forbidden'; message: string };

/** `type/subtype` and its parameters of a Content-Type header (RFC 9110 §8.3), or null when malformed. */
export function parseMediaType(
  header: string | undefined,
): { type: string; params: Record<string, string> } | null {
  if (!header) return null;
  const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  const m = new RegExp(`^\\s*(${token}/${token})\\s*((?:;.*)?)$`).exec(header);
  if (!m?.[1]) return null;
  const params: Record<string, string> = {};
  const paramRe = new RegExp(`^;\\s*(${token})=(${token}|"(?:[^"\\\\]|\\\\.)*")\\s*`);
  let rest = m[2] ?? '';
  while (rest) {
    const p = paramRe.exec(rest);
    if (!p?.[1] || p[2] === undefined) return null;
    const raw = p[2];
    params[p[1].toLowerCase()] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    rest = rest.slice(p[0].length);
  }
  return { type: m[1].toLowerCase(), params };
}

/** Exactly `application/json`; JSON is UTF-8 (RFC 8259), so a charset other than that is refused too. */
export function checkJsonContentType(header: string | undefined): GuardRefusal | null {
  const media = parseMediaType(header);
  const charset = media?.params.charset?.toLowerCase();
  if (media?.type === 'application/json' && (charset === undefined || charset === 'utf-8')) return null;
  return {
    status: 415,
    kind: 'validation',
    message: '请求格式不正确：内容类型必须是 application/json（UTF-8）',
  };
}

export interface OriginHeaders {
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** Host the client addressed (the Host header), e.g. `127.0.0.1:5170`. */
  host: string | undefined;
}

const crossSiteMessage = '请求来自其他网页，已拒绝：请直接在本系统的页面中操作';

/**
 * Refuses a post that a browser made from another origin. `cookieBound`: the staff cookie is what signs it in,
 * so the browser must have said where the page came from (browsers send Origin on every POST). Without the
 * cookie (login, setup, scripts) the headers are checked only when present: curl and scripts send neither.
 * Bearer requests skip this altogether (the caller holds the token; a page cannot add that header cross-origin).
 */
export function checkSameOrigin(h: OriginHeaders, cookieBound: boolean): GuardRefusal | null {
  const site = h.secFetchSite?.toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, kind: 'forbidden', message: crossSiteMessage };
  }
  if (h.origin === undefined) {
    return cookieBound
      ? { status: 403, kind: 'forbidden', message: '请求缺少来源信息（Origin），已拒绝' }
      : null;
  }
  let same = false;
  try {
    const url = new URL(h.origin);
    // `null` origins (sandboxed frames, file://) are not http(s) and are refused; the Host header is read with
    // the origin's scheme so a default port written out (`:80`) compares equal.
    same =
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      !!h.host &&
      url.host === new URL(`${url.protocol}//${h.host}`).host;
  } catch {
    same = false;
  }
  return same ? null : { status: 403, kind: 'forbidden', message: crossSiteMessage };
}
