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
  /** The switch: whether this PC can serve the LAN from where it runs (not from a script or test harness). */
  switchable: z.boolean(),
  /** The saved choice, kept for the next start. */
  enabled: z.boolean(),
  status: z.enum(['off', 'starting', 'on', 'failed']),
  /** The port it listens on, or will when switched on. */
  port: z.number().int(),
  /** Why the LAN service could not start, for staff. */
  error: z.string().nullable(),
  /** The process that owns the database and answers workstations. */
  process: z
    .object({
      separate: z.boolean(),
      pid: z.number().int(),
      restarts: z.number().int(),
      startedAt: z.string(),
    })
    .nullable(),
});
export type HostInfo = z.infer<typeof hostInfo>;

/** The LAN port the host listens on; the Settings form checks it with the same rule before asking. */
export const hostPort = z
  .number({ error: '请填写端口' })
  .int('端口必须是整数')
  .min(1024, '端口须在 1024–65535 之间')
  .max(65_535, '端口须在 1024–65535 之间');

export const hostContract = {
  'host.info': channel({
    summary:
      'Whether this PC is the store host, and its addresses, certificate fingerprint, pairing code and QR',
    access: 'host.manage',
    input: z.object({}),
    output: hostInfo,
  }),
  'host.start': channel({
    summary: 'Switch on "this PC is the store host": listen on the LAN over HTTPS (kept for the next start)',
    access: 'host.manage',
    input: z.object({ port: hostPort.optional() }),
    output: hostInfo,
  }),
  'host.stop': channel({
    summary: 'Switch the store host off: workstations can no longer connect; this PC keeps working',
    access: 'host.manage',
    input: z.object({}),
    output: hostInfo,
  }),
};
