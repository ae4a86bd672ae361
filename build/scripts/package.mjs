// `npm run package`: build, compile better-sqlite3 for Electron's ABI into build/native/ (Node keeps its own
// build for tests), then electron-builder. Needs network access to Electron's and NSIS's downloads.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: repo, ...opts });
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8'),
).version;

run('npx', ['electron-vite', 'build']);

const work = fs.mkdtempSync(path.join(repo, 'release-native-'));
try {
  fs.cpSync(path.join(repo, 'node_modules/better-sqlite3'), path.join(work, 'better-sqlite3'), {
    recursive: true,
  });
  run('npx', [
    'electron-rebuild',
    '--version',
    electronVersion,
    '--module-dir',
    path.join(work, 'better-sqlite3'),
    '--force',
  ]);
  fs.mkdirSync(path.join(repo, 'build/native'), { recursive: true });
  fs.copyFileSync(
    path.join(work, 'better-sqlite3/build/Release/better_sqlite3.node'),
    path.join(repo, 'build/native/better_sqlite3.node'),
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['--linux', '--win'];
run('npx', ['electron-builder', '--config', 'build/electron-builder.yml', ...targets]);
