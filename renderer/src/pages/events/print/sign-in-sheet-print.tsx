import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatPlate } from '../../../../../electron/common/plate';
import { api } from '../../../api';
import { errorMessage } from '../../../forms/apply-server-errors';
import { formatEventDates } from '../event-format';
import { eventKeys } from '../event-keys';
import { PrintFrame } from './print-frame';

const no = (n: number | null) => (n === null ? '' : String(n).padStart(3, '0'));

/**
 * 签到表 and 车贴名单: the paper fallback at the venue, by sign-up number. Phones come masked from main whoever
 * prints (the sheet lies open on a table).
 */
export function SignInSheetPrint() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const sheet = useQuery({
    queryKey: eventKeys.sheet(id),
    queryFn: () => api.call('events.signInSheet', { eventId: id }),
  });
  const d = sheet.data;
  const cars = (d?.rows ?? []).filter((r) => r.cars > 0);
  return (
    <PrintFrame
      title={d ? `${d.title} · ${t('events.print.sheetTitle')}` : t('events.print.sheetTitle')}
      ready={Boolean(d)}
    >
      {sheet.isPending && <Spin />}
      {sheet.isError && <Alert type="error" showIcon title={errorMessage(sheet.error)} />}
      {d && (
        <>
          <header className="ev-print-head">
            <h1>
              {d.title} · {t('events.print.sheetTitle')}
            </h1>
            <div>
              {d.eventNo} · {formatEventDates(d.startsOn, d.endsOn)} · {d.places ?? ''}
            </div>
            <div>
              {t('events.print.totals', {
                invitees: d.totals.invitees,
                cars: d.totals.cars,
                adults: d.totals.adults,
                children: d.totals.children,
              })}
            </div>
          </header>
          <table className="ev-print-table ev-sheet-table">
            <thead>
              <tr>
                <th>{t('events.print.columns.signupNo')}</th>
                <th>{t('events.print.columns.name')}</th>
                <th>{t('events.print.columns.mobile')}</th>
                <th>{t('events.print.columns.plate')}</th>
                <th>{t('events.print.columns.seats')}</th>
                <th>{t('events.print.arrived')}</th>
                <th className="ev-sign-col">{t('events.print.signature')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.inviteeId}>
                  <td className="mono">{no(r.signupNo)}</td>
                  <td>{r.name}</td>
                  <td className="mono">{r.maskedMobile ?? ''}</td>
                  <td className="mono">{r.plates.map(formatPlate).join(' ')}</td>
                  <td>
                    {r.cars} / {r.adults + r.children}
                  </td>
                  <td>{r.checkedIn ? '✓' : '□'}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          <section className="ev-print-break">
            <h2>
              {d.title} · {t('events.print.stickerTitle')}
            </h2>
            <div className="ev-stickers">
              {cars.map((r) => (
                <div className="ev-sticker" key={r.inviteeId}>
                  <div className="ev-sticker-no">{no(r.signupNo)}</div>
                  <div className="ev-sticker-plate">
                    {r.plates.length ? r.plates.map((p) => <span key={p}>{formatPlate(p)}</span>) : '—'}
                  </div>
                  <div className="ev-sticker-name">
                    {r.name} ·{' '}
                    {t('events.print.stickerSeats', { cars: r.cars, people: r.adults + r.children })}
                  </div>
                </div>
              ))}
            </div>
          </section>
        </>
      )}
    </PrintFrame>
  );
}
