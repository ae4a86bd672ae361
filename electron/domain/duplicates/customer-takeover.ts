/** A customers row as SQLite returns it (snake_case columns). */
export type CustomerRecord = Record<string, unknown> & {
  id: number;
  name: string;
  mobile: string | null;
  mobile2: string | null;
  stage: string;
};

/** Fields the survivor takes from the merged card when it has none of its own, with their Chinese names. */
const fillableFields: [column: string, label: string][] = [
  ['gender', '性别'],
  ['birthday', '生日'],
  ['wechat', '微信'],
  ['address', '地址'],
  ['district', '区县'],
  ['id_number', '身份证号'],
  ['occupation', '职业'],
  ['industry', '行业'],
  ['employer', '工作单位'],
  ['contact_person', '联系人'],
  ['contact_title', '联系人职务'],
  ['purchase_need', '购车需求'],
  ['budget_fen', '预算'],
  ['current_car', '现有车辆'],
  ['outcome_reason', '成交/战败原因'],
  ['lost_reason_category', '战败原因类别'],
  ['lead_grade', '意向等级'],
  ['base_grade', '基盘客户分级'],
  ['preferences', '偏好'],
  ['owner_user_id', '负责人'],
  ['notes', '备注'],
];

const ownerStages = new Set(['new_owner', 'owner', 'vip', 'churned']);
const empty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * What the survivor's row takes over from the merged one. It only fills gaps and never overwrites what the
 * survivor already has, except where the merged card knows something stronger: a do-not-contact request
 * (PIPL: it must survive the merge), ownership (the cars move to the survivor, so a prospect becomes an
 * owner), and a later last visit.
 */
export function takeOverFields(
  survivor: CustomerRecord,
  merged: CustomerRecord,
): { set: Record<string, unknown>; labels: string[] } {
  const set: Record<string, unknown> = {};
  const labels: string[] = [];

  let mobile = survivor.mobile;
  if (!mobile && merged.mobile) {
    mobile = merged.mobile;
    set.mobile = mobile;
    set.mobile_tail = mobile.slice(-4);
    labels.push('手机号');
  }
  if (!survivor.mobile2) {
    const other = [merged.mobile, merged.mobile2].find((p) => p && p !== mobile);
    if (other) {
      set.mobile2 = other;
      labels.push('第二手机号');
    }
  }
  for (const [column, label] of fillableFields) {
    if (empty(survivor[column]) && !empty(merged[column])) {
      set[column] = merged[column];
      labels.push(label);
    }
  }
  if (empty(survivor.referrer_id)) {
    // A card "referred by" the merged one would be referred by itself, so its referrer was cleared.
    const referrer = merged.referrer_id === survivor.id ? null : merged.referrer_id;
    if (!empty(referrer)) {
      set.referrer_id = referrer;
      if (merged.source_channel === 'referral') set.source_channel = 'referral';
      labels.push('推荐人');
    } else if (survivor.source_channel === 'referral') {
      set.source_channel = merged.source_channel === 'referral' ? 'other' : merged.source_channel;
      labels.push('来源渠道');
    }
  }
  if (!survivor.do_not_contact && merged.do_not_contact) {
    set.do_not_contact = 1;
    set.do_not_contact_at = merged.do_not_contact_at;
    labels.push('勿扰');
  }
  if (!ownerStages.has(survivor.stage) && ownerStages.has(merged.stage)) {
    set.stage = merged.stage;
    labels.push('客户类型');
  }
  const lastVisit = merged.last_visit_at as string | null;
  if (lastVisit && (!survivor.last_visit_at || lastVisit > (survivor.last_visit_at as string))) {
    set.last_visit_at = lastVisit;
  }
  return { set, labels };
}
