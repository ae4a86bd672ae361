import { toHalfWidth } from '../../common/normalize-text';
import type { AnyImportField, ImportField, ImportKind, RoImportField } from '../../contract/imports';

/**
 * The column headings dealers' DMS exports and hand-kept sheets use, per field. Matching ignores spaces, case,
 * full-width forms, a required-marker `*` and a trailing unit in brackets (`价格(万元)`).
 */
const synonyms: Record<ImportField, readonly string[]> = {
  name: [
    '客户姓名',
    '姓名',
    '客户名称',
    '客户名',
    '客户',
    '车主',
    '车主姓名',
    '车主名称',
    '联系人',
    '购车人',
    'name',
  ],
  gender: ['性别', 'sex', 'gender'],
  birthday: ['生日', '出生日期', '出生年月日', '客户生日', 'birthday'],
  mobile: [
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '联系手机',
    '电话',
    '电话号码',
    '移动电话',
    '联系方式',
    '客户电话',
    '客户手机',
    '车主电话',
    '车主手机',
    'mobile',
    'phone',
  ],
  mobile2: [
    '备用手机',
    '备用电话',
    '其他电话',
    '其他联系电话',
    '第二联系电话',
    '手机2',
    '电话2',
    '联系电话2',
    '手机号码2',
  ],
  wechat: ['微信', '微信号', '客户微信', 'wechat'],
  address: [
    '地址',
    '联系地址',
    '家庭地址',
    '家庭住址',
    '住址',
    '详细地址',
    '通讯地址',
    '客户地址',
    'address',
  ],
  district: ['区县', '区/县', '县区', '所属区县', '区域', '所在区域', '行政区', '所在区县'],
  idNumber: ['身份证号', '身份证', '身份证号码', '证件号码', '证件号', '客户身份证号'],
  occupation: ['职业'],
  industry: ['行业', '所属行业'],
  employer: ['工作单位', '单位', '公司', '公司名称', '单位名称'],
  // A company's person to speak to; the export writes these very headers.
  contactPerson: ['联系人', '联系人姓名', '对接人', '车队联系人'],
  contactTitle: ['联系人职务', '联系人职位'],
  sourceChannel: ['来源', '来源渠道', '客户来源', '信息来源', '渠道', '线索来源'],
  notes: ['备注', '说明', '备注信息'],
  vin: [
    '车架号',
    'vin',
    'vin码',
    'vin号',
    '车辆识别代号',
    '车辆识别码',
    '车辆识别号',
    '底盘号',
    '车架号码',
    '车架号vin',
  ],
  plate: ['车牌号', '车牌', '车牌号码', '号牌号码', '号牌'],
  brand: ['品牌', '厂牌', '车辆品牌'],
  series: ['车系', '车辆系列'],
  model: ['车型', '车款', '型号', '车型配置', '车辆型号', '配置'],
  color: ['颜色', '车身颜色', '外观颜色', '车色', '车辆颜色'],
  deliveryDate: [
    '交车日期',
    '购车日期',
    '开票日期',
    '提车日期',
    '购买日期',
    '销售日期',
    '交车时间',
    '购车时间',
  ],
  mileage: ['行驶里程', '里程', '里程数', '公里数', '当前里程', '表显里程', '进站里程'],
  price: ['购车价格', '价格', '成交价', '成交价格', '车价', '开票价', '开票价格', '裸车价', '售价'],
  insuranceExpiry: [
    '保险到期日',
    '保险到期',
    '保险到期日期',
    '商业险到期',
    '商业险到期日',
    '交强险到期',
    '交强险到期日',
    '续保日期',
  ],
};

/**
 * Repair-order exports (维修工单 / 结算单) of the DMSs Chinese dealers run (DCS, 金蝶, 用友, 元征, the makers' own):
 * the same order goes by 工单号, 委托书号 or 结算单号, the out date by 结算日期 or 出厂日期.
 */
const roSynonyms: Record<RoImportField, readonly string[]> = {
  roNumber: [
    '工单号',
    '工单编号',
    '维修工单号',
    '工单',
    '委托书号',
    '委托书编号',
    '维修委托书号',
    '结算单号',
    '维修单号',
    '单据号',
    '单号',
    'ro号',
    'ro',
    'ro单号',
    'ronumber',
  ],
  vin: synonyms.vin,
  plate: synonyms.plate,
  inDate: [
    '进厂日期',
    '进厂时间',
    '进站日期',
    '进店日期',
    '接车日期',
    '开单日期',
    '委托日期',
    '维修日期',
    '送修日期',
  ],
  outDate: ['结算日期', '结算时间', '出厂日期', '出厂时间', '交车日期', '完工日期', '竣工日期', '离厂日期'],
  inMileage: ['进厂里程', '进站里程', '里程', '行驶里程', '里程数', '表显里程', '公里数', '进厂公里数'],
  serviceType: [
    '维修类型',
    '维修类别',
    '工单类型',
    '业务类型',
    '维修性质',
    '服务类型',
    '进站类型',
    '修理类型',
  ],
  laborAmount: ['工时费', '工时费用', '工时金额', '工时', '人工费'],
  partsAmount: ['材料费', '材料费用', '配件费', '零件费', '备件费', '材料金额', '配件金额'],
  totalAmount: [
    '结算金额',
    '结算总额',
    '合计金额',
    '总金额',
    '应收金额',
    '实收金额',
    '维修金额',
    '金额',
    '产值',
  ],
  advisor: ['服务顾问', '接待员', '接待', '维修顾问', 'sa', '业务接待', '服务专员'],
  faultText: ['故障描述', '故障现象', '客户描述', '客户陈述', '故障说明', '用户描述'],
  repairItems: ['维修项目', '维修内容', '作业项目', '维修项目名称', '项目名称', '工时项目', '维修说明'],
  repairSystem: ['涉及系统', '故障系统', '维修系统', '故障部位', '三包系统', '系统'],
};

export function normalizeHeader(raw: string): string {
  return toHalfWidth(raw)
    .toLowerCase()
    .replace(/[\s*:]/g, '')
    .replace(/^【[^】]*】/, '')
    .replace(/[(（[][^)）\]]*[)）\]]$/, '');
}

function dictionary(of: Partial<Record<AnyImportField, readonly string[]>>): Map<string, AnyImportField> {
  const byHeader = new Map<string, AnyImportField>();
  for (const [field, names] of Object.entries(of) as [AnyImportField, readonly string[]][]) {
    for (const name of names) byHeader.set(normalizeHeader(name), field);
  }
  return byHeader;
}
const byKind: Record<ImportKind, Map<string, AnyImportField>> = {
  customers: dictionary(synonyms),
  repair_orders: dictionary(roSynonyms),
};

export function fieldForHeader(raw: string, kind: ImportKind = 'customers'): AnyImportField | null {
  return byKind[kind].get(normalizeHeader(raw)) ?? null;
}

/** `价格(万元)`, `里程（万公里）`: the unit in the heading decides how plain numbers in the column are read. */
export function headerSaysTenThousands(raw: string): boolean {
  return /万/.test(toHalfWidth(raw));
}
