/**
 * Strings of the store settings tab and the store-hours pickers, mounted as `storeSettings` in the shared
 * locale files (one line each).
 */
export const storeSettingsZhCN = {
  tab: '门店设置',
  intro: '门店的时区和营业时段。回访重拨、约定回电和预约到店都只安排在这些时段内，按门店时区计算。',
  conflictWhat: '门店设置',
  storeName: '门店名称',
  storeNameHint: '回访话术里称呼本店用的名字，如“我是惠州宏达丰田客服”',
  storeTimeZone: '门店时区',
  storeTimeZoneHint: '“今天”、到期日和营业时段都按此时区计算，与电脑本身的时区无关',
  callingHours: '回访拨打时段',
  callingHoursHint: '未接通的重拨和约定回电只排在此时段内；超出时顺延到次日开始时间',
  serviceHours: '售后接待时段',
  serviceHoursHint: '预约到店只能选在此时段内',
  idleTimeoutMinutes: '空闲自动退出',
  idleTimeoutMinutesHint: '工作站无人操作超过此时长即自动退出登录，需重新登录（5–480 分钟，默认 30）',
  minutes: '分钟',
  start: '开始',
  end: '结束',
  to: '至',
  save: '保存门店设置',
  saved: '已保存门店设置',
  hours: {
    calling: '回访拨打时段',
    service: '售后接待时段',
    within: '只能选择{{name}}（{{hours}}）内的时间',
    outside: '所选时间不在{{name}}（{{hours}}）内，请重新选择',
  },
};

export const storeSettingsEn: typeof storeSettingsZhCN = {
  tab: 'Store',
  intro:
    'The store’s time zone and hours. Retries, agreed call-backs and service bookings are only scheduled within these hours, on the store’s clock.',
  conflictWhat: 'the store settings',
  storeName: 'Store name',
  storeNameHint: 'How call scripts name the store',
  storeTimeZone: 'Store time zone',
  storeTimeZoneHint: '“Today”, due dates and hours follow this zone, whatever the computer’s own zone',
  callingHours: 'Calling hours',
  callingHoursHint:
    'Retries and agreed call-backs fall within these hours; later ones move to the next opening',
  serviceHours: 'Service department hours',
  serviceHoursHint: 'Service bookings can only be made within these hours',
  idleTimeoutMinutes: 'Sign out when idle',
  idleTimeoutMinutesHint:
    'A workstation left without use this long is signed out and must sign in again (5–480 minutes, default 30)',
  minutes: 'minutes',
  start: 'From',
  end: 'To',
  to: 'to',
  save: 'Save store settings',
  saved: 'Store settings saved',
  hours: {
    calling: 'calling hours',
    service: 'service hours',
    within: 'Only times within {{name}} ({{hours}})',
    outside: 'The time picked is outside {{name}} ({{hours}}); please pick another',
  },
};
