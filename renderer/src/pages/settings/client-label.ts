import type { TFunction } from 'i18next';

/** Where a session or a lockout comes from, as staff read it: the desktop app, or a workstation's address. */
export function clientLabel(client: string | null, t: TFunction): string {
  if (!client || client === 'unknown') return t('accountSecurity.unknownClient');
  if (client === 'desktop') return t('accountSecurity.desktop');
  // IPv4 peers arrive as ::ffff:10.0.0.5 on a dual-stack socket.
  return client.replace(/^::ffff:/, '');
}
