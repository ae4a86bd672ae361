import { vinCheckDigit } from '../../common/vin';
import type { Series } from './catalog';
import { vinYearCode } from './catalog';
import type { Rng } from './rng';
import { weightedTable } from './rng';

/**
 * VINs with a correct check digit. Serials (positions 12–17) rise per maker and model year, as they do off a
 * production line, which also keeps every VIN unique.
 */
export class VinAllocator {
  private readonly serials = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  next(series: Series, modelYear: number): string {
    const year = vinYearCode(modelYear);
    const key = series.wmi + year;
    const serial = (this.serials.get(key) ?? this.rng.int(10_000, 80_000)) + this.rng.int(1, 9);
    if (serial > 999_999) throw new RangeError(`VIN 序号用尽：${key}`);
    this.serials.set(key, serial);
    const draft = `${series.wmi}${series.vds}0${year}${series.plant}${String(serial).padStart(6, '0')}`;
    return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
  }
}

// Serial characters on a plate: digits and letters except I and O.
const plateLetters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '0123456789';
const letterCounts = weightedTable<number>([
  [0, 55],
  [1, 33],
  [2, 12],
]);

/** Normalised plates (`粤L12345`, `粤LD12345`), never the same twice. */
export class PlateAllocator {
  private readonly used = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly prefix: string,
  ) {}

  next(series: Series): string {
    for (;;) {
      const plate = this.prefix + (series.greenPlate ? this.newEnergy(series) : this.regular());
      if (!this.used.has(plate)) {
        this.used.add(plate);
        return plate;
      }
    }
  }

  private char(from: string): string {
    return from.charAt(this.rng.int(0, from.length - 1));
  }

  /** Five characters, at most two of them letters, like most plates chosen at the registration office. */
  private regular(): string {
    const chars = Array.from({ length: 5 }, () => this.char(digits));
    const letters = this.rng.weighted(letterCounts);
    for (let i = 0; i < letters; i++) chars[this.rng.int(0, 4)] = this.char(plateLetters);
    return chars.join('');
  }

  /** Small new-energy plate: D for battery cars, F for plug-in hybrids, then one character and four digits. */
  private newEnergy(series: Series): string {
    const kind = series.energy === 'electric' ? 'D' : 'F';
    const second = this.rng.chance(0.6) ? this.char(plateLetters) : this.char(digits);
    return kind + second + Array.from({ length: 4 }, () => this.char(digits)).join('');
  }
}
