/** Strings of the shared conflict dialog (two people saved one record); mounted as `conflict` in the locale files. */
export const conflictZhCN = {
  title: '没有保存：{{what}}刚刚更新过',
  notSaved: '您的修改还没有保存，也没有覆盖任何人的内容。',
  explainBy: '{{name}} 在 {{at}} 保存了{{what}}，那时您正在修改。请逐项选择保留哪一个，再保存。',
  explainUnknown: '{{what}}在 {{at}} 有更新，那时您正在修改。请逐项选择保留哪一个，再保存。',
  field: '项目',
  was: '您打开时',
  mine: '您填写的',
  theirs: '{{name}}保存的',
  theirsUnknown: '现在保存的',
  savedAt: '{{at}} 保存',
  keepMine: '用我的',
  takeTheirs: '用{{name}}的',
  takeSaved: '用现在的',
  otherChangedBy: '{{name}}改过',
  otherChanged: '刚被改过',
  noFieldDiff: '您填写的内容与现在保存的一致，可以直接保存',
  back: '返回修改',
  loadLatest: '载入最新内容',
  save: '按所选保存',
  loaded: '已显示最新内容，您的修改已放弃',
  none: '（空）',
};

export type ConflictMessages = typeof conflictZhCN;

export const conflictEn: ConflictMessages = {
  title: 'Not saved: {{what}} was just updated',
  notSaved: 'Your changes are not saved yet, and nothing anyone typed was overwritten.',
  explainBy:
    '{{name}} saved {{what}} at {{at}} while you were editing. Choose which value to keep for each item, then save.',
  explainUnknown:
    '{{what}} was updated at {{at}} while you were editing. Choose which value to keep for each item, then save.',
  field: 'Item',
  was: 'When you opened it',
  mine: 'Yours',
  theirs: 'Saved by {{name}}',
  theirsUnknown: 'Saved now',
  savedAt: 'saved {{at}}',
  keepMine: 'Keep mine',
  takeTheirs: 'Use {{name}}’s',
  takeSaved: 'Use saved',
  otherChangedBy: 'Changed by {{name}}',
  otherChanged: 'Just changed',
  noFieldDiff: 'What you typed matches what is saved now; you can save as is',
  back: 'Back to the form',
  loadLatest: 'Load the latest',
  save: 'Save my choices',
  loaded: 'Showing the latest; your changes were dropped',
  none: '(blank)',
};
