import 'reflect-metadata';
import crypto, { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { normalizeFingerprint } from '../../common/pairing-code';

x509.cryptoProvider.set(crypto.webcrypto as Crypto);

export interface HostCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the DER, lower-case hex without separators. */
  fingerprint: string;
  notAfter: string;
  certFile: string;
}

/** Kept with the data (not the backups): a restored copy on another PC must not pose as this host. */
export const hostTlsDir = (dataDir: string) => path.join(dataDir, 'host-tls');

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function toPem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

function read(certFile: string, keyFile: string): HostCertificate | null {
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return null;
  const certPem = fs.readFileSync(certFile, 'utf8');
  const keyPem = fs.readFileSync(keyFile, 'utf8');
  const cert = new X509Certificate(certPem);
  // A certificate that no longer matches its key, or has run out, is made again (workstations pair again).
  if (!cert.checkPrivateKey(crypto.createPrivateKey(keyPem))) return null;
  if (new Date(cert.validTo).getTime() < Date.now() + 30 * 86_400_000) return null;
  return {
    certPem,
    keyPem,
    fingerprint: normalizeFingerprint(cert.fingerprint256)!,
    notAfter: new Date(cert.validTo).toISOString(),
    certFile,
  };
}

/** The names a workstation may reach the host by: its computer name, localhost, and every address it has. */
export function hostNames(): { dns: string[]; ips: string[] } {
  const ips = new Set(['127.0.0.1']);
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4') ips.add(a.address);
  const host = os.hostname();
  return { dns: [...new Set(['localhost', host, `${host}.local`])], ips: [...ips] };
}

/**
 * The host's self-signed certificate, made at the first start in host mode (ECDSA P-256, ten years) and kept in
 * the data folder; the key file is readable by its owner only. Workstations pin its fingerprint, so it is made
 * once and reused, never rotated silently.
 */
export async function ensureHostCertificate(
  dataDir: string,
  names: { dns: string[]; ips: string[] } = hostNames(),
): Promise<HostCertificate> {
  const dir = hostTlsDir(dataDir);
  const certFile = path.join(dir, 'host.crt');
  const keyFile = path.join(dir, 'host.key');
  const existing = read(certFile, keyFile);
  if (existing) return existing;

  const keys = (await crypto.webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const now = new Date();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: crypto
      .randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=Dealer CRM 门店主机 ${os.hostname()}, O=Dealer CRM`,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
    ],
  });
  const keyDer = await crypto.webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile, toPem('PRIVATE KEY', keyDer), { mode: 0o600 });
  fs.writeFileSync(certFile, cert.toString('pem') + '\n');
  const made = read(certFile, keyFile);
  if (!made) throw new Error('the host certificate just made could not be read back');
  return made;
}
