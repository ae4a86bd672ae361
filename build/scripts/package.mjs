// `npm run package [-- --win] [--linux] [--mac] [--native-win32-x64 <file>]`: build once, then per target put
// that platform's better-sqlite3 for Electron's ABI into build/native/, check its header, and run
// electron-builder for that target alone. Node keeps its own build in node_modules for tests.
//
// Where each target's native module comes from:
//   - the machine's own platform: compiled here with the pinned @electron/rebuild;
//   - another platform (a Windows installer made on Linux): better-sqlite3's published Electron prebuild for
//     that platform, fetched with prebuild-install, or a file given with --native-<platform>-<arch> (for
//     example the build/native/better_sqlite3.node a Windows machine produced with `npm run package -- --win`).
// A module whose header does not match the target (PE / ELF / Mach-O and the CPU) stops packaging.
// Needs network access to Electron's, NSIS's and the prebuilds' downloads, and Node >= 22.12 (electron 45).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseTargets } from './package-targets.mjs';
import { nativeMismatch } from './native-binary.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
/** A package's own command-line script, run with this Node (no .cmd shims on Windows, no unpinned npx). */
const binOf = (pkg, file) => path.join(repo, 'node_modules', pkg, file);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: repo, ...opts });
const node = (script, args, opts) => run(process.execPath, [script, ...args], opts);
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8'),
).version;
const nativeOut = path.join(repo, 'build/native');
const nativeFile = path.join(nativeOut, 'better_sqlite3.node');

const { targets, nativeFiles, builderArgs } = parseTargets(process.argv.slice(2), process.platform);

/** A fresh copy of better-sqlite3 to build or fetch into, so node_modules keeps Node's own build. */
function withModuleCopy(fn) {
  const work = fs.mkdtempSync(path.join(repo, 'release-native-'));
  try {
    const dir = path.join(work, 'better-sqlite3');
    fs.cpSync(path.join(repo, 'node_modules/better-sqlite3'), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'build'), { recursive: true, force: true });
    fn(dir);
    return fs.readFileSync(path.join(dir, 'build/Release/better_sqlite3.node'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function nativeFor(target) {
  const given = nativeFiles[`${target.platform}-${target.arch}`];
  if (given) return fs.readFileSync(path.resolve(given));
  if (target.platform === process.platform && target.arch === process.arch) {
    const cli = binOf('@electron/rebuild', 'lib/cli.js');
    return withModuleCopy((dir) =>
      node(cli, ['--version', electronVersion, '--module-dir', dir, '--force', '--arch', target.arch]),
    );
  }
  const bin = binOf('prebuild-install', 'bin.js');
  return withModuleCopy((dir) =>
    node(
      bin,
      [
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--platform',
        target.platform,
        '--arch',
        target.arch,
      ],
      { cwd: dir },
    ),
  );
}

run(process.execPath, [binOf('electron-vite', 'bin/electron-vite.js'), 'build']);

for (const target of targets) {
  console.log(`\n== ${target.platform}-${target.arch}: better-sqlite3 for Electron ${electronVersion}`);
  fs.rmSync(nativeOut, { recursive: true, force: true });
  fs.mkdirSync(nativeOut, { recursive: true });
  fs.writeFileSync(nativeFile, nativeFor(target));
  const mismatch = nativeMismatch(nativeFile, target);
  if (mismatch) {
    console.error(`\n打包已停止 / packaging stopped: ${mismatch}`);
    process.exit(1);
  }
  run(process.execPath, [
    binOf('electron-builder', 'cli.js'),
    '--config',
    'build/electron-builder.yml',
    target.builderFlag,
    `--${target.arch}`,
    ...builderArgs,
  ]);
}
