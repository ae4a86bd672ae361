import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { MigrationError } from '../../db/migrate';
import { startAppCore } from '../server/app-core';
import { consoleLog } from '../server/console-log';
import { contentSecurityPolicy } from '../server/security-headers';
import { parseFlags, stringFlag } from '../cli/args';
import { dataDirEnv } from '../server/data-dir';
import { bindIpc, pushChanges } from './ipc-transport';
import { readWorkstationConfig } from '../workstation/workstation-config';
import { installMenu } from './menu';
import { bindWorkstationSetup, openHostInWindow, pinHostSession } from './workstation-shell';

const flags = parseFlags(process.argv.slice(1));
const rendererUrl = process.env.ELECTRON_RENDERER_URL;

/**
 * The app window. `remote`: a workstation's window showing the store host's pages — no preload, so those pages
 * talk HTTP to the host (never IPC to a database this PC does not have).
 */
function createWindow(remote = false): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: 'Dealer CRM 经销商客户关系管理',
    show: false,
    webPreferences: {
      preload: remote ? undefined : path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Links open in the system browser; the app window never navigates away from the app.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  if (remote) return win;
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  const userData = app.getPath('userData');
  const explicitDir = stringFlag(flags, 'data-dir') ?? process.env[dataDirEnv];
  // A data folder given on the command line means this PC holds the data; otherwise the first start asks.
  const choice = explicitDir ? ({ mode: 'local' } as const) : readWorkstationConfig(userData);
  bindWorkstationSetup(userData, choice === null);
  if (choice === null) {
    installMenu();
    createWindow();
    return;
  }
  if (choice.mode === 'workstation') {
    pinHostSession(session.defaultSession, choice.host, choice.name);
    installMenu();
    await openHostInWindow(createWindow(true), choice, userData);
    return;
  }
  const dataDir = explicitDir ?? userData;
  const nativeBinding = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : process.env.DEALER_CRM_SQLITE_BINDING;
  try {
    // Migrations run before any window exists: a failed one stops the app with the backup's name.
    const core = await startAppCore({
      dataDir,
      nativeBinding,
      adminPassword: stringFlag(flags, 'admin-password') ?? process.env.DEALER_CRM_ADMIN_PASSWORD,
      migrationsFolder: app.isPackaged ? path.join(process.resourcesPath, 'migrations') : undefined,
      dailyUpkeep: true,
      warmUp: true,
      backupSchedule: true,
      log: consoleLog,
    });
    // Quitting waits for the backup at shutdown (设置 → 数据备份), then quits for real.
    let quitting: Promise<void> | null = null;
    let closed = false;
    app.on('before-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      quitting ??= core.shutdown().finally(() => {
        closed = true;
        app.quit();
      });
    });
    const isAppPage = (url: string) =>
      rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://');
    bindIpc(core.router, (sender) => isAppPage(sender.getURL()));
    pushChanges(core.changes, (sender) => isAppPage(sender.getURL()));
  } catch (error) {
    const message = error instanceof MigrationError ? error.message : `启动失败：${String(error)}`;
    dialog.showErrorBox('Dealer CRM 无法启动', message);
    app.exit(1);
    return;
  }
  installMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void start();
