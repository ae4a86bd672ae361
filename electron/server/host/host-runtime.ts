import os from 'node:os';
import QRCode from 'qrcode';
import type { HostInfo } from '../../contract/host';
import { pairingCodeOf } from '../../common/pairing-code';
import type { HostCertificate } from './host-certificate';
import { hostControl, hostProcessInfo } from './host-control';
import { defaultLanPort } from './host-settings';

export interface HostRuntime {
  lanPort: number;
  certificate: HostCertificate;
  addresses: string[];
}

/** Set once by the process that listens on the LAN (serve --lan, or the desktop in host mode). */
let runtime: HostRuntime | null = null;

export function setHostRuntime(r: HostRuntime | null): void {
  runtime = r;
}

/** AB:CD:… as browsers and Windows' certificate dialog show a fingerprint. */
export function displayFingerprint(hex: string): string {
  return hex.toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

export function pairingLink(r: HostRuntime): string {
  const params = new URLSearchParams({
    h: r.addresses.join(','),
    p: String(r.lanPort),
    c: pairingCodeOf(r.certificate.fingerprint),
  });
  return `dealercrm://pair?${params.toString()}`;
}

export async function currentHostInfo(): Promise<HostInfo> {
  const r = runtime;
  const control = hostControl();
  const lan = control?.state() ?? null;
  const switchState = {
    switchable: control !== null,
    enabled: lan?.enabled ?? r !== null,
    status: lan?.status ?? (r ? 'on' : 'off'),
    port: lan?.port ?? r?.lanPort ?? defaultLanPort,
    error: lan?.error ?? null,
    process: hostProcessInfo(),
  } as const;
  if (!r) {
    return {
      mode: 'local',
      lanPort: null,
      urls: [],
      fingerprint: null,
      pairingCode: null,
      qrSvg: null,
      certificateValidTo: null,
      certificatePath: null,
      ...switchState,
    };
  }
  const names = [...r.addresses, os.hostname()];
  return {
    mode: 'host',
    lanPort: r.lanPort,
    urls: names.map((a) => `https://${a}:${r.lanPort}/`),
    fingerprint: displayFingerprint(r.certificate.fingerprint),
    pairingCode: pairingCodeOf(r.certificate.fingerprint),
    qrSvg: await QRCode.toString(pairingLink(r), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    certificateValidTo: r.certificate.notAfter,
    certificatePath: '/host-certificate',
    ...switchState,
  };
}

/** The host's LAN addresses (IPv4, not loopback): what workstations type or discover. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}
