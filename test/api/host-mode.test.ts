import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fingerprintMatchesPin,
  normalizeFingerprint,
  normalizePairingCode,
  pairingCodeOf,
  pairingMatches,
} from '../../electron/common/pairing-code';
import { ensureHostCertificate, hostTlsDir } from '../../electron/server/host/host-certificate';
import type { LanListener } from '../../electron/server/host/lan-listener';
import { startLanListener } from '../../electron/server/host/lan-listener';
import { createRateLimiter } from '../../electron/server/host/rate-limit';
import { cleanWorkstationName, workstationClient } from '../../electron/server/host/workstation-name';
import { createHttpApp } from '../../electron/server/http-app';
import { checkPinnedHost, pairWithHost, probeHost } from '../../electron/workstation/host-probe';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';

/**
 * 门店主机: the host's own certificate, pairing by the code drawn from its fingerprint (right and wrong), the pin
 * holding afterwards, HTTPS serving the real router, the per-workstation request budget, and the workstation's
 * name in the audit log.
 */

function get(
  url: string,
  ca: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { ca, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function post(url: string, ca: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = https.request(
      url,
      { method: 'POST', ca, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('pairing codes', () => {
  const fp = 'a1'.repeat(32);

  it('are ten Crockford characters in two groups, read back whatever the case and look-alikes', () => {
    const code = pairingCodeOf(fp);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normalizePairingCode(code.toLowerCase().replace('-', ' '))).toBe(code);
    expect(pairingMatches(fp, code)).toBe(true);
    expect(pairingMatches(fp.toUpperCase().replace(/(..)/g, '$1:').slice(0, -1), code)).toBe(true);
  });

  it('differ for another certificate, and a pin accepts only the same fingerprint', () => {
    const other = 'a1'.repeat(31) + 'a2';
    expect(pairingMatches('b1'.repeat(32), pairingCodeOf(fp))).toBe(false);
    expect(fingerprintMatchesPin(other, fp)).toBe(false);
    expect(fingerprintMatchesPin(fp, fp)).toBe(true);
    // Electron's certificate verify hook gives sha256/<base64>.
    const b64 = Buffer.from(fp, 'hex').toString('base64');
    expect(normalizeFingerprint(`sha256/${b64}`)).toBe(fp);
    expect(normalizeFingerprint('sha1/AAAA')).toBeNull();
  });
});

describe('the host certificate', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-host-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is made once, kept in the data folder with a private key only its owner reads, and reused', async () => {
    const first = await ensureHostCertificate(dir, { dns: ['localhost'], ips: ['127.0.0.1'] });
    const cert = new X509Certificate(first.certPem);
    expect(normalizeFingerprint(cert.fingerprint256)).toBe(first.fingerprint);
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 9 * 365 * 86_400_000);
    const keyMode = fs.statSync(path.join(hostTlsDir(dir), 'host.key')).mode & 0o777;
    if (process.platform !== 'win32') expect(keyMode).toBe(0o600);
    const again = await ensureHostCertificate(dir);
    expect(again.fingerprint).toBe(first.fingerprint);
  });

  it('is made anew when its key no longer matches it', async () => {
    const before = await ensureHostCertificate(dir);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-host-other-'));
    const foreign = await ensureHostCertificate(other);
    fs.copyFileSync(path.join(hostTlsDir(other), 'host.key'), path.join(hostTlsDir(dir), 'host.key'));
    const after = await ensureHostCertificate(dir);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.fingerprint).not.toBe(foreign.fingerprint);
    fs.rmSync(other, { recursive: true, force: true });
  });
});

