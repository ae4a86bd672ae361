import type { BudgetCategory, ChecklistKind, EventType } from '../../contract/event-terms';

/** What the demo's events look like, by type: titles, places, the agenda, the budget and the preparations. */

export interface AgendaLine {
  /** Day of the event, 0 first. */
  day: number;
  time: string | null;
  place: string | null;
  item: string;
  person: string;
}

export interface EventTemplate {
  type: EventType;
  titles: readonly string[];
  themes: readonly string[];
  places: readonly string[];
  days: 1 | 2;
  /** Cars per sign-up is about one; people per car. */
  peoplePerCar: number;
  /** Cars the event takes, before the scale. */
  capacityCars: readonly [number, number];
  agenda: readonly AgendaLine[];
  /** Planned amount per line, yuan (a range), scaled by the cars. */
  budget: readonly (readonly [BudgetCategory, string, number, number])[];
  checklist: readonly (readonly [ChecklistKind, string])[];
  /** Share of such events the manufacturer supports with a subsidy. */
  subsidised: number;
}

const staff = ['王经理', '陈主管', '李专员', '刘顾问', '张主管'];

export const eventTemplates: readonly EventTemplate[] = [
  {
    type: 'self_drive',
    titles: ['车主自驾游·{place}两日行', '{season}车主自驾之旅', '{place}自驾露营'],
    themes: ['山水之间，与爱车同行', '带上家人，出发', '探索粤东好风景'],
    places: ['肇庆鼎湖山', '河源万绿湖', '惠东巽寮湾', '清远古龙峡', '罗浮山'],
    days: 2,
    peoplePerCar: 2.6,
    capacityCars: [30, 50],
    agenda: [
      { day: 0, time: '07:30', place: '店内展厅', item: '集合签到，发放车贴和对讲机', person: staff[2]! },
      { day: 0, time: '08:00', place: '店内展厅', item: '出发仪式，路线与安全说明', person: staff[0]! },
      { day: 0, time: '12:00', place: '{place}', item: '午餐', person: staff[3]! },
      { day: 0, time: '14:00', place: '{place}', item: '景区游览', person: staff[2]! },
      { day: 0, time: '19:00', place: '酒店', item: '车主晚宴与抽奖', person: staff[0]! },
      { day: 1, time: '09:00', place: '{place}', item: '亲子活动', person: staff[4]! },
      { day: 1, time: '14:00', place: '{place}', item: '返程', person: staff[2]! },
    ],
    budget: [
      ['accommodation', '酒店住宿', 180, 260],
      ['meals', '午餐与晚宴', 150, 220],
      ['transport', '油费补贴与过路费', 60, 120],
      ['gifts', '抽奖奖品与伴手礼', 40, 90],
      ['materials', '车贴、旗帜、对讲机租用', 15, 30],
      ['insurance', '活动意外险', 10, 20],
      ['staff', '工作人员补贴', 20, 40],
    ],
    checklist: [
      ['materials', '车贴、对讲机、领队旗'],
      ['venue', '酒店与景区预订'],
      ['meals', '午餐、晚宴订餐'],
      ['insurance', '购买活动意外险'],
      ['gifts', '抽奖奖品与伴手礼'],
      ['filing', '厂家活动报备'],
    ],
    subsidised: 0.7,
  },
  {
    type: 'owners_meeting',
    titles: ['{season}车主联谊会', '老车主答谢会', '车主俱乐部年会'],
    themes: ['感恩有你，一路同行', '车主之家', '老朋友，新故事'],
    places: ['店内展厅', '惠州西湖宾馆', '江北会展中心'],
    days: 1,
    peoplePerCar: 2.2,
    capacityCars: [40, 80],
    agenda: [
      { day: 0, time: '14:00', place: '{place}', item: '签到入场', person: staff[2]! },
      { day: 0, time: '14:30', place: '{place}', item: '总经理致辞', person: staff[0]! },
      { day: 0, time: '15:00', place: '{place}', item: '用车知识分享与互动问答', person: staff[4]! },
      { day: 0, time: '16:30', place: '{place}', item: '抽奖与合影', person: staff[3]! },
      { day: 0, time: '18:00', place: '{place}', item: '晚宴', person: staff[0]! },
    ],
    budget: [
      ['venue', '场地租用与布置', 30, 60],
      ['meals', '晚宴', 120, 180],
      ['gifts', '抽奖奖品', 40, 80],
      ['materials', '签到背景板与物料', 10, 20],
      ['publicity', '朋友圈推广', 5, 15],
    ],
    checklist: [
      ['venue', '场地预订与布置'],
      ['meals', '晚宴订餐'],
      ['gifts', '奖品采购'],
      ['materials', '背景板、签到表、胸牌'],
    ],
    subsidised: 0.3,
  },
  {
    type: 'model_launch',
    titles: ['全新{series}上市发布会', '{series}品鉴会', '新车到店品鉴日'],
    themes: ['焕新登场', '智享未来', '先睹为快'],
    places: ['店内展厅', '华贸天地中庭'],
    days: 1,
    peoplePerCar: 2,
    capacityCars: [50, 100],
    agenda: [
      { day: 0, time: '09:30', place: '{place}', item: '来宾签到', person: staff[2]! },
      { day: 0, time: '10:00', place: '{place}', item: '新车揭幕', person: staff[0]! },
      { day: 0, time: '10:30', place: '{place}', item: '产品讲解', person: staff[3]! },
      { day: 0, time: '11:00', place: '试驾路线', item: '试乘试驾', person: staff[3]! },
      { day: 0, time: '12:00', place: '{place}', item: '冷餐会与订车优惠', person: staff[4]! },
    ],
    budget: [
      ['venue', '舞台搭建与灯光音响', 60, 120],
      ['meals', '冷餐', 40, 70],
      ['publicity', '抖音与本地媒体推广', 50, 120],
      ['gifts', '到场礼与订车礼', 30, 60],
      ['materials', '展车装饰与宣传物料', 20, 40],
      ['staff', '主持人与礼仪', 15, 30],
    ],
    checklist: [
      ['venue', '舞台与灯光音响'],
      ['materials', '展车装饰、宣传单页'],
      ['gifts', '到场礼'],
      ['filing', '厂家上市活动报备'],
    ],
    subsidised: 0.85,
  },
  {
    type: 'maintenance_clinic',
    titles: ['{season}免费检测日', '夏季空调免费检测', '冬季安全检测服务日'],
    themes: ['安心用车', '专业检测，放心出行'],
    places: ['店内售后车间'],
    days: 1,
    peoplePerCar: 1.3,
    capacityCars: [40, 80],
    agenda: [
      { day: 0, time: '09:00', place: '售后接待区', item: '签到、车辆登记', person: staff[4]! },
      { day: 0, time: '09:30', place: '售后车间', item: '二十项免费检测', person: staff[4]! },
      { day: 0, time: '10:30', place: '客户休息区', item: '用车保养讲堂', person: staff[3]! },
      { day: 0, time: '15:00', place: '售后接待区', item: '检测报告解读与保养优惠', person: staff[4]! },
    ],
    budget: [
      ['materials', '检测单与宣传物料', 5, 12],
      ['gifts', '洗车券与小礼品', 15, 35],
      ['meals', '茶歇', 5, 15],
      ['staff', '技师加班', 10, 25],
    ],
    checklist: [
      ['materials', '检测单、工位牌'],
      ['gifts', '洗车券与礼品'],
      ['other', '技师排班'],
    ],
    subsidised: 0.2,
  },
  {
    type: 'driving_course',
    titles: ['安全驾驶培训课堂', '雨天驾驶技巧培训', '新手车主驾驶课'],
    themes: ['安全驾驶，从我做起', '做更好的驾驶者'],
    places: ['惠州驾驶培训基地', '店内培训室'],
    days: 1,
    peoplePerCar: 1.4,
    capacityCars: [20, 40],
    agenda: [
      { day: 0, time: '09:00', place: '{place}', item: '签到', person: staff[2]! },
      { day: 0, time: '09:30', place: '{place}', item: '理论课：安全驾驶要点', person: staff[3]! },
      { day: 0, time: '11:00', place: '{place}', item: '场地实操：紧急制动与避让', person: staff[3]! },
      { day: 0, time: '12:30', place: '{place}', item: '午餐与结业', person: staff[0]! },
    ],
    budget: [
      ['venue', '场地租用', 40, 80],
      ['staff', '教练费用', 30, 60],
      ['meals', '午餐', 20, 40],
      ['insurance', '活动保险', 5, 10],
    ],
    checklist: [
      ['venue', '培训场地预订'],
      ['insurance', '活动保险'],
      ['meals', '午餐'],
    ],
    subsidised: 0.4,
  },
  {
    type: 'holiday_care',
    titles: ['中秋车主关怀日', '春节车主回馈日', '端午关怀日', '国庆出行关怀'],
    themes: ['佳节送关怀', '回家路上，一路平安'],
    places: ['店内展厅'],
    days: 1,
    peoplePerCar: 2.4,
    capacityCars: [40, 70],
    agenda: [
      { day: 0, time: '10:00', place: '{place}', item: '签到领礼', person: staff[2]! },
      { day: 0, time: '10:30', place: '{place}', item: '节日手工与亲子游戏', person: staff[4]! },
      { day: 0, time: '11:30', place: '售后车间', item: '出行前免费检查', person: staff[4]! },
    ],
    budget: [
      ['gifts', '节日礼品', 60, 120],
      ['materials', '布置与物料', 10, 25],
      ['meals', '茶点', 10, 20],
    ],
    checklist: [
      ['gifts', '节日礼品采购'],
      ['materials', '展厅布置'],
    ],
    subsidised: 0.1,
  },
];

