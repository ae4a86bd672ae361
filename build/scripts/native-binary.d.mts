export type Platform = 'win32' | 'linux' | 'darwin';
export interface BinaryKind {
  format: 'PE' | 'ELF' | 'Mach-O';
  platform: Platform;
  arch: 'x64' | 'arm64' | 'ia32' | 'universal' | 'unknown';
}
export function readBinaryKind(head: Buffer): BinaryKind | null;
export function readBinaryKindOfFile(file: string): BinaryKind | null;
export function nativeMismatch(
  file: string,
  target: { platform: Platform; arch: 'x64' | 'arm64' | 'ia32' },
): string | null;
