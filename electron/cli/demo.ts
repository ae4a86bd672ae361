import path from 'node:path';
import fs from 'node:fs';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { generateDemo } from '../domain/demo/generate-demo';
import { databaseFileName, resolveDataDir } from '../server/data-dir';
import { parseFlags, stringFlag } from './args';

/** `npm run demo -- --scale S|M|L --data-dir <dir> [--seed n]`: a deterministic demo dealership. */
function main(): void {
  const flags = parseFlags(process.argv.slice(2));
  const scale = (stringFlag(flags, 'scale') ?? 'S').toUpperCase();
  if (scale !== 'S' && scale !== 'M' && scale !== 'L') throw new Error('--scale 只能是 S、M 或 L');
  const seed = Number(stringFlag(flags, 'seed') ?? 20261122);
  const dataDir = resolveDataDir(stringFlag(flags, 'data-dir'));
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, databaseFileName);
  const db = openDatabase(file);
  migrateDatabase(db, { dbFile: file });
  const t0 = performance.now();
  let shown = 0;
  const counts = generateDemo(db, {
    scale,
    seed,
    now: new Date(),
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

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
