import { toHalfWidth } from '../../common/normalize-text';
import type { ImportField } from '../../contract/imports';

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

export function normalizeHeader(raw: string): string {
  return toHalfWidth(raw)
    .toLowerCase()
    .replace(/[\s*:]/g, '')
    .replace(/^【[^】]*】/, '')
    .replace(/[(（[][^)）\]]*[)）\]]$/, '');
}

const byHeader = new Map<string, ImportField>();
for (const [field, names] of Object.entries(synonyms) as [ImportField, readonly string[]][]) {
  for (const name of names) byHeader.set(normalizeHeader(name), field);
}

export function fieldForHeader(raw: string): ImportField | null {
  return byHeader.get(normalizeHeader(raw)) ?? null;
}

/** `价格(万元)`, `里程（万公里）`: the unit in the heading decides how plain numbers in the column are read. */
export function headerSaysTenThousands(raw: string): boolean {
  return /万/.test(toHalfWidth(raw));
}
