import type { WeightedTable } from './rng';
import { weightedTable, weightedWords } from './rng';

export type Energy = 'fuel' | 'hybrid' | 'electric';

export interface Series {
  readonly brand: string;
  /** World manufacturer identifier: VIN positions 1–3. */
  readonly wmi: string;
  /** VIN positions 4–8 (vehicle descriptor); made up, but only of characters a VIN may hold. */
  readonly vds: string;
  /** VIN position 11. */
  readonly plant: string;
  readonly name: string;
  readonly energy: Energy;
  /** Plug-in and battery cars get the green new-energy plate; self-charging hybrids keep the blue one. */
  readonly greenPlate: boolean;
  readonly priceYuan: readonly [number, number];
  readonly trims: readonly string[];
  /** First model year sold here; older deliveries are drawn from other series. */
  readonly since: number;
}

const vwTrims = ['200TSI 舒适版', '280TSI 豪华版', '330TSI 旗舰版'];
const toyotaTrims = ['2.0L 进取版', '2.0L 豪华版', '2.5L 旗舰版'];
const toyotaHybridTrims = ['双擎 2.0L 精英版', '双擎 2.5L 豪华版'];
const hondaTrims = ['240TURBO 舒适版', '260TURBO 豪华版', '260TURBO 旗舰版'];
const nissanTrims = ['1.6L XL 悦享版', '2.0L XL 智享版', '1.5T 智尊版'];
const evTrims = ['标准续航版', '长续航 Pro', '四驱高性能版'];
const phevTrims = ['插电混动 豪华版', '插电混动 旗舰版'];

type Row = [
  string,
  string,
  string,
  string,
  string,
  Energy,
  boolean,
  number,
  number,
  readonly string[],
  number,
  number,
];

// brand, WMI, VDS, plant, series, energy, green plate, min/max price (yuan), trims, since, sales weight
const rows: Row[] = [
  ['上汽大众', 'LSV', 'AB41E', 'N', '朗逸', 'fuel', false, 100_000, 140_000, vwTrims, 2018, 18],
  ['上汽大众', 'LSV', 'CA63C', 'N', '帕萨特', 'fuel', false, 180_000, 250_000, vwTrims, 2018, 8],
  ['上汽大众', 'LSV', 'UA65N', 'N', '途观L', 'fuel', false, 210_000, 290_000, vwTrims, 2018, 8],
  ['上汽大众', 'LSV', 'UB45C', 'N', '途岳', 'fuel', false, 150_000, 190_000, vwTrims, 2019, 5],
  ['上汽大众', 'LSV', 'DA43F', 'N', '凌渡L', 'fuel', false, 140_000, 180_000, vwTrims, 2022, 4],
  ['上汽大众', 'LSV', 'XA6DK', 'N', '途昂', 'fuel', false, 260_000, 360_000, vwTrims, 2018, 3],
  ['上汽大众', 'LSV', 'UL65P', 'N', '途观L PHEV', 'hybrid', true, 240_000, 280_000, phevTrims, 2020, 1],
  ['上汽大众', 'LSV', 'EF2EV', 'A', 'ID.3', 'electric', true, 120_000, 160_000, evTrims, 2021, 3],
  ['上汽大众', 'LSV', 'EU4EV', 'A', 'ID.4 X', 'electric', true, 170_000, 220_000, evTrims, 2021, 3],
  ['一汽-大众', 'LFV', 'A2BA1', 'C', '速腾', 'fuel', false, 130_000, 170_000, vwTrims, 2018, 6],
  ['一汽-大众', 'LFV', 'A3CB2', 'C', '迈腾', 'fuel', false, 180_000, 240_000, vwTrims, 2018, 5],
  ['一汽-大众', 'LFV', 'B4UA3', 'C', '探岳', 'fuel', false, 180_000, 250_000, vwTrims, 2018, 4],
  ['一汽-大众', 'LFV', 'E4CEV', 'F', 'ID.4 CROZZ', 'electric', true, 170_000, 230_000, evTrims, 2021, 2],
  ['广汽丰田', 'LVG', 'BE40K', 'G', '凯美瑞', 'fuel', false, 170_000, 240_000, toyotaTrims, 2018, 7],
  [
    '广汽丰田',
    'LVG',
    'BH40K',
    'G',
    '凯美瑞 双擎',
    'hybrid',
    false,
    200_000,
    260_000,
    toyotaHybridTrims,
    2018,
    4,
  ],
  ['广汽丰田', 'LVG', 'CA2E5', 'G', '雷凌', 'fuel', false, 110_000, 140_000, toyotaTrims, 2018, 6],
  [
    '广汽丰田',
    'LVG',
    'CH2E5',
    'G',
    '雷凌 双擎',
    'hybrid',
    false,
    130_000,
    150_000,
    toyotaHybridTrims,
    2018,
    4,
  ],
  ['广汽丰田', 'LVG', 'DA5F8', 'G', '汉兰达', 'fuel', false, 270_000, 350_000, toyotaTrims, 2018, 3],
  ['广汽丰田', 'LVG', 'DC4F6', 'G', '威兰达', 'fuel', false, 170_000, 240_000, toyotaTrims, 2020, 3],
  ['广汽丰田', 'LVG', 'DB2F3', 'G', '锋兰达', 'fuel', false, 120_000, 160_000, toyotaTrims, 2022, 3],
  ['广汽丰田', 'LVG', 'EV3X1', 'G', '铂智3X', 'electric', true, 110_000, 160_000, evTrims, 2025, 2],
  ['广汽本田', 'LHG', 'CV1F8', 'H', '雅阁', 'fuel', false, 170_000, 230_000, hondaTrims, 2018, 5],
  ['广汽本田', 'LHG', 'CV3P8', 'H', '雅阁 e:PHEV', 'hybrid', true, 220_000, 260_000, phevTrims, 2023, 1],
  ['广汽本田', 'LHG', 'FE1F5', 'H', '型格', 'fuel', false, 130_000, 170_000, hondaTrims, 2021, 3],
  ['广汽本田', 'LHG', 'RW1H6', 'H', '皓影', 'fuel', false, 170_000, 230_000, hondaTrims, 2020, 4],
  ['广汽本田', 'LHG', 'RU1E4', 'H', '缤智', 'fuel', false, 110_000, 140_000, hondaTrims, 2018, 3],
  ['广汽本田', 'LHG', 'EN1E7', 'H', 'e:NP1 极湃1', 'electric', true, 170_000, 220_000, evTrims, 2022, 1],
  ['东风日产', 'LGB', 'H12B4', 'D', '轩逸', 'fuel', false, 100_000, 140_000, nissanTrims, 2018, 8],
  ['东风日产', 'LGB', 'H14E3', 'D', '轩逸 e-POWER', 'hybrid', false, 120_000, 150_000, nissanTrims, 2022, 2],
  ['东风日产', 'LGB', 'L34F2', 'D', '天籁', 'fuel', false, 180_000, 250_000, nissanTrims, 2018, 3],
  ['东风日产', 'LGB', 'T33R5', 'D', '奇骏', 'fuel', false, 180_000, 260_000, nissanTrims, 2018, 3],
  ['东风日产', 'LGB', 'J11F1', 'D', '逍客', 'fuel', false, 120_000, 170_000, nissanTrims, 2018, 3],
  ['东风日产', 'LGB', 'FE0EV', 'D', '艾睿雅', 'electric', true, 260_000, 340_000, evTrims, 2022, 1],
];

