import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const root = resolve(import.meta.dirname);

/** Shared by `electron-vite` (desktop) and plain `vite build` (the browser build `serve` hosts). */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, '../out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
};

export default rendererConfig;
