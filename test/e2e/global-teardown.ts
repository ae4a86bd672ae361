import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Each run gets a fresh database in a temp dir; drop it afterwards unless someone wants to look inside. */
export default function globalTeardown(): void {
  const dir = process.env.DEALER_E2E_DATA_DIR;
  if (!dir || process.env.E2E_KEEP_DATA) return;
  // Only ever delete the directory this config created.
  if (path.dirname(dir) !== os.tmpdir() || !path.basename(dir).startsWith('dealer-crm-e2e-')) return;
  fs.rmSync(dir, { recursive: true, force: true });
}
