import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../../api';
import { errorMessage } from '../../../forms/apply-server-errors';
import { formatFen } from '../../../format/money';
import { formatEventDates, formatSignedFen } from '../event-format';
import { eventKeys } from '../event-keys';
import { FunnelView } from '../funnel-view';
import { ResultsView } from '../results-view';
import { PrintFrame } from './print-frame';

const withResults = new Set(['running', 'done', 'summarised']);

/** 活动报告 (A4): the plan, agenda, funnel, budget plan against actual, results and the summary. */
export function EventReportPrint() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const event = useQuery({ queryKey: eventKeys.event(id), queryFn: () => api.call('events.get', { id }) });
  const funnel = useQuery({
    queryKey: eventKeys.funnel(id),
    queryFn: () => api.call('events.funnel', { eventId: id }),
  });
  const results = useQuery({
    queryKey: eventKeys.results(id),
    queryFn: () => api.call('events.results', { eventId: id }),
    enabled: Boolean(event.data && withResults.has(event.data.status)),
  });
  const e = event.data;
  const ready = Boolean(e && funnel.data && (!withResults.has(e.status) || results.data || results.isError));
  const none = t('common.none');
  const error = event.error ?? funnel.error;
  return (
    <PrintFrame
      title={e ? `${e.title} · ${t('events.print.reportTitle')}` : t('events.print.reportTitle')}
      ready={ready}
    >
      {event.isPending && <Spin />}
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {e && (
        <>
          <header className="ev-print-head">
            <h1>
              {e.title} · {t('events.print.reportTitle')}
            </h1>
            <div>
              {e.eventNo} · {t(`events.types.${e.type}`)} · {t(`events.statuses.${e.status}`)}
            </div>
          </header>
          <h2>{t('events.tabs.plan')}</h2>
          <table className="ev-print-facts">
            <tbody>
              <tr>
                <th>{t('events.page.dates')}</th>
                <td>{formatEventDates(e.startsOn, e.endsOn)}</td>
                <th>{t('events.page.place')}</th>
                <td>{e.places ?? none}</td>
              </tr>
              <tr>
                <th>{t('events.form.fields.theme')}</th>
                <td>{e.theme ?? none}</td>
                <th>{t('events.page.owner')}</th>
                <td>{e.owner?.name ?? none}</td>
              </tr>
              <tr>
                <th>{t('events.plan.plannedSize')}</th>
                <td>
                  {t('events.page.capacityValue', {
                    cars: e.plannedCars ?? '—',
                    people: e.plannedPeople ?? '—',
                  })}
                </td>
                <th>{t('events.page.capacity')}</th>
                <td>
                  {t('events.page.capacityValue', {
                    cars: e.capacityCars ?? '—',
                    people: e.capacityPeople ?? '—',
                  })}
                </td>
              </tr>
              <tr>
                <th>{t('events.page.signedUp')}</th>
                <td>
                  {t('events.page.capacityValue', {
                    cars: e.counts.accepted.cars,
                    people: e.counts.accepted.people,
                  })}
                </td>
                <th>{t('events.checkin.arrivedLabel')}</th>
                <td>
                  {t('events.page.capacityValue', {
                    cars: e.counts.checkedIn.cars,
                    people: e.counts.checkedIn.people,
                  })}
                </td>
              </tr>
            </tbody>
          </table>
          <h2>{t('events.plan.agenda')}</h2>
          <table className="ev-print-table">
            <thead>
              <tr>
                <th>{t('events.plan.agendaColumns.day')}</th>
                <th>{t('events.plan.agendaColumns.time')}</th>
                <th>{t('events.plan.agendaColumns.place')}</th>
                <th>{t('events.plan.agendaColumns.item')}</th>
                <th>{t('events.plan.agendaColumns.person')}</th>
              </tr>
            </thead>
            <tbody>
              {e.agenda.map((a) => (
                <tr key={a.id}>
                  <td className="mono">{a.day}</td>
                  <td className="mono">{a.time ?? ''}</td>
                  <td>{a.place ?? ''}</td>
                  <td>{a.item}</td>
                  <td>{a.personInCharge ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('events.funnel.title')}</h2>
          {funnel.data && <FunnelView funnel={funnel.data.funnel} />}
          <h2 className="ev-print-avoid">{t('events.tabs.budget')}</h2>
          <table className="ev-print-table">
            <thead>
              <tr>
                <th>{t('events.budget.columns.category')}</th>
                <th>{t('events.budget.columns.item')}</th>
                <th className="num">{t('events.budget.columns.planned')}</th>
                <th className="num">{t('events.budget.columns.actual')}</th>
                <th className="num">{t('events.budget.columns.variance')}</th>
              </tr>
            </thead>
            <tbody>
              {e.budget.lines.map((l) => (
                <tr key={l.id}>
                  <td>{t(`events.budgetCategories.${l.category}`)}</td>
                  <td>{l.description ?? ''}</td>
                  <td className="num">{formatFen(l.plannedFen)}</td>
                  <td className="num">{formatFen(l.actualFen)}</td>
                  <td className="num">{formatSignedFen(l.varianceFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={2}>{t('events.budget.totals')}</th>
                <td className="num">{formatFen(e.budget.totals.plannedFen)}</td>
                <td className="num">{formatFen(e.budget.totals.actualFen)}</td>
                <td className="num">{formatSignedFen(e.budget.totals.varianceFen)}</td>
              </tr>
            </tfoot>
          </table>
          <table className="ev-print-facts">
            <tbody>
              <tr>
                <th>{t('events.budget.subsidy')}</th>
                <td>{formatFen(e.budget.totals.subsidyReceivedFen)}</td>
                <th>{t('events.budget.net')}</th>
                <td>{formatFen(e.budget.totals.netCostFen)}</td>
              </tr>
              <tr>
                <th>{t('events.budget.perPerson')}</th>
                <td>{formatFen(e.budget.totals.costPerCheckedInPersonFen)}</td>
                <th>{t('events.budget.perCar')}</th>
                <td>{formatFen(e.budget.totals.costPerCarFen)}</td>
              </tr>
              <tr>
                <th>{t('events.budget.perLead')}</th>
                <td>{formatFen(e.budget.totals.costPerNewLeadFen)}</td>
                <th>{t('events.budget.supportFields.filingStatus')}</th>
                <td>{t(`events.filingStatuses.${e.filingStatus}`)}</td>
              </tr>
            </tbody>
          </table>
          {results.data && (
            <>
              <h2 className="ev-print-avoid">{t('events.results.title')}</h2>
              <ResultsView results={results.data} />
            </>
          )}
          <h2 className="ev-print-avoid">{t('events.summary.title')}</h2>
          <dl className="ev-print-summary">
            {(['strengths', 'shortcomings', 'improvements', 'publicity'] as const).map((p) => (
              <div key={p}>
                <dt>{t(`events.summary.fields.${p}`)}</dt>
                <dd>{e.summary[p] ?? none}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </PrintFrame>
  );
}
