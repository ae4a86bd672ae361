import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  files: string[];
  extraResources: { from: string; to: string }[];
  win: { icon: string };
  linux: { target: string[]; icon: string };
}

/** Packaging cannot run here (it downloads Electron), so at least its configuration is checked. */
describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(dir: string, file: string, extra: null): Promise<BuilderConfig>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(repo, path.join(repo, 'build/electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, nonsense: true }, new DebugLogger(false)),
    ).rejects.toThrow();

    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(fs.existsSync(path.join(repo, config.win.icon))).toBe(true);
    const migrations = config.extraResources.find((r) => r.to === 'migrations');
    expect(migrations && fs.existsSync(path.join(repo, migrations.from, 'meta/_journal.json'))).toBe(true);
  });

  it('points package.json main at what electron-vite builds', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    const shellMain = fs.readFileSync(path.join(repo, 'electron/shell/main.ts'), 'utf8');
    expect(shellMain).toContain("'../preload/index.cjs'");
  });
});