export const seasons = ['春季', '夏日', '金秋', '冬季'] as const;

export const summaryStrengths = [
  '报名踊跃，签到流程顺畅，车主满意度高',
  '路线与行程安排合理，安全无事故',
  '现场互动气氛好，老车主带来多位朋友',
  '厂家支持到位，礼品与物料准备充分',
];
export const summaryShortcomings = [
  '二次确认后仍有部分车主未到场',
  '签到高峰排队较长',
  '午餐用餐时间偏紧',
  '宣传启动较晚，非客户报名偏少',
];
export const summaryImprovements = [
  '提前一天短信提醒集合时间与地点',
  '增加一个签到台，按报名号分组签到',
  '活动前两周开始朋友圈和车友论坛宣传',
  '下次预留 10% 候补名额，现场安排补位',
];
export const summaryPublicity = [
  '公众号推文 1 篇，朋友圈转发 40 余次',
  '车友论坛活动帖 1 篇，抖音短视频 2 条',
  '本地汽车媒体报道 1 篇',
];

export const declineReasons = ['时间冲突', '出差', '家中有事', '对活动不感兴趣', '身体不适', '车辆在外地'];
export const cancelReasons = ['厂家活动调整，本次取消', '天气原因（台风预警）取消', '场地临时无法使用'];
