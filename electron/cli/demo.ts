import path from 'node:path';
import fs from 'node:fs';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { hashPassword } from '../domain/auth/password';
import { generateDemo } from '../domain/demo/generate-demo';
import { databaseFileName, resolveDataDir } from '../server/data-dir';
import { parseFlags, stringFlag } from './args';

/**
 * `npm run demo -- --scale S|M|L --data-dir <dir> [--seed n] [--staff-password p]`: a deterministic demo
 * dealership; with a staff password every demo account (回访专员 hf.wangli, 客服经理 zhouting …) signs in with it.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const scale = (stringFlag(flags, 'scale') ?? 'S').toUpperCase();
  if (scale !== 'S' && scale !== 'M' && scale !== 'L') throw new Error('--scale 只能是 S、M 或 L');
  const seed = Number(stringFlag(flags, 'seed') ?? 20261122);
  const dataDir = resolveDataDir(stringFlag(flags, 'data-dir'));
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, databaseFileName);
  const db = openDatabase(file);
  migrateDatabase(db, { dbFile: file });
  const staffPassword = stringFlag(flags, 'staff-password');
  const staffPasswordHash = staffPassword ? await hashPassword(staffPassword) : undefined;
  const t0 = performance.now();
  let shown = 0;
  const counts = generateDemo(db, {
    scale,
    seed,
    now: new Date(),
    ...(staffPasswordHash ? { staffPasswordHash } : {}),
    onProgress: (done, total) => {
      if (performance.now() - shown > 2000) {
        shown = performance.now();
        console.log(`  ${done}/${total}`);
      }
    },
  });
  db.$client.exec('ANALYZE');
  db.$client.close();
  console.log(
    `演示数据已生成（${((performance.now() - t0) / 1000).toFixed(1)} 秒）：客户 ${counts.customers}，车辆 ${counts.vehicles}，` +
      `进站 ${counts.serviceVisits}，互动 ${counts.interactions}。数据库：${file}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
