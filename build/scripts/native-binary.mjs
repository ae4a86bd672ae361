// What a compiled `.node` file was built for, read from its header: a Windows installer that carries a Linux
// better_sqlite3.node installs fine and then fails at its first start, so packaging refuses a mismatch.
import fs from 'node:fs';

/** @typedef {'win32' | 'linux' | 'darwin'} Platform */
/** @typedef {'x64' | 'arm64' | 'ia32' | 'universal' | 'unknown'} Arch */
/** @typedef {{ format: 'PE' | 'ELF' | 'Mach-O', platform: Platform, arch: Arch }} BinaryKind */

const peMachines = { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32' };
const elfMachines = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32' };
const machoCpus = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x00000007: 'ia32' };

/**
 * @param {Buffer} head the file's first bytes (4 KiB is plenty: the PE header offset sits at 0x3c)
 * @returns {BinaryKind | null} null when it is none of the three executable formats
 */
export function readBinaryKind(head) {
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const little = head[5] === 1;
    const machine = little ? head.readUInt16LE(18) : head.readUInt16BE(18);
    return { format: 'ELF', platform: 'linux', arch: elfMachines[machine] ?? 'unknown' };
  }
  if (head.length >= 0x40 && head[0] === 0x4d && head[1] === 0x5a) {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.readUInt32BE(pe) === 0x50450000) {
      return { format: 'PE', platform: 'win32', arch: peMachines[head.readUInt16LE(pe + 4)] ?? 'unknown' };
    }
    return null;
  }
  if (head.length >= 8) {
    const magicLE = head.readUInt32LE(0);
    if (magicLE === 0xfeedfacf || magicLE === 0xfeedface) {
      return { format: 'Mach-O', platform: 'darwin', arch: machoCpus[head.readUInt32LE(4)] ?? 'unknown' };
    }
    // Fat (universal) binaries are big-endian; Java class files share the magic but carry a far larger count.
    if (head.readUInt32BE(0) === 0xcafebabe && head.readUInt32BE(4) < 20) {
      return { format: 'Mach-O', platform: 'darwin', arch: 'universal' };
    }
  }
  return null;
}

/** @param {string} file */
export function readBinaryKindOfFile(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return readBinaryKind(head.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

const formatOf = { win32: 'PE', linux: 'ELF', darwin: 'Mach-O' };
const platformNames = { win32: 'Windows', linux: 'Linux', darwin: 'macOS' };

/**
 * Null when `file` is a native module for `target`, else the reason in words (Chinese first, for the person
 * packaging at the store's IT desk, then English for the build log).
 * @param {string} file
 * @param {{ platform: Platform, arch: 'x64' | 'arm64' | 'ia32' }} target
 * @returns {string | null}
 */
export function nativeMismatch(file, target) {
  if (!fs.existsSync(file)) return `找不到原生模块 / native module missing: ${file}`;
  const kind = readBinaryKindOfFile(file);
  const wanted = `${platformNames[target.platform]} ${target.arch} (${formatOf[target.platform]})`;
  if (!kind) return `原生模块不是可执行文件格式 / not a PE, ELF or Mach-O file: ${file}; wanted ${wanted}`;
  const archOk = kind.arch === target.arch || (kind.platform === 'darwin' && kind.arch === 'universal');
  if (kind.platform === target.platform && archOk) return null;
  const found = `${platformNames[kind.platform]} ${kind.arch} (${kind.format})`;
  return `原生模块平台不符：${file} 是 ${found}，目标需要 ${wanted} / native module is built for ${found}, target needs ${wanted}`;
}
