import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * What this PC is, chosen at its first start: it holds the store's data (local), or it is a workstation of
 * the store host it paired with. Kept as a small JSON file next to the app's own settings (Electron's userData),
 * never in the database: a workstation has none.
 */
export const workstationConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('workstation'),
    host: z.object({
      address: z.string().min(1),
      port: z.number().int().min(1).max(65535),
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    /** What the audit log shows beside this PC's address (前台2号机). */
    name: z.string().trim().min(1).max(30),
    pairedAt: z.string(),
  }),
]);
export type WorkstationConfig = z.infer<typeof workstationConfig>;

export const workstationConfigFile = (userData: string) => path.join(userData, 'workstation.json');

/** The saved choice, or null at the first start (or when the file is unreadable: ask again rather than guess). */
export function readWorkstationConfig(userData: string): WorkstationConfig | null {
  try {
    const parsed = workstationConfig.safeParse(
      JSON.parse(fs.readFileSync(workstationConfigFile(userData), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWorkstationConfig(userData: string, config: WorkstationConfig): void {
  const file = workstationConfigFile(userData);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a crash mid-write leaves the old choice, never half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(workstationConfig.parse(config), null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
