/** Query keys of 设置 → 数据备份. */
export const backupKeys = {
  settings: ['backups', 'settings'] as const,
  list: ['backups', 'list'] as const,
};
