import { z } from 'zod';
import { channel } from './channel';

/**
 * 门店主机: what the administrator's Settings screen shows so workstations can pair — the addresses and port
 * the host listens on over HTTPS, its certificate's fingerprint and the pairing code drawn from it, and a QR
 * code of them. `mode: 'local'` when this PC serves only itself (plain HTTP on loopback).
 */
export const hostInfo = z.object({
  mode: z.enum(['local', 'host']),
  lanPort: z.number().nullable(),
  /** https://<address>:<port>/ for each IPv4 address of this PC (and its computer name). */
  urls: z.array(z.string()),
  /** SHA-256, upper-case hex in pairs (AB:CD:…), as browsers show it. */
  fingerprint: z.string().nullable(),
  pairingCode: z.string().nullable(),
  /** SVG of a QR code holding the addresses, port and pairing code (dealercrm://pair?…). */
  qrSvg: z.string().nullable(),
  certificateValidTo: z.string().nullable(),
  /** Where a browser downloads the certificate to trust it (relative to the host's address). */
  certificatePath: z.string().nullable(),
});
export type HostInfo = z.infer<typeof hostInfo>;

export const hostContract = {
  'host.info': channel({
    summary:
      'Whether this PC is the store host, and its addresses, certificate fingerprint, pairing code and QR',
    // The administrator sets the store up (users.manage is theirs alone).
    access: 'users.manage',
    input: z.object({}),
    output: hostInfo,
  }),
};
