import fs from 'node:fs';
import { app, dialog, ipcMain } from 'electron';
import type { BrowserWindow, Session } from 'electron';
import { fingerprintMatchesPin } from '../common/pairing-code';
import { AppError } from '../contract/errors';
import { discoverHosts } from '../workstation/host-discovery';
import { checkPinnedHost, pairWithHost } from '../workstation/host-probe';
import type { HostPin } from '../workstation/host-probe';
import type { PairRequest, PairResult } from '../workstation/workstation-bridge';
import { workstationIpc } from '../workstation/workstation-bridge';
import type { WorkstationConfig } from '../workstation/workstation-config';
import { workstationConfigFile, writeWorkstationConfig } from '../workstation/workstation-config';

/** Saves the choice and starts again in that mode (a workstation has no local database to open). */
function restartWith(userData: string, config: WorkstationConfig): void {
  writeWorkstationConfig(userData, config);
  app.relaunch();
  app.exit(0);
}

/** The first-start screen's calls (see workstation-bridge.ts). */
export function bindWorkstationSetup(userData: string, setup: boolean): void {
  ipcMain.on(workstationIpc.state, (event) => {
    event.returnValue = setup ? 'setup' : 'ready';
  });
  if (!setup) return;
  ipcMain.handle(workstationIpc.discover, () => discoverHosts());
  ipcMain.handle(workstationIpc.useLocal, () => restartWith(userData, { mode: 'local' }));
  ipcMain.handle(workstationIpc.pair, async (_e, req: PairRequest): Promise<PairResult> => {
    try {
      const pin = await pairWithHost(req.address.trim(), req.port, req.code);
      restartWith(userData, {
        mode: 'workstation',
        host: pin,
        name: req.name.trim(),
        pairedAt: new Date().toISOString(),
      });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: error instanceof AppError ? error.message : String(error) };
    }
  });
}

/**
 * Chromium trusts the host's self-signed certificate only when it is the paired one, for that host alone; every
 * other site is verified as usual. Each request to the host carries this PC's name for the audit log.
 */
export function pinHostSession(ses: Session, pin: HostPin, name: string): void {
  ses.setCertificateVerifyProc((request, callback) => {
    if (request.hostname !== pin.address) return callback(-3);
    callback(fingerprintMatchesPin(request.certificate.fingerprint, pin.fingerprint) ? 0 : -2);
  });
  ses.webRequest.onBeforeSendHeaders(
    { urls: [`https://${pin.address}:${pin.port}/*`] },
    (details, callback) =>
      callback({
        requestHeaders: { ...details.requestHeaders, 'X-Dealer-Workstation': encodeURIComponent(name) },
      }),
  );
}

/**
 * Opens the store host in the window: the certificate is checked against the pin first, so a changed or
 * impostor host is refused — with the reason — before a password could be typed into it.
 */
export async function openHostInWindow(
  win: BrowserWindow,
  config: Extract<WorkstationConfig, { mode: 'workstation' }>,
  userData: string,
): Promise<void> {
  const { host } = config;
  for (;;) {
    try {
      await checkPinnedHost(host);
      await win.loadURL(`https://${host.address}:${host.port}/`);
      return;
    } catch (error) {
      const message = error instanceof AppError ? error.message : String(error);
      const mismatch = error instanceof AppError && error.kind === 'forbidden';
      const { response } = await dialog.showMessageBox(win, {
        type: mismatch ? 'warning' : 'error',
        title: mismatch ? '门店主机证书不符' : '连接不上门店主机',
        message,
        buttons: mismatch ? ['重新配对', '退出'] : ['重试', '重新配对', '退出'],
        defaultId: 0,
        cancelId: mismatch ? 1 : 2,
      });
      const choice = mismatch ? ['repair', 'quit'][response] : ['retry', 'repair', 'quit'][response];
      if (choice === 'retry') continue;
      if (choice === 'repair') {
        // Back to the first-start screen: the choice is forgotten, the pin with it.
        fs.rmSync(workstationConfigFile(userData), { force: true });
        app.relaunch();
      }
      app.exit(0);
      return;
    }
  }
}
