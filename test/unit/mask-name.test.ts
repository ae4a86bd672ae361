import { describe, expect, it } from 'vitest';
import { maskPersonName } from '../../electron/common/mask-name';

describe('masked names', () => {
  it('keeps the surname only, compound surnames whole, and never gives the length away', () => {
    expect(maskPersonName('王小明')).toBe('王**');
    expect(maskPersonName('王五')).toBe('王**');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳**');
    expect(maskPersonName('诸葛亮')).toBe('诸葛**');
    expect(maskPersonName('John')).toBe('J***');
  });

  it('shows a company name whole: it is not a person', () => {
    expect(maskPersonName('惠州市宏图贸易有限公司', true)).toBe('惠州市宏图贸易有限公司');
  });
});
