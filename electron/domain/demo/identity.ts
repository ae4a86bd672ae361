import { idNumberCheckChar } from '../../common/id-number';
import { isoDay } from './calendar';
import type { Rng } from './rng';
import { weightedWords } from './rng';

// Prefixes of the three carriers, weighted roughly by how often they turn up in a Guangdong customer base.
const mobilePrefixes = weightedWords(`
  138:14 139:14 135:10 136:8 137:8 150:6 151:5 152:4 158:6 159:6 186:8 185:4 131:3 132:3 189:5
  180:3 133:3 177:2 188:4 199:2 198:2 166:2
`);

/** Hands out mainland mobile numbers that never repeat within one generation. */
export class MobileAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(): string {
    for (;;) {
      const n = `${this.rng.weighted(mobilePrefixes)}${String(this.rng.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}

/** A GB 11643 number that agrees with the person's birthday and gender (odd 17th digit for men). */
export function idNumberFor(
  rng: Rng,
  regionCode: string,
  birthDay: number,
  gender: 'male' | 'female',
): string {
  const order = rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${regionCode}${isoDay(birthDay).replace(/-/g, '')}${String(order).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** WeChat IDs: many people use their phone number, others pinyin plus digits. */
export function wechatFor(rng: Rng, pinyin: string, mobile: string): string {
  if (rng.chance(0.45)) return mobile;
  return `${pinyin.slice(0, 14)}${rng.chance(0.5) ? '_' : ''}${rng.int(1, 9999)}`;
}
