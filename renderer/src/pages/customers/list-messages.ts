/** Strings of the customer list's filters and column chooser; merged into the locale files as `customerList`. */
export const customerListZhCN = {
  noMatch: '没有符合筛选条件的客户',
  filters: {
    label: '筛选客户',
    text: '姓名、拼音、手机、车牌、VIN',
    textLabel: '按姓名、拼音、手机号、车牌或 VIN 筛选',
    stages: '阶段',
    baseGrades: '基盘等级',
    tiers: '会员等级',
    tag: '标签',
    district: '区县',
    series: '车系',
    lastVisit: '最近进站日期',
    lastVisitFrom: '最近进站',
    lastVisitTo: '截止',
    clear: '清除筛选',
    clearShort: '清除',
  },
  columns: {
    title: '显示的列',
    button: '列设置',
    buttonHidden: '列设置（隐藏 {{count}}）',
    reset: '恢复默认',
  },
};

export const customerListEn: typeof customerListZhCN = {
  noMatch: 'No customer matches these filters',
  filters: {
    label: 'Filter customers',
    text: 'Name, pinyin, phone, plate, VIN',
    textLabel: 'Filter by name, pinyin, phone, plate or VIN',
    stages: 'Stage',
    baseGrades: 'Base grade',
    tiers: 'Member tier',
    tag: 'Tag',
    district: 'District',
    series: 'Series',
    lastVisit: 'Last visit',
    lastVisitFrom: 'Last visit from',
    lastVisitTo: 'to',
    clear: 'Clear filters',
    clearShort: 'Clear',
  },
  columns: {
    title: 'Columns shown',
    button: 'Columns',
    buttonHidden: 'Columns ({{count}} hidden)',
    reset: 'Reset',
  },
};
