import net from 'node:net';
import tls from 'node:tls';
import { expect, test } from '@playwright/test';
import { apiCaller, apiLogin, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

// 设置 → 门店主机: a manager switches "本机作为门店主机" on. A port another program holds is refused in Chinese
// beside the switch; on a free port the panel shows the HTTPS addresses and the certificate fingerprint the
// listener really presents; switching off asks first (workstations are disconnected), then the LAN port is closed.

/** A port nothing listens on now (the OS's pick), so parallel runs on one machine do not collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '0.0.0.0', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The SHA-256 of the certificate the LAN listener presents, as the panel shows it (AB:CD:…). */
function presentedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Not trusting it: reading what is presented is the point, and nothing is sent over this socket.
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.once('error', reject);
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('a manager switches the store host on and off from Settings', async ({ page, request }) => {
  const password = await ensureUser(request, 'h15-host-mgr', 'manager', '店长老周');
  const api = apiCaller(request, await apiLogin(request, 'h15-host-mgr', password));
  const port = await freePort();
  const taken = net.createServer();
  const takenPort = await new Promise<number>((resolve) =>
    taken.listen(0, '0.0.0.0', () => resolve((taken.address() as net.AddressInfo).port)),
  );
  try {
    await uiLogin(page, 'h15-host-mgr', password);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '门店主机' }).click();
    const panel = page.getByTestId('host-switch');
    const toggle = panel.getByRole('switch', { name: '本机作为门店主机' });
    const status = panel.getByTestId('host-status');
    const portField = panel.getByLabel('局域网端口');
    await expect(status).toHaveText('未开启');
    await expect(toggle).not.toBeChecked();
    await expect(page.getByText('门店主机未开启', { exact: true })).toBeVisible();

    await test.step('a port outside the range is refused at the field, nothing is asked of the host', async () => {
      await portField.fill('80');
      await toggle.click();
      await expect(panel.getByText('端口须在 1024–65535 之间')).toBeVisible();
      await expect(status).toHaveText('未开启');
    });

    await test.step('a port another program holds: 开启失败 with the reason in Chinese', async () => {
      await portField.fill(String(takenPort));
      await toggle.click();
      await expect(status).toHaveText('开启失败');
      await expect(panel.getByText('门店主机未能开启')).toBeVisible();
      await expect(panel.getByText(`端口 ${takenPort} 已被其他程序占用，请换一个端口`)).toBeVisible();
      await expect(toggle).not.toBeChecked();
      await shotBoth(page, '89-host-failed');
    });

    await test.step('on a free port: 已开启, the HTTPS addresses and the fingerprint actually presented', async () => {
      await portField.fill(String(port));
      await toggle.click();
      await expect(status).toHaveText('已开启');
      await expect(toggle).toBeChecked();
      await expect(portField).toBeDisabled();
      await expect(page.getByText('门店主机已开启，工作站现在可以连接')).toBeVisible();
      await expect(page.getByText(new RegExp(`https://[^/\\s]+:${port}/`)).first()).toBeVisible();
      const fingerprint = await presentedFingerprint(port);
      const shown = (await page.locator('.host-fingerprint').allTextContents()).join(':');
      expect(shown).toBe(fingerprint);
      await expect(page.getByTestId('pairing-code')).toHaveText(/\S{4,}/);
      await expect(page.getByRole('img', { name: /配对二维码/ })).toBeVisible();
      const info = await api<{ status: string; port: number }>('host.info', {});
      expect(info).toMatchObject({ status: 'on', port });
      await shotBoth(page, '89-host-on');
    });

    await test.step('switching off asks first; cancelling keeps it on', async () => {
      await toggle.click();
      const dialog = page.getByRole('dialog', { name: '关闭门店主机？' });
      await expect(dialog).toContainText('正在连接本机的工作站会立即断开');
      await shotBoth(page, '89-host-off-confirm');
      await dialog.getByRole('button', { name: '取消' }).click();
      await expect(dialog).toBeHidden();
      await expect(status).toHaveText('已开启');
      expect(await listening(port)).toBe(true);
    });

    await test.step('confirmed: 未开启, the addresses are gone and the LAN port is closed', async () => {
      await toggle.click();
      await page
        .getByRole('dialog', { name: '关闭门店主机？' })
        .getByRole('button', { name: '关闭门店主机' })
        .click();
      await expect(status).toHaveText('未开启');
      await expect(page.getByText('门店主机已关闭', { exact: true })).toBeVisible();
      await expect(page.getByText('门店主机未开启', { exact: true })).toBeVisible();
      await expect(page.locator('.host-fingerprint')).toHaveCount(0);
      await expect(portField).toBeEnabled();
      expect(await listening(port)).toBe(false);
      const info = await api<{ status: string; enabled: boolean }>('host.info', {});
      expect(info).toMatchObject({ status: 'off', enabled: false });
    });
  } finally {
    taken.close();
    // Left on by a failed step, the next spec (and the next start) would find this server on the LAN.
    await api('host.stop', {}).catch(() => undefined);
  }
});
