import type { Rng } from './rng';
import { weightedWords } from './rng';

/**
 * Surnames weighted for a Hakka city in eastern Guangdong: the local clans (陈 李 黄 张 叶 钟 曾 罗 邱 赖 温 古)
 * are common, with the national mix brought by people who moved here for work.
 */
const surnames = weightedWords(`
  陈:95 李:75 黄:62 张:60 刘:52 叶:30 钟:30 林:30 罗:28 曾:26 王:40 杨:22 吴:22 邱:18 赖:17 温:16 廖:16 何:16 梁:16
  谢:15 郑:14 朱:12 周:12 徐:10 卢:10 古:9 江:9 邓:12 彭:9 苏:8 蔡:8 胡:10 孙:8 马:7 郭:8 高:7 冯:7 许:7 余:7 汤:5 潘:6
  袁:5 唐:6 韩:5 宋:5 肖:7 赵:8 魏:4 蒋:4 沈:4 姚:4 傅:4 丘:4 范:4 方:4 石:4 巫:3 练:3 利:3 单:2 欧阳:3 司徒:1 上官:1 诸葛:1
`);

const maleChars = [
  ...'伟强磊军勇杰涛斌超明辉华建志文浩宇俊鹏飞峰波锋刚平东林海龙晨阳轩睿博宏振国家德永健成嘉荣泽铭凯翔毅鑫昊坤豪庆彬亮',
];
const femaleChars = [
  ...'芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁萍红梅兰倩晶欣怡佳雯琪璐菲蕾悦妍思诗梦雨彤婉瑶晓春秀月美丹凤莉洋',
];
const sharedChars = [...'子晓嘉雨一安若可宁文心俊诗家思梓欣浩宇佳'];

export type Gender = 'male' | 'female';

function givenChar(rng: Rng, gender: Gender): string {
  if (rng.chance(0.2)) return rng.pick(sharedChars);
  return rng.pick(gender === 'male' ? maleChars : femaleChars);
}

/** Surname plus a one- or two-character given name that suits the gender. */
export function personName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted(surnames);
  const first = givenChar(rng, gender);
  if (rng.chance(0.25)) return surname + first;
  let second = givenChar(rng, gender);
  // 伟伟, 婷婷: doubled names exist but mostly among women and children.
  if (second === first && gender === 'male') second = rng.pick(maleChars);
  return surname + first + second;
}

const companyWords = [
  '鹏程',
  '恒达',
  '金源',
  '华信',
  '顺通',
  '德昌',
  '惠民',
  '东江',
  '新丰',
  '鸿运',
  '粤惠',
  '西湖',
  '汇通',
  '大亚湾',
  '博罗',
  '仲恺',
  '嘉华',
  '宏图',
  '众诚',
  '安顺',
];
const companyKinds = [
  '物流',
  '运输',
  '建材',
  '电子',
  '科技',
  '贸易',
  '汽车租赁',
  '出租车',
  '建筑工程',
  '食品',
  '物业管理',
  '旅游客运',
];

/** Fleet customers (集团客户) are companies registered in the city. */
export function companyName(rng: Rng, city: string): string {
  return `${city}市${rng.pick(companyWords)}${rng.pick(companyKinds)}有限公司`;
}
