import { Bonjour } from 'bonjour-service';
import { hostServiceType } from '../server/host/lan-listener';

export interface DiscoveredHost {
  name: string;
  /** IPv4 first: what the host's certificate names and what Windows networks route most reliably. */
  addresses: string[];
  port: number;
  /** The first 16 hex characters of the host certificate's fingerprint, as announced (a hint, not a proof). */
  fingerprintPrefix: string | null;
}

/**
 * Store hosts announcing themselves on the LAN (mDNS/DNS-SD, _dealer-crm._tcp), listened for `ms`. Some
 * Windows networks drop multicast: an empty list is normal there, and the person types the address instead.
 * Pairing still checks the certificate against the code; the announcement is never trusted.
 */
export async function discoverHosts(ms = 3000): Promise<DiscoveredHost[]> {
  const bonjour = new Bonjour();
  const found = new Map<string, DiscoveredHost>();
  try {
    const browser = bonjour.find({ type: hostServiceType }, (s) => {
      const addresses = [...(s.addresses ?? [])].sort(
        (a, b) => Number(a.includes(':')) - Number(b.includes(':')),
      );
      const fp = (s.txt as Record<string, unknown> | undefined)?.fp;
      found.set(`${s.name}|${s.port}`, {
        name: s.name,
        addresses: addresses.length ? addresses : [s.host],
        port: s.port,
        fingerprintPrefix: typeof fp === 'string' ? fp : null,
      });
    });
    await new Promise((r) => setTimeout(r, ms));
    browser.stop();
  } finally {
    bonjour.destroy();
  }
  return [...found.values()];
}
