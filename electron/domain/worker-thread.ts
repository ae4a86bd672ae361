import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker entry `name` that sits beside the launcher module `here` (its import.meta.url). From source
 * (tsx, vitest) the worker registers tsx's loader before importing the TypeScript entry — Node 20 ignores
 * `--import` in a worker's execArgv. From the electron-vite bundle it loads `<name>.js` beside the main bundle,
 * which needs that file as an entry of the main build (electron.vite.config.ts, rollupOptions.input[name]).
 */
export function startWorkerThread(here: string, name: string, workerData: unknown): Worker {
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), { workerData });
  const entry = new URL(`./${name}.ts`, here).href;
  const tsxApi = createRequire(fileURLToPath(here))
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};
register();
await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData,
    execArgv: [],
  });
}
