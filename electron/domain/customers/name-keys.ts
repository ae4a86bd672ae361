import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin (`zhangsan`) and initials (`zs`).
 * `surname: 'head'` reads 单/曾/解 as surnames (shan, zeng, xie), as staff would type them.
 */
export function nameSearchKeys(name: string): { pinyin: string; initials: string } {
  const opts = { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' } as const;
  const full = pinyin(name, opts);
  const first = pinyin(name, { ...opts, pattern: 'first' });
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  return { pinyin: clean(full), initials: clean(first) };
}
