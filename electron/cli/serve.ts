import { serve } from '@hono/node-server';
import { MigrationError } from '../../db/migrate';
import { startAppCore } from '../server/app-core';
import { consoleLog } from '../server/console-log';
import { resolveDataDir, resolveKeyDir } from '../server/data-dir';
import { createHttpApp } from '../server/http-app';
import { parseFlags, stringFlag } from './args';
import { buildRendererIfNeeded, rendererOutDir } from './build-renderer';

/** `npm run serve -- --port 5170 --data-dir ./data [--host 127.0.0.1] [--admin-password …] [--no-upkeep]` */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const port = Number(stringFlag(flags, 'port') ?? process.env.PORT ?? 5170);
  // Loopback unless an administrator deliberately opens it to the store's LAN.
  const host = stringFlag(flags, 'host') ?? '127.0.0.1';
  const dataDir = resolveDataDir(stringFlag(flags, 'data-dir'));
  const adminPassword = stringFlag(flags, 'admin-password') ?? process.env.DEALER_CRM_ADMIN_PASSWORD;

  if (flags['no-build'] !== true) await buildRendererIfNeeded((l) => console.log(l));
  const core = await startAppCore({
    dataDir,
    adminPassword,
    // `--no-upkeep`: benchmarks measure a steady server, not one busy with its start-of-day pass.
    dailyUpkeep: flags['no-upkeep'] !== true,
    // `--no-warm-up`: for the benchmark's comparison of a first morning with and without it.
    warmUp: flags['no-warm-up'] !== true,
    log: consoleLog,
    // The daily backup at the time set in 设置 → 数据备份 (nothing happens until a folder is chosen there).
    backupSchedule: true,
    keyDir: resolveKeyDir(dataDir, stringFlag(flags, 'key-dir')),
    // `--bench-without-privacy`: only for `npm run bench -- --only privacy`, which compares card and list
    // figures with masking and the card-view log against a server without them. Never for staff.
    privacy: flags['bench-without-privacy'] !== true,
  });
  if (flags['bench-without-privacy'] === true)
    console.warn('警告：本服务器未启用个人信息脱敏和查看记录，仅供性能对比测试使用');
  if (core.migration.backupFile) console.log(`升级前已备份数据库：${core.migration.backupFile}`);
  if (core.adminCreated) console.log('已创建管理员账号 admin（密码为启动参数中提供的密码）');

  const app = createHttpApp({ router: core.router, staticDir: rendererOutDir, changes: core.changes });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`Dealer CRM 已启动：http://${host}:${info.port}/  （数据目录：${dataDir}）`);
  });
  let stopping = false;
  const stop = () => {
    // A second Ctrl+C while the backup at shutdown runs stops at once.
    if (stopping) process.exit(1);
    stopping = true;
    server.close();
    core.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('关闭时出错：', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof MigrationError) console.error(error.message);
  else console.error('启动失败：', error);
  process.exit(1);
});
