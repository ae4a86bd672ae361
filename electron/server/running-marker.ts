import fs from 'node:fs';
import path from 'node:path';

/**
 * `dealer-crm.pid` in the data folder while the app has it open, so `npm run restore` can refuse to swap the
 * database under a running app (which would go on writing to the file it had open). A marker left by a crash
 * names a process that no longer exists and is ignored.
 */
const markerName = 'dealer-crm.pid';

export function markRunning(dataDir: string): () => void {
  const file = path.join(dataDir, markerName);
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

/** The process id of another app running on this data folder, or null. */
export function runningAppPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, markerName), 'utf8'));
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
