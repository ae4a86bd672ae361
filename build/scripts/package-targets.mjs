// Which installers `npm run package` makes, from its arguments; kept apart from package.mjs so a unit test
// can read it without running a build.

/** @typedef {{ platform: 'win32' | 'linux' | 'darwin', arch: 'x64' | 'arm64', builderFlag: string }} PackageTarget */

const targetFlags = {
  '--win': { platform: 'win32', builderFlag: '--win' },
  '--linux': { platform: 'linux', builderFlag: '--linux' },
  '--mac': { platform: 'darwin', builderFlag: '--mac' },
};

/**
 * @param {string[]} argv `--win`, `--linux`, `--mac`, `--arm64`, `--native-<platform>-<arch> <file>`; anything
 *   else goes to electron-builder as it is
 * @param {string} hostPlatform
 * @returns {{ targets: PackageTarget[], nativeFiles: Record<string, string>, builderArgs: string[] }}
 */
export function parseTargets(argv, hostPlatform) {
  const arch = argv.includes('--arm64') ? 'arm64' : 'x64';
  /** @type {PackageTarget[]} */
  const targets = [];
  /** @type {Record<string, string>} */
  const nativeFiles = {};
  const builderArgs = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const native = /^--native-(win32|linux|darwin)-(x64|arm64)(?:=(.*))?$/.exec(a);
    if (native) {
      const file = native[3] ?? argv[++i];
      if (!file) throw new Error(`${a} 需要一个 .node 文件路径 / needs a .node file path`);
      nativeFiles[`${native[1]}-${native[2]}`] = file;
    } else if (a in targetFlags) targets.push({ ...targetFlags[a], arch });
    else if (a !== '--arm64' && a !== '--x64') builderArgs.push(a);
  }
  // The stores run Windows: without flags, the Windows installer plus one for the packaging machine itself.
  if (targets.length === 0) {
    targets.push({ ...targetFlags['--win'], arch });
    const own = Object.values(targetFlags).find((t) => t.platform === hostPlatform && t.platform !== 'win32');
    if (own) targets.push({ ...own, arch });
  }
  return { targets, nativeFiles, builderArgs };
}
