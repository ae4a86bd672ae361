import { serve } from '@hono/node-server';
import { MigrationError } from '../../db/migrate';
import { startAppCore } from '../server/app-core';
import { consoleLog } from '../server/console-log';
import { resolveDataDir, resolveKeyDir } from '../server/data-dir';
import { currentHostInfo } from '../server/host/host-runtime';
import { setHostControl } from '../server/host/host-control';
import { createLanHost } from '../server/host/lan-host';
import { isLoopback } from '../server/host/rate-limit';
import { createHttpApp } from '../server/http-app';
import { keepConnectionsAlive } from '../server/keep-alive';
import { parseFlags, stringFlag } from './args';
import { buildRendererIfNeeded, rendererOutDir } from './build-renderer';

/**
 * `npm run serve -- --port 5170 --data-dir ./data [--lan [--lan-port 5171] [--no-mdns]] [--admin-password …]
 * [--no-upkeep]`. Plain HTTP only ever listens on loopback; `--lan` makes this PC the store host: HTTPS on every
 * interface with the host's own certificate, announced on the LAN.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const port = Number(stringFlag(flags, 'port') ?? process.env.PORT ?? 5170);
  const host = stringFlag(flags, 'host') ?? '127.0.0.1';
  if (!isLoopback(host) && host !== 'localhost') {
    // Plain HTTP on the LAN would send passwords, session cookies and phone numbers in clear text.
    console.error(
      `明文 HTTP 只在本机回环地址上提供（收到 --host ${host}）。要让其他电脑连接，请用 --lan：以 HTTPS 在局域网提供，工作站用配对码核对证书。`,
    );
    process.exit(2);
  }
  const lan = flags.lan === true;
  const lanPort = Number(stringFlag(flags, 'lan-port') ?? port + 1);
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
    // `--no-background-checkpoint`: SQLite's own checkpoint inside commits (for comparing in the bench).
    backgroundCheckpoint: flags['no-background-checkpoint'] !== true,
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
  keepConnectionsAlive(server);
  // The switch in 设置 → 门店主机 works here too; `--lan` serves the LAN for this run whatever it says.
  const lanHost = createLanHost({
    dataDir,
    router: core.router,
    changes: core.changes,
    staticDir: rendererOutDir,
    announce: flags['no-mdns'] !== true,
    log: (l) => console.warn(l),
    defaultPort: lanPort,
    // `--bench-lan-budget-loopback`: only for `npm run bench -- --only lan-load`, whose thirty simulated
    // workstations connect from 127.0.0.x addresses of their own: each gets the budget a LAN PC gets.
    ...(flags['bench-lan-budget-loopback'] === true ? { rateLimitExempt: () => false } : {}),
  });
  setHostControl(lanHost, {
    separate: false,
    pid: process.pid,
    restarts: 0,
    startedAt: new Date().toISOString(),
  });
  const lanState = lan ? await lanHost.start(lanPort) : await lanHost.resume();
  if (lan && lanState.status === 'failed') throw new Error(lanState.error ?? '局域网服务未能启动');
  if (lanState.status === 'on') {
    const info = await currentHostInfo();
    console.log(`门店主机（HTTPS）：${info.urls.join('  ')}`);
    console.log(`证书指纹 SHA-256：${info.fingerprint}`);
    console.log(`配对码：${info.pairingCode}（工作站连接时输入，用于核对主机证书）`);
  }
  let stopping = false;
  const stop = () => {
    // A second Ctrl+C while the backup at shutdown runs stops at once.
    if (stopping) process.exit(1);
    stopping = true;
    server.close();
    Promise.all([lanHost.close(), core.shutdown()]).then(
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
