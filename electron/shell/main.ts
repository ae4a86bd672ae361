import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { consoleLog } from '../server/console-log';
import { contentSecurityPolicy } from '../server/security-headers';
import { parseFlags, stringFlag } from '../cli/args';
import { dataDirEnv } from '../server/data-dir';
import { superviseHost } from '../server/host/host-supervisor';
import { utilityHostLauncher } from './host-launcher';
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
    // The database, the API and the LAN listener run in the host process (one writer to the SQLite file, and
    // a busy window never stalls a workstation); main passes the window's calls on and restarts it if it dies.
    // Migrations run there before any window exists: a failed one stops the app with the backup's name.
    const host = superviseHost({
      launch: utilityHostLauncher(),
      start: {
        dataDir,
        nativeBinding,
        adminPassword: stringFlag(flags, 'admin-password') ?? process.env.DEALER_CRM_ADMIN_PASSWORD,
        // Unpackaged (electron-vite dev/preview) the bundle sits in out/main, away from db/migrations.
        migrationsFolder: app.isPackaged
          ? path.join(process.resourcesPath, 'migrations')
          : path.join(app.getAppPath(), 'db', 'migrations'),
        dailyUpkeep: true,
        warmUp: true,
        backupSchedule: true,
        // Browsers on the LAN get the same pages the window shows.
        staticDir: path.join(import.meta.dirname, '../renderer'),
        announce: true,
      },
      log: (line) => consoleLog(line),
    });
    await host.ready;
    // Quitting waits for the host process's backup at shutdown (设置 → 数据备份), then quits for real.
    let quitting: Promise<void> | null = null;
    let closed = false;
    app.on('before-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      quitting ??= host.stop().finally(() => {
        closed = true;
        app.quit();
      });
    });
    const isAppPage = (url: string) =>
      rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://');
    bindIpc(host.router, (sender) => isAppPage(sender.getURL()));
    pushChanges(host.changes, (sender) => isAppPage(sender.getURL()));
  } catch (error) {
    dialog.showErrorBox('Dealer CRM 无法启动', error instanceof Error ? error.message : String(error));
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
