export interface PackageTarget {
  platform: 'win32' | 'linux' | 'darwin';
  arch: 'x64' | 'arm64';
  builderFlag: string;
}
export function parseTargets(
  argv: string[],
  hostPlatform: string,
): { targets: PackageTarget[]; nativeFiles: Record<string, string>; builderArgs: string[] };
