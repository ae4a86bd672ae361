import { isoDay } from './calendar';
import type { DemoContext } from './demo-context';
import { keysOf } from './demo-context';
import { idNumberFor, wechatFor } from './identity';
import type { Gender } from './names';
import { companyName, personName } from './names';
import { birthRegionCode, demoCity, randomHome } from './places';
import { customerNotes, employers, industries, occupations } from './texts';

/** Who the customer is: the identity half of the card, independent of what they bought. */
export interface Identity {
  name: string;
  pinyin: string;
  initials: string;
  gender: Gender | null;
  birthDay: number | null;
  mobile: string;
  mobile2: string | null;
  wechat: string | null;
  address: string;
  district: string;
  idNumber: string | null;
  occupation: string | null;
  industry: string | null;
  employer: string | null;
  isCompany: boolean;
  /** A company's person to speak to, and their title (the scripts greet 「宏图贸易 李经理」). */
  contactPerson: string | null;
  contactTitle: string | null;
  preferences: string | null;
  notes: string | null;
}

const channels = ['电话', '微信', '短信'];
const contactTitles = ['经理', '车队主管', '行政主管', '总经理', '主任'];
const times = ['工作日白天', '工作日晚上', '周末'];

export function draftPerson(ctx: DemoContext, idChance: number): Identity {
  const { rng } = ctx;
  const gender: Gender = rng.chance(0.62) ? 'male' : 'female';
  const name = personName(rng, gender);
  const keys = keysOf(ctx, name);
  const home = randomHome(rng);
  const mobile = ctx.mobiles.next();
  // Redraw outside 21–70 instead of clamping: clamping piles thousands onto one birthday (false duplicates).
  const drawn = rng.normal(38, 10);
  const age = drawn >= 21 && drawn <= 70 ? drawn : rng.real(21, 70);
  const birthDay = rng.chance(0.85) ? ctx.today - Math.round(age * 365.25) : null;
  const idNumber =
    birthDay !== null && rng.chance(idChance)
      ? idNumberFor(rng, birthRegionCode(rng, home), birthDay, gender)
      : null;
  const working = rng.chance(0.6);
  return {
    name,
    pinyin: keys.pinyin,
    initials: keys.initials,
    gender,
    birthDay,
    mobile,
    mobile2: rng.chance(0.08) ? ctx.mobiles.next() : null,
    wechat: rng.chance(0.65) ? wechatFor(rng, keys.pinyin, mobile) : null,
    address: home.address,
    district: home.district,
    idNumber,
    occupation: working ? rng.pick(occupations) : null,
    industry: working ? rng.pick(industries) : null,
    employer: working && rng.chance(0.4) ? rng.pick(employers) : null,
    isCompany: false,
    contactPerson: null,
    contactTitle: null,
    preferences: rng.chance(0.4)
      ? JSON.stringify({ contactChannel: rng.pick(channels), contactTime: rng.pick(times) })
      : null,
    notes: rng.chance(0.08) ? rng.pick(customerNotes) : null,
  };
}

/** A fleet customer: a company with a fleet manager's phone as the contact. */
export function draftCompany(ctx: DemoContext): Identity {
  const { rng } = ctx;
  const name = companyName(rng, demoCity);
  const keys = keysOf(ctx, name);
  const home = randomHome(rng);
  const mobile = ctx.mobiles.next();
  const contact = personName(rng, rng.chance(0.8) ? 'male' : 'female');
  // Read off the names already drawn, not a new draw: every later customer of a seed stays as it was.
  const contactTitle = contactTitles[(contact.charCodeAt(0) + name.length) % contactTitles.length]!;
  return {
    name,
    pinyin: keys.pinyin,
    initials: keys.initials,
    gender: null,
    birthDay: null,
    mobile,
    mobile2: rng.chance(0.3) ? ctx.mobiles.next() : null,
    wechat: rng.chance(0.5) ? mobile : null,
    // Companies sit on the main roads, not in a flat.
    address: home.address.replace(/[^号]*栋\d+$/, ''),
    district: home.district,
    idNumber: null,
    occupation: null,
    industry: rng.pick(['交通运输', '物流', '建筑业', '汽车租赁']),
    employer: null,
    isCompany: true,
    contactPerson: contact,
    contactTitle,
    preferences: JSON.stringify({ contactChannel: '电话', contactTime: '工作日白天' }),
    notes: null,
  };
}

export function birthdayText(identity: Identity): string | null {
  return identity.birthDay === null ? null : isoDay(identity.birthDay);
}
