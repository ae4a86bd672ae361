import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { adminPassword, e2ePort as port, repoRoot, screenshotDir } from './e2e-env';

// Workers load this file again; the environment carries the first load's directory over so all agree on one.
const dataDir = (process.env.DEALER_E2E_DATA_DIR ??= fs.mkdtempSync(
  path.join(os.tmpdir(), 'dealer-crm-e2e-'),
));
fs.mkdirSync(screenshotDir, { recursive: true });

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Per port, so two runs on one machine do not delete each other's traces.
  outputDir: path.join(repoRoot, `test-results/e2e-${port}`),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: the flow includes generating demo data, and CI machines are often busy.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  globalTeardown: './global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx tsx electron/cli/serve.ts --port ${port} --data-dir ${dataDir} --admin-password ${adminPassword}`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    // The first run builds the renderer before listening.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
