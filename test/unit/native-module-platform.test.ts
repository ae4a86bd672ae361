import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeMismatch, readBinaryKind } from '../../build/scripts/native-binary.mjs';
import { parseTargets } from '../../build/scripts/package-targets.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const nodeBuild = path.join(repo, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'native-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The first bytes a linker writes for a Windows DLL: MZ stub, e_lfanew at 0x3c, `PE\0\0`, machine. */
function peHeader(machine: number): Buffer {
  const b = Buffer.alloc(0x100);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(machine, 0x84);
  return b;
}
function machoHeader(cpu: number): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}
function file(name: string, content: Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

describe('native module platform per packaging target', () => {
  it('reads the better-sqlite3 this machine built as a Linux ELF for its CPU', () => {
    const kind = readBinaryKind(fs.readFileSync(nodeBuild).subarray(0, 4096));
    expect(kind).toEqual({ format: 'ELF', platform: 'linux', arch: process.arch });
  });

  it('refuses the Linux build for the Windows installer and accepts it for Linux', () => {
    const arch = process.arch as 'x64' | 'arm64';
    expect(nativeMismatch(nodeBuild, { platform: 'linux', arch })).toBeNull();
    const refusal = nativeMismatch(nodeBuild, { platform: 'win32', arch: 'x64' });
    expect(refusal).toContain('原生模块平台不符');
    expect(refusal).toContain('Windows x64 (PE)');
    expect(refusal).toContain('Linux');
  });

  it('tells PE x64 from PE arm64, and Mach-O from both', () => {
    const winX64 = file('win-x64.node', peHeader(0x8664));
    const winArm = file('win-arm64.node', peHeader(0xaa64));
    const mac = file('mac-arm64.node', machoHeader(0x0100000c));
    expect(nativeMismatch(winX64, { platform: 'win32', arch: 'x64' })).toBeNull();
    expect(nativeMismatch(winArm, { platform: 'win32', arch: 'x64' })).toContain('Windows arm64 (PE)');
    expect(nativeMismatch(winX64, { platform: 'linux', arch: 'x64' })).toContain('Windows x64 (PE)');
    expect(nativeMismatch(mac, { platform: 'darwin', arch: 'arm64' })).toBeNull();
    expect(nativeMismatch(mac, { platform: 'win32', arch: 'x64' })).toContain('macOS arm64 (Mach-O)');
  });

  it('refuses a file that is no executable at all, and one that is missing', () => {
    const text = file('readme.node', Buffer.from('not a binary at all, just text'));
    expect(nativeMismatch(text, { platform: 'win32', arch: 'x64' })).toContain('not a PE, ELF or Mach-O');
    expect(nativeMismatch(path.join(dir, 'absent.node'), { platform: 'win32', arch: 'x64' })).toContain(
      '找不到原生模块',
    );
    // An MZ stub whose PE offset points past the file is not taken for a Windows module.
    const stub = Buffer.alloc(0x40);
    stub.write('MZ', 0, 'latin1');
    stub.writeUInt32LE(0x1000, 0x3c);
    expect(readBinaryKind(stub)).toBeNull();
  });

  it('packages Windows by default, and takes a native file given for a target', () => {
    expect(parseTargets([], 'linux').targets.map((t) => t.platform)).toEqual(['win32', 'linux']);
    expect(parseTargets([], 'win32').targets.map((t) => t.platform)).toEqual(['win32']);
    const parsed = parseTargets(
      ['--win', '--native-win32-x64', 'C:/b/better_sqlite3.node', '--publish', 'never'],
      'linux',
    );
    expect(parsed.targets).toEqual([{ platform: 'win32', arch: 'x64', builderFlag: '--win' }]);
    expect(parsed.nativeFiles).toEqual({ 'win32-x64': 'C:/b/better_sqlite3.node' });
    expect(parsed.builderArgs).toEqual(['--publish', 'never']);
  });

  it('pins the rebuild tool instead of npx electron-rebuild', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['@electron/rebuild']).toMatch(/^\d+\.\d+\.\d+$/);
    const script = fs.readFileSync(path.join(repo, 'build/scripts/package.mjs'), 'utf8');
    expect(script).not.toMatch(/['"]npx['"]/);
    expect(script).toContain('nativeMismatch(nativeFile, target)');
  });
});
