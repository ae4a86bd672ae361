import type { Rng } from './rng';
import { weightedTable } from './rng';

/** Chinese wording for the generated records: what staff would type into the notes. */

export const serviceAdvisors = [
  '陈志强',
  '李伟明',
  '黄丽娜',
  '张俊杰',
  '刘晓燕',
  '钟国华',
  '叶嘉欣',
  '罗文斌',
  '曾思远',
  '邱海峰',
  '赖雅婷',
  '温家豪',
];

export type LostReason = 'price' | 'product' | 'service' | 'competitor' | 'finance' | 'other';

export const lostReasons = weightedTable<LostReason>([
  ['price', 35],
  ['competitor', 25],
  ['product', 15],
  ['finance', 10],
  ['service', 8],
  ['other', 7],
]);

export function lostReasonText(rng: Rng, reason: LostReason, series: string, competitor: string): string {
  switch (reason) {
    case 'price':
      return rng.pick([
        `外地4S店报价低约${rng.int(3, 12)}千元，客户选择外地提车`,
        `同城其他店${series}优惠更大，价格差距约${rng.int(2, 8)}千元`,
        '预算有限，等待年底优惠活动',
      ]);
    case 'competitor':
      return rng.pick([`最终购买了${competitor}`, `试驾${competitor}后改变主意，已在对方店订车`]);
    case 'product':
      return rng.pick([
        `对${series}后排空间不满意`,
        '更看重智能座舱，转向新势力品牌',
        `认为${series}油耗偏高`,
        '想要的颜色和配置需等车三个月',
      ]);
    case 'finance':
      return rng.pick(['贷款审批未通过', '首付不足，暂缓购车', '对金融方案利率不满意']);
    case 'service':
      return rng.pick([
        '对销售顾问响应速度不满意',
        '试驾预约多次改期，客户失去耐心',
        '报价前后不一致，客户不信任',
      ]);
    case 'other':
      return rng.pick(['家人反对，暂缓购车', '工作调动离开惠州', '单位配车，暂不需要购车']);
  }
}

const usages = ['家用代步', '上下班通勤', '二胎换大空间', '首次购车', '增购第二台车', '旧车置换', '跑网约车'];

export function purchaseNeedText(rng: Rng, series: string, trim: string): string {
  return `${series} ${trim}，${rng.pick(usages)}`;
}

const platforms = ['汽车之家', '懂车帝', '易车'];

export type InteractionKind = 'call' | 'visit' | 'note' | 'sms' | 'wechat';

export interface InteractionText {
  kind: InteractionKind;
  direction: 'inbound' | 'outbound' | null;
  summary: string;
}

const out = (kind: InteractionKind, summary: string): InteractionText => ({
  kind,
  direction: 'outbound',
  summary,
});
const inb = (kind: InteractionKind, summary: string): InteractionText => ({
  kind,
  direction: 'inbound',
  summary,
});
const note = (summary: string): InteractionText => ({ kind: 'note', direction: null, summary });

export function leadInteraction(rng: Rng, series: string, color: string): InteractionText {
  switch (rng.int(0, 4)) {
    case 0:
      return out('call', `电话邀约：客户关注${series}，约周末到店看车`);
    case 1:
      return inb('note', `客户在${rng.pick(platforms)}留资询价${series}，已发送报价单`);
    case 2:
      return inb('call', `来电咨询${series}落地价，意向颜色${color}`);
    case 3:
      return out('wechat', `微信发送${series}配置表及试驾视频，客户表示考虑中`);
    default:
      return out('sms', `跟进电话未接通，已发短信介绍本月${series}购车优惠`);
  }
}

export function intentInteraction(rng: Rng, series: string, currentCar: string | null): InteractionText {
  switch (rng.int(0, 4)) {
    case 0:
      return inb('visit', `到店看车，试驾${series}，关注油耗与保值率`);
    case 1:
      return inb('visit', `到店试驾${series}，对空间满意，对价格有顾虑`);
    case 2:
      return currentCar
        ? inb('visit', `置换评估：${currentCar}评估价约${rng.int(2, 9)}万元`)
        : inb('visit', `客户带家人二次到店，再次试驾${series}`);
    case 3:
      return out('call', '跟进电话：客户与家人商量中，预计月底前决定');
    default:
      return out('wechat', `发送${series}金融方案：首付三成，36期低息`);
  }
}

export function ownerInteraction(rng: Rng, ctx: { series: string; insuranceDate: string }): InteractionText {
  switch (rng.int(0, 8)) {
    case 0:
      return out('call', '保养提醒：客户表示下周到店保养');
    case 1:
      return out('call', '保养提醒：客户出差中，下月回来再约');
    case 2:
      return out('call', '服务满意度回访：客户对本次保养满意，评价10分');
    case 3:
      return out('call', '服务回访：客户反映等待时间较长，已转售后经理跟进');
    case 4:
      return out('call', `续保提醒：保险将于${ctx.insuranceDate}到期，客户同意出报价`);
    case 5:
      return out('wechat', '生日关怀：发送生日祝福及50元保养代金券');
    case 6:
      return out('call', '季度关怀电话：车辆使用正常，无异常');
    case 7:
      return inb('visit', `客户来店洗车，顺便咨询${ctx.series}置换政策`);
    default:
      return out('sms', '保养提醒短信：您的爱车即将到达保养周期，欢迎预约');
  }
}

