import tls from 'node:tls';
import { fingerprintMatchesPin, normalizeFingerprint, pairingMatches } from '../common/pairing-code';
import { AppError } from '../contract/errors';

export interface ProbedHost {
  fingerprint: string;
  subject: string;
  validTo: string;
}

/**
 * Opens a TLS connection to the host and reads the certificate it presents, sending nothing else: pairing
 * decides on it before any request (let alone a password) goes to that address.
 */
export function probeHost(address: string, port: number, timeoutMs = 5000): Promise<ProbedHost> {
  return new Promise((resolve, reject) => {
    // Not trusted yet by design: the pairing code is what decides whether this certificate is the host's.
    const socket = tls.connect({ host: address, port, rejectUnauthorized: false, servername: undefined });
    const fail = (message: string) => {
      socket.destroy();
      reject(new AppError('validation', message));
    };
    socket.setTimeout(timeoutMs, () =>
      fail(`连接 ${address}:${port} 超时：请确认主机已开启并与本机在同一网络`),
    );
    socket.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'ECONNREFUSED'
          ? `${address}:${port} 拒绝连接：主机上的 Dealer CRM 是否以门店主机方式运行？`
          : `无法连接 ${address}:${port}（${e.code ?? e.message}）`,
      ),
    );
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      const fingerprint = cert?.fingerprint256 ? normalizeFingerprint(cert.fingerprint256) : null;
      if (!fingerprint) return fail('主机没有出示有效的证书');
      resolve({
        fingerprint,
        subject: cert.subject?.CN ?? '',
        validTo: new Date(cert.valid_to).toISOString(),
      });
    });
  });
}

export interface HostPin {
  address: string;
  port: number;
  /** The paired certificate's SHA-256, lower-case hex. */
  fingerprint: string;
}

/** Pairs with a host: its certificate must be the one whose code the person read off the host's screen. */
export async function pairWithHost(address: string, port: number, typedCode: string): Promise<HostPin> {
  const probed = await probeHost(address, port);
  if (!pairingMatches(probed.fingerprint, typedCode)) {
    throw new AppError(
      'forbidden',
      '配对码与该地址的主机证书不符：请核对主机「设置 → 门店主机」上显示的配对码。若配对码无误，该地址可能不是本店主机，请勿继续连接。',
    );
  }
  return { address, port, fingerprint: probed.fingerprint };
}

/** Before each connection after pairing: the same certificate, or a clear refusal before anything is sent. */
export async function checkPinnedHost(pin: HostPin): Promise<void> {
  const probed = await probeHost(pin.address, pin.port);
  if (!fingerprintMatchesPin(probed.fingerprint, pin.fingerprint)) {
    throw new AppError(
      'forbidden',
      '主机证书与配对时不同，已拒绝连接，未发送任何密码。可能是主机重装或更换了电脑，也可能有人冒充主机：请联系管理员核实后重新配对。',
    );
  }
}