export const seriesList: readonly Series[] = rows.map(
  ([brand, wmi, vds, plant, name, energy, greenPlate, min, max, trims, since]) => ({
    brand,
    wmi,
    vds,
    plant,
    name,
    energy,
    greenPlate,
    priceYuan: [min, max],
    trims,
    since,
  }),
);

const tablesByYear = new Map<number, WeightedTable<Series>>();

/** The range on sale in a model year, weighted by how well each series sells. */
export function seriesTableFor(modelYear: number): WeightedTable<Series> {
  let table = tablesByYear.get(modelYear);
  if (!table) {
    table = weightedTable(
      rows.flatMap((r, i): [Series, number][] => (r[10] <= modelYear ? [[seriesList[i]!, r[11]]] : [])),
    );
    tablesByYear.set(modelYear, table);
  }
  return table;
}

export const colors = weightedWords(`
  珍珠白:24 极地白:14 曜石黑:18 星空灰:12 铂金灰:8 月光银:8 宝石蓝:6 火山红:4 薄荷绿:2 香槟金:4
`);

/** VIN position 10 (model year); the letters cycle every 30 years and skip I, O, Q, U, Z and 0. */
const yearCodes = 'ABCDEFGHJKLMNPRSTVWXY123456789';
export function vinYearCode(modelYear: number): string {
  return yearCodes.charAt((((modelYear - 2010) % 30) + 30) % 30);
}

/** What prospects drive today or bought instead: used in purchase needs and lost-deal reasons. */
export const competitorCars = [
  '比亚迪 宋PLUS DM-i',
  '比亚迪 秦PLUS DM-i',
  '特斯拉 Model Y',
  '吉利 星越L',
  '长安 CS75 PLUS',
  '理想 L6',
  '小米 SU7',
  '哈弗 H6',
  '问界 M7',
  '本田 CR-V',
  '别克 君越',
  '零跑 C11',
];

export const oldCars = [
  '2014款 本田飞度',
  '2012款 丰田卡罗拉',
  '2016款 大众宝来',
  '五菱宏光',
  '2013款 日产阳光',
  '2010款 比亚迪F3',
  '2015款 现代朗动',
  '2017款 吉利帝豪',
  '2011款 别克凯越',
  '2018款 长安逸动',
];
