import { maskPersonal } from '../../common/personal-mask';
import type { SignInSheetRow } from '../../contract/event-day';
import type { InviteeStatus } from '../../contract/event-terms';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { loadDayEvent, platesOf } from './day-event';

/** Who goes on the paper: everyone expected at the door (signed up, confirmed, waitlisted) and who came. */
const onTheSheet = ['accepted', 'confirmed', 'waitlisted', 'checked_in'] as const satisfies InviteeStatus[];

/**
 * The printable 签到表 and car-sticker list, by sign-up number (people without one last, by name). Phones are
 * masked here for every reader, managers included: the sheet lies open on a table at the venue.
 */
export function signInSheet(ctx: AuthedContext, input: { eventId: number }) {
  const sqlite = ctx.db.$client;
  const event = loadDayEvent(sqlite, input.eventId);
  const rows = prepared(
    sqlite,
    `select i.id as inviteeId, i.customer_id as customerId, i.signup_no as signupNo, c.name, c.mobile,
       i.cars, i.adults, i.children, i.status
     from event_invitees i join customers c on c.id = i.customer_id
     where i.event_id = ? and i.status in (select value from json_each(?))
     order by i.signup_no is null, i.signup_no, c.name_pinyin, i.id`,
  ).all(event.id, JSON.stringify(onTheSheet)) as (Omit<
    SignInSheetRow,
    'maskedMobile' | 'plates' | 'checkedIn'
  > & {
    mobile: string | null;
  })[];
  const plates = platesOf(
    sqlite,
    rows.map((r) => r.customerId),
  );
  const sheet: SignInSheetRow[] = rows.map(({ mobile, ...r }) => ({
    ...r,
    maskedMobile: maskPersonal('mobile', mobile),
    plates: plates.get(r.customerId) ?? [],
    checkedIn: r.status === 'checked_in',
  }));
  const sum = (f: (r: SignInSheetRow) => number) => sheet.reduce((n, r) => n + f(r), 0);
  return {
    eventId: event.id,
    eventNo: event.eventNo,
    title: event.title,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    places: event.places,
    rows: sheet,
    totals: {
      invitees: sheet.length,
      cars: sum((r) => r.cars),
      adults: sum((r) => r.adults),
      children: sum((r) => r.children),
    },
  };
}