describe('the store host over HTTPS', () => {
  let app: TestApp;
  let lan: LanListener;
  let ca: string;
  let base: string;

  beforeAll(async () => {
    app = await createTestApp();
    lan = await startLanListener({
      dataDir: app.dataDir,
      port: 0,
      router: app.core.router,
      changes: app.core.changes,
      announce: false,
    });
    ca = fs.readFileSync(path.join(hostTlsDir(app.dataDir), 'host.crt'), 'utf8');
    base = `https://127.0.0.1:${lan.port}`;
  });
  afterAll(async () => {
    await lan.close();
    app.close();
  });

  it('pairs with the right code and refuses a wrong one before anything is sent', async () => {
    const probed = await probeHost('127.0.0.1', lan.port);
    expect(probed.fingerprint).toBe(lan.fingerprint);
    const pin = await pairWithHost('127.0.0.1', lan.port, pairingCodeOf(lan.fingerprint).toLowerCase());
    expect(pin.fingerprint).toBe(lan.fingerprint);
    await expect(checkPinnedHost(pin)).resolves.toBeUndefined();

    const wrong = pairingCodeOf('00'.repeat(32));
    await expect(pairWithHost('127.0.0.1', lan.port, wrong)).rejects.toThrow(/配对码与该地址的主机证书不符/);
    await expect(checkPinnedHost({ ...pin, fingerprint: 'ff'.repeat(32) })).rejects.toThrow(
      /主机证书与配对时不同，已拒绝连接，未发送任何密码/,
    );
    await expect(probeHost('127.0.0.1', 1)).rejects.toThrow(/拒绝连接|无法连接/);
  });

  it('serves the API and the certificate download over TLS with its own certificate', async () => {
    const health = await get(`${base}/api/health`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true, data: { status: 'ok' } });
    const download = await get(`${base}/host-certificate`, ca);
    expect(download.body).toBe(ca);
    await expect(get(`${base}/api/health`, '')).rejects.toThrow();
  });

  it('tells the administrator the addresses, fingerprint, pairing code and QR, and no one else', async () => {
    const info = await app.ok('host.info', {}, app.adminToken);
    expect(info).toMatchObject({
      mode: 'host',
      lanPort: lan.port,
      pairingCode: pairingCodeOf(lan.fingerprint),
    });
    expect(normalizeFingerprint(info.fingerprint!)).toBe(lan.fingerprint);
    expect(info.qrSvg).toMatch(/^<svg/);
    const desk = await app.userWithRole('front_desk');
    expect(await app.call('host.info', {}, desk)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('records the workstation that signed in and made a change in the audit log', async () => {
    const login = await post(
      `${base}/api/auth.login`,
      ca,
      { username: 'admin', password: adminPassword },
      { 'x-dealer-workstation': encodeURIComponent('回访2号机') },
    );
    const token = (JSON.parse(login.body) as { data: { token: string } }).data.token;
    const made = await post(
      `${base}/api/users.create`,
      ca,
      { username: 'lanstaff', displayName: '局域网同事', role: 'front_desk', password: 'Staff-Pass-1' },
      { authorization: `Bearer ${token}`, 'x-dealer-workstation': encodeURIComponent('回访2号机') },
    );
    expect(made.status).toBe(200);
    const client = app.core.db.$client
      .prepare("select client from audit_log where action like 'user.%' order by id desc limit 1")
      .pluck()
      .get();
    expect(client).toBe('127.0.0.1（回访2号机）');
  });
});

describe('the request budget per workstation', () => {
  it('refuses a client over its budget with 429 and a Chinese message, and refills with time', async () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 3, perSecond: 1, now: () => now });
    const app = await createTestApp();
    const http = createHttpApp({ router: app.core.router, rateLimit: limiter, rateLimitExempt: () => false });
    const hit = () => http.request('/api/health');
    for (let i = 0; i < 3; i++) expect((await hit()).status).toBe(200);
    const refused = await hit();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ ok: false, error: { kind: 'rate_limited' } });
    now += 1000;
    expect((await hit()).status).toBe(200);
    app.close();
  });

  it('keeps clients apart', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 1, now: () => 0 });
    expect(limiter('10.0.0.2').allowed).toBe(true);
    expect(limiter('10.0.0.2').allowed).toBe(false);
    expect(limiter('10.0.0.3').allowed).toBe(true);
  });

  it('names a workstation beside its address, never instead of it', () => {
    expect(workstationClient('10.0.0.7', encodeURIComponent('前台1号机'))).toBe('10.0.0.7（前台1号机）');
    expect(workstationClient('10.0.0.7', undefined)).toBe('10.0.0.7');
    expect(cleanWorkstationName('%E0%A4%A')).toBeNull();
    expect(cleanWorkstationName(encodeURIComponent('a\u0000b（x）'))).toBe('abx');
  });
});
