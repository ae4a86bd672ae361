import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/shell/main.ts'),
          // Imports run in a worker thread beside main (electron/domain/imports/import-worker-launcher.ts).
          'import-worker': resolve(import.meta.dirname, 'electron/domain/imports/import-worker.ts'),
          // Backups are copied, checked and encrypted in a worker too (electron/domain/backups/backup-worker-launcher.ts).
          'backup-worker': resolve(import.meta.dirname, 'electron/domain/backups/backup-worker.ts'),
          // The WAL checkpoint beside the server's connection (electron/server/checkpointer.ts).
          'checkpoint-worker': resolve(import.meta.dirname, 'electron/server/checkpoint-worker.ts'),
          // The desktop's host process: the database and the LAN listener off the window's process
          // (electron/shell/host-launcher.ts starts it as a utilityProcess).
          'host-process': resolve(import.meta.dirname, 'electron/server/host/host-process.ts'),
        },
      },
      // chinese-days is imported as JSON: kept external, the bundle's bare import loses its `with { type:
      // 'json' }` and Node refuses it at start, so its data is bundled in.
      externalizeDeps: { exclude: ['chinese-days'] },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/shell/preload.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: { exclude: ['zod'] },
    },
  },
  // electron-vite resolves paths against the project root; the plugins are the browser build's own.
  renderer: {
    root: 'renderer',
    base: './',
    plugins: rendererConfig.plugins,
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
