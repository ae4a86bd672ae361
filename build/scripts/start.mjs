// `npm start`: the desktop app when Electron's binary is present, else the same app in the browser.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinaryPresent() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    return fs.existsSync(path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), rel));
  } catch {
    return false;
  }
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (electronBinaryPresent()) {
  run('npx', ['electron-vite', 'dev', ...args]);
} else {
  console.log(
    'Electron 可执行文件不可用（此机器无法下载），改为在浏览器中运行同一应用 / Electron binary missing: serving the app over HTTP instead.',
  );
  run('npx', ['tsx', 'electron/cli/serve.ts', ...args]);
}
