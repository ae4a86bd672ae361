import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { rendererConfig } from '../../renderer/vite.config';

const repo = path.resolve(import.meta.dirname, '../..');
export const rendererOutDir = path.join(repo, 'out/renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Rebuilds the browser bundle only when a renderer or contract source is newer than the last build. */
export async function buildRendererIfNeeded(log: (line: string) => void): Promise<void> {
  const index = path.join(rendererOutDir, 'index.html');
  const sources = ['renderer', 'electron/contract', 'electron/common'].map((d) =>
    newestMtime(path.join(repo, d)),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...sources)) return;
  log('正在构建界面（renderer）…');
  await build({ ...rendererConfig, logLevel: 'warn' });
}
