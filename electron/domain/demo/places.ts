import type { Rng } from './rng';
import { weightedTable } from './rng';

/** The demo store sits in 惠州; every local plate starts 粤L. */
export const demoCity = '惠州';
export const platePrefix = '粤L';

interface District {
  readonly name: string;
  /** GB/T 2260 code, the first six digits of an ID number issued here. */
  readonly regionCode: string;
  readonly streets: readonly string[];
}

const districtList: readonly (readonly [District, number])[] = [
  [
    {
      name: '惠城区',
      regionCode: '441302',
      streets: [
        '江北文昌一路',
        '江北三新南路',
        '下埔路',
        '麦地路',
        '演达大道',
        '金山湖路',
        '惠州大道',
        '云山西路',
        '水口大道',
        '小金口中心大道',
      ],
    },
    36,
  ],
  [
    {
      name: '惠阳区',
      regionCode: '441303',
      streets: [
        '淡水开城大道',
        '淡水人民四路',
        '叶挺大道',
        '秋长街道白石路',
        '新圩镇长布路',
        '大亚湾龙山八路',
      ],
    },
    26,
  ],
  [
    {
      name: '博罗县',
      regionCode: '441322',
      streets: ['罗阳博罗大道', '罗阳商业街', '园洲镇园洲大道', '石湾镇兴业大道', '龙溪街道龙桥大道'],
    },
    18,
  ],
  [
    {
      name: '惠东县',
      regionCode: '441323',
      streets: ['平山惠东大道', '平山华侨城大道', '吉隆镇吉隆大道', '黄埠镇海滨路', '稔山镇稔平路'],
    },
    13,
  ],
  [{ name: '龙门县', regionCode: '441324', streets: ['龙城迎宾大道', '龙城西林路', '永汉镇永汉大道'] }, 7],
];

const districts = weightedTable(districtList);
export const districtNames: readonly string[] = districtList.map(([d]) => d.name);

const compounds = [
  '碧桂园',
  '星河丹堤',
  '金山湖花园',
  '中信水岸城',
  '华贸天地',
  '佳兆业中心',
  '富力丽港中心',
  '御景湾',
  '江北新城花园',
  '十里方圆',
  '合生国际新城',
  '雅居乐花园',
  '华润万象天地',
  '金碧世家',
  '水岸豪庭',
  '鸿运花园',
];

// Many owners were born elsewhere and came for work: their ID numbers carry their home county.
const migrantRegionCodes = [
  '441602',
  '441402',
  '441502',
  '430524',
  '360731',
  '450881',
  '511321',
  '412726',
  '440106',
];

export interface Home {
  district: string;
  address: string;
  regionCode: string;
}

export function randomHome(rng: Rng): Home {
  const d = rng.weighted(districts);
  const building = rng.int(1, 32);
  const room = `${rng.int(1, 33)}${String(rng.int(1, 8)).padStart(2, '0')}`;
  const address = `${demoCity}市${d.name}${rng.pick(d.streets)}${rng.int(1, 399)}号${rng.pick(compounds)}${building}栋${room}`;
  return { district: d.name, address, regionCode: d.regionCode };
}

/** Region code for a person's ID number: most were born in the district they live in. */
export function birthRegionCode(rng: Rng, home: Home): string {
  return rng.chance(0.7) ? home.regionCode : rng.pick(migrantRegionCodes);
}
