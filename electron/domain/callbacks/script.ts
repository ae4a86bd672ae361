/** Placeholders a 话术 may use; anything else in braces is left as written. */
export interface ScriptValues {
  name: string;
  title: string;
  /** The form of address (electron/common/salutation.ts): what `{salutation}` and a greeting `{name}{title}` read. */
  salutation: string;
  model: string | null;
  plate: string | null;
  mileage: number | null;
  deliveryDate: string | null;
  visitDate: string | null;
  advisor: string | null;
  store: string;
  /** An event call (活动邀约 / 二次确认): {event} {dates} {place} {agenda}. */
  event?: { event: string; dates: string; place: string; agenda: string } | null;
  /** A 积分到期关怀 call: {points} about to expire and their {expiryDate}. */
  points?: { points: string; expiryDate: string } | null;
}

/** 2026-11-22 → 2026年11月22日 */
export function chineseDate(date: string | null): string | null {
  if (!date) return null;
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * Fills the placeholders; a missing value reads naturally rather than leaving a blank in the sentence. The
 * greeting written `{name}{title}` (as every shipped script starts) is the salutation, so a company is greeted
 * through its contact person and a person by surname — 「张先生您好」, not 「张伟先生您好」.
 */
export function renderScript(template: string, v: ScriptValues): string {
  const values: Record<string, string> = {
    name: v.name,
    title: v.title,
    salutation: v.salutation,
    model: v.model ?? '爱车',
    plate: v.plate ?? '未上牌',
    mileage: v.mileage === null ? '—' : v.mileage.toLocaleString('zh-CN'),
    deliveryDate: chineseDate(v.deliveryDate) ?? '提车当天',
    visitDate: chineseDate(v.visitDate) ?? '上次进站',
    advisor: v.advisor ?? '服务顾问',
    store: v.store,
    ...(v.event ?? {}),
    ...(v.points ?? {}),
  };
  return template
    .replace(/\{name\}\{title\}/g, '{salutation}')
    .replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
