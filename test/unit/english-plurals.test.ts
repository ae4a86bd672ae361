import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-cn';

/** The English UI says "1 working day", "2 working days"; Chinese keeps its one form for every count. */
describe('English plurals', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'en',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });

  it('takes the singular for one and the plural for more', () => {
    expect(i18n.t('complaints.units.working_days', { count: 1 })).toBe('1 working day');
    expect(i18n.t('complaints.units.working_days', { count: 3 })).toBe('3 working days');
    expect(i18n.t('callbacks.assign.assigned', { count: 1 })).toBe('1 task assigned');
    expect(i18n.t('callbacks.assign.assigned', { count: 12 })).toBe('12 tasks assigned');
    expect(i18n.t('complaints.kpi.reopened', { count: 1 })).toBe('Reopened once');
  });

  it('keeps one Chinese form whatever the count', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(zh('complaints.units.working_days', { count: 1 })).toContain('1');
    expect(zh('complaints.units.working_days', { count: 2 })).toContain('2');
    expect(zh('complaints.units.working_days', { count: 2 })).not.toMatch(/[a-z]/);
  });
});
