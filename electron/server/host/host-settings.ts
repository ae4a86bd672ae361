import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The LAN port workstations are told when nothing else was chosen (the loopback UI keeps 5170). */
export const defaultLanPort = 5171;

const hostSettings = z.object({
  /** 设置 → 门店主机: this PC serves the LAN from its next start on too. */
  enabled: z.boolean(),
  port: z.number().int().min(1).max(65_535),
});
export type HostSettings = z.infer<typeof hostSettings>;

/**
 * Beside the database like backup-settings.json, not in it: whether this PC listens on the LAN is a fact of this
 * computer, so a restored copy (or the same file opened on a spare PC) never starts serving the network by itself.
 */
export const hostSettingsFile = (dataDir: string) => path.join(dataDir, 'host-settings.json');

export function readHostSettings(dataDir: string, fallbackPort = defaultLanPort): HostSettings {
  try {
    const parsed = hostSettings.safeParse(JSON.parse(fs.readFileSync(hostSettingsFile(dataDir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or damaged: off, as on a fresh install; the administrator switches it on again.
  }
  return { enabled: false, port: fallbackPort };
}

export function writeHostSettings(dataDir: string, settings: HostSettings): void {
  const file = hostSettingsFile(dataDir);
  // Written aside and renamed, so a crash mid-write leaves the old choice rather than half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