export function deliveryCall(daysAfter: number, km: number): InteractionText {
  return daysAfter <= 3
    ? out('call', '交车3天回访：客户对车辆满意，已讲解磨合期注意事项（2000公里内不超过100km/h）')
    : out('call', `交车7天回访：已行驶约${km}公里，提醒3000公里或3个月内首保，车牌已办好`);
}

export const wonReasons = [
  '成交：价格合适，赠送两次保养',
  '成交：置换补贴到位',
  '成交：销售顾问服务专业，试驾体验好',
  '成交：老客户推荐，信任本店',
  '成交：现车充足，当天提车',
];

export function churnInteraction(rng: Rng): InteractionText {
  return out(
    'call',
    rng.pick([
      '流失挽回：客户表示已在外面快修店保养，嫌4S店价格高',
      '流失挽回：客户已搬至深圳，车辆在当地保养',
      '流失挽回：电话无人接听，已发送保养优惠短信',
      '流失挽回：客户对上次维修结果不满意，已转客服经理',
    ]),
  );
}

export function fleetInteraction(rng: Rng, count: number): InteractionText {
  return rng.pick([
    out('visit', '车队年度保养框架协议续签沟通'),
    inb('call', `车队${Math.min(count, rng.int(2, 6))}辆车集中保养，已预约周六上午`),
    inb('call', '车队负责人咨询批量购车优惠政策'),
    out('sms', '车队车辆年审提醒已发送'),
  ]);
}

export function lostInteraction(outcome: string): InteractionText {
  return note(`战败登记：${outcome}`);
}

export function lostFollowUp(rng: Rng): InteractionText {
  return out(
    'call',
    rng.pick([
      '战败回访：了解客户用车情况，邀请参加店内活动',
      '战败回访：客户表示暂无购车计划',
      '战败回访：客户朋友有购车需求，愿意推荐',
    ]),
  );
}

export function dormantInteraction(rng: Rng, series: string): InteractionText {
  return rng.pick([
    out('sms', `电话回访未接通，已发送${series}新款上市短信`),
    out('call', '客户表示暂不考虑购车，半年后再联系'),
    note('号码停机，待核实新的联系方式'),
  ]);
}

export const visitNotes = {
  first_maintenance: ['首保：更换机油、机滤，全车检查', '首保：免费检查，更换机油'],
  maintenance: [
    '更换机油、机滤',
    '更换机油、机滤、空气滤芯',
    '更换机油、机滤、空调滤芯，四轮换位',
    '大保养：更换火花塞、刹车油',
  ],
  electricMaintenance: ['检查三电系统，更换空调滤芯', '更换冷却液，检查制动系统', '四轮定位，轮胎换位'],
  repair: [
    '更换前刹车片',
    '更换蓄电池',
    '空调不制冷，补充冷媒',
    '更换轮胎',
    '车机系统升级',
    '异响检查，紧固底盘螺丝',
  ],
  body_insurance: [
    '右后叶子板刮擦，保险理赔钣喷',
    '前保险杠碰撞，更换并喷漆',
    '左前门凹陷修复',
    '挡风玻璃更换（保险）',
  ],
  detailing: ['精洗、打蜡', '内饰清洗消毒', '镀晶', '贴隐形车衣'],
  recall: ['召回：更换燃油泵', '召回：升级发动机控制软件', '召回：检查更换后悬挂螺栓'],
} as const;

export const industries = [
  '制造业',
  '批发零售',
  '建筑业',
  '教育',
  '医疗卫生',
  '金融',
  '信息技术',
  '交通运输',
  '政府机关',
  '个体经营',
  '房地产',
  '餐饮住宿',
];
export const occupations = [
  '工程师',
  '教师',
  '医生',
  '公务员',
  '个体户',
  '销售',
  '会计',
  '司机',
  '企业主',
  '护士',
  '技术员',
  '经理',
];
export const employers = [
  '惠州华星电子有限公司',
  '惠州市第三中学',
  '惠城区人民医院',
  '大亚湾石化工业区',
  '仲恺高新区管委会',
  '博罗县园洲镇政府',
  '惠州东江建筑工程有限公司',
  '惠州市鹏达锂电池有限公司',
  '惠州农商银行',
  '惠阳区淡水街道办',
];

export const customerNotes = [
  '客户喜欢周末到店',
  '有两个小孩，关注后排空间',
  '白天上班不方便接电话，晚上联系',
  '对价格敏感，有活动优先通知',
  '老客户，多次介绍朋友购车',
  '只接受微信联系',
];
