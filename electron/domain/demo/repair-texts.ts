import type { RepairSystem } from '../../contract/three-guarantee';
import { weightedTable } from './rng';

/** What customers report, per system (the 故障现象 a service advisor writes on the repair order). */
export const faultTexts: Record<RepairSystem, readonly string[]> = {
  engine: ['发动机怠速抖动', '发动机故障灯亮', '冷车启动困难', '发动机异响', '机油消耗异常'],
  transmission: ['换挡冲击', '变速器异响', '挂挡困难', '变速器故障灯亮，进入保护模式'],
  traction_battery: ['续航明显下降', '动力电池故障报警', '无法充电', '电池包绝缘故障报警'],
  drive_motor: ['驱动电机异响', '电机过热报警，动力受限', '加速无力'],
  steering: ['转向沉重', '方向盘异响', '转向助力失效报警'],
  brakes: ['制动异响', '刹车踏板偏软', 'ABS 故障灯亮', '电子手刹无法释放'],
  suspension: ['过减速带底盘异响', '减震器漏油', '车辆跑偏'],
  drivetrain: ['传动轴异响', '半轴护套漏油', '起步抖动'],
  emission_control: ['尾气排放超标，故障灯亮', '三元催化器堵塞', '氧传感器故障'],
  body: ['天窗漏水', '车门异响', '车身漆面起泡', '后备箱漏水'],
  electrical: ['车机死机黑屏', '倒车影像无显示', '大灯不亮', '遥控钥匙失灵'],
  other: ['空调不制冷', '座椅加热不工作', '车内异味'],
};

/** Main parts (主要零部件) replaced under warranty, for the systems 第二十四条 names. */
export const mainParts: Partial<Record<RepairSystem, readonly string[]>> = {
  engine: ['节气门体', '高压油泵', '涡轮增压器', '发动机总成'],
  transmission: ['阀体', '离合器模块', '变速器总成'],
  traction_battery: ['电池模组', 'BMS 控制器', '动力电池总成'],
  drive_motor: ['电机控制器', '驱动电机总成'],
  steering: ['转向机', '转向助力泵'],
  brakes: ['ABS 泵', '制动主缸', '制动卡钳'],
  suspension: ['前减震器', '下摆臂'],
  drivetrain: ['传动轴', '半轴'],
  emission_control: ['三元催化器', '氧传感器'],
  body: ['天窗总成', '车门'],
};

/** Faults that put people at risk (严重安全性能故障): where they come from. */
export const safetyFaults: readonly (readonly [RepairSystem, string])[] = [
  ['brakes', '行驶中制动失效报警，制动距离变长'],
  ['steering', '行驶中转向助力突然失效'],
  ['traction_battery', '动力电池温度异常，有冒烟'],
  ['engine', '高速行驶中发动机熄火'],
  ['suspension', '前悬挂下摆臂断裂'],
];

const common: readonly (readonly [RepairSystem, number])[] = [
  ['electrical', 22],
  ['body', 14],
  ['suspension', 10],
  ['brakes', 9],
  ['other', 10],
  ['steering', 4],
  ['drivetrain', 4],
];

/** Which system a quality repair concerned, by what the car has under the bonnet. */
export const systemsByEnergy = {
  fuel: weightedTable<RepairSystem>([
    ...common,
    ['engine', 14],
    ['transmission', 8],
    ['emission_control', 5],
  ]),
  hybrid: weightedTable<RepairSystem>([
    ...common,
    ['engine', 10],
    ['transmission', 5],
    ['emission_control', 3],
    ['traction_battery', 4],
    ['drive_motor', 2],
  ]),
  electric: weightedTable<RepairSystem>([...common, ['traction_battery', 8], ['drive_motor', 5]]),
};

/**
 * The demo's visit notes read as repairs of a known system, or of wear parts (brake pads, tyres, the 12 V
 * battery), which are no quality problem and carry no 三包 facts.
 */
export const notedRepairs: Record<string, readonly [RepairSystem, string] | null> = {
  更换前刹车片: null,
  更换蓄电池: null,
  更换轮胎: null,
  '空调不制冷，补充冷媒': ['other', '空调不制冷'],
  车机系统升级: ['electrical', '车机死机黑屏'],
  '异响检查，紧固底盘螺丝': ['suspension', '过减速带底盘异响'],
  '召回：更换燃油泵': ['engine', '召回：燃油泵可能失效'],
  '召回：升级发动机控制软件': ['engine', '召回：发动机控制软件升级'],
  '召回：检查更换后悬挂螺栓': ['suspension', '召回：后悬挂螺栓可能松动'],
};
