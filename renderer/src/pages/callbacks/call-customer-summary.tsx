import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPanel } from '../../../../electron/contract/callbacks';
import type { VisitType } from '../../../../electron/contract/vehicles';
import { visitTypes } from '../../../../electron/contract/vehicles';
import { formatDate, formatDateTime } from '../../format/date';
import { PersonalValue } from '../../personal-data/personal-value';

const km = new Intl.NumberFormat('zh-CN');

/** The panel carries the visit type as plain text; known types get their label, anything newer shows as is. */
function isVisitType(type: string): type is VisitType {
  return (visitTypes as readonly string[]).includes(type);
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className="cb-side-section">
      <h3 className="cb-side-title">
        {title}
        {count !== undefined && count > 0 && <span className="cb-side-count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

function Nothing({ note }: { note?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="cb-side-none">
      {t('callbacks.call.none')}
      {note && <div className="cb-side-note">{note}</div>}
    </div>
  );
}

/** What the operator glances at while the phone rings: the cars, the last visits, complaints, earlier calls. */
export function CallCustomerSummary({ call }: { call: CallPanel }) {
  const { t } = useTranslation();
  const c = call.customer;
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div className="cb-side">
      <Section title={t('callbacks.call.sections.customer')}>
        <dl className="cb-facts">
          {c.isCompany && (c.contactPerson || c.contactTitle) && (
            <>
              <dt>{t('callbacks.call.contact')}</dt>
              <dd>{[c.contactPerson, c.contactTitle].filter(Boolean).join(' · ')}</dd>
            </>
          )}
          <dt>{t('callbacks.call.stage')}</dt>
          <dd>
            <span className={`stage-pill stage-${c.stage}`}>{t(`labels.stage.${c.stage}`)}</span>
          </dd>
          {c.mobile2 && (
            <>
              <dt>{t('callbacks.call.mobile2')}</dt>
              <dd>
                <PersonalValue
                  customerId={c.id}
                  field="mobile2"
                  value={c.mobile2}
                  taskId={call.reasons[0]?.taskId}
                  mono
                  copyable
                />
              </dd>
            </>
          )}
          <dt>{t('callbacks.call.birthday')}</dt>
          <dd className="cell-mono">{formatDate(c.birthday)}</dd>
        </dl>
      </Section>

      <Section title={t('callbacks.call.sections.vehicles')} count={call.vehicles.length}>
        {call.vehicles.length === 0 ? (
          <Nothing />
        ) : (
          <ul className="cb-list">
            {call.vehicles.map((v) => (
              <li key={v.id}>
                <div className="cb-list-main">
                  <span className="cb-plate">{v.plate ?? '—'}</span>
                  <span className="cell-text" title={`${v.brand} ${v.series} ${v.model ?? ''}`}>
                    {v.series}
                    {v.model ? ` · ${v.model}` : ''}
                  </span>
                </div>
                <div className="cb-list-sub">
                  {v.mileageKm !== null && t('callbacks.call.mileage', { km: km.format(v.mileageKm) })}
                  {v.estimatedMileageKm !== null && v.estimatedMileageKm !== v.mileageKm && (
                    <>（{t('callbacks.call.estimated', { km: km.format(v.estimatedMileageKm) })}）</>
                  )}
                </div>
                <div className="cb-list-sub">
                  {v.deliveryDate && (
                    <span className="cb-part">
                      {t('callbacks.call.delivered', { date: formatDate(v.deliveryDate) })}
                    </span>
                  )}
                  {v.insuranceExpiry && (
                    <span className={`cb-part${v.insuranceExpiry < today ? ' cb-part-warn' : ''}`}>
                      {t('callbacks.call.insurance', { date: formatDate(v.insuranceExpiry) })}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('callbacks.call.sections.visits')} count={call.lastVisits.length}>
        {call.lastVisits.length === 0 ? (
          <Nothing />
        ) : (
          <ul className="cb-list">
            {call.lastVisits.map((visit) => (
              <li key={visit.id}>
                <div className="cb-list-main">
                  <span className="cell-mono">{formatDate(visit.visitDate)}</span>
                  <span>{isVisitType(visit.type) ? t(`callbacks.visitType.${visit.type}`) : visit.type}</span>
                  {visit.plate && <span className="cb-list-dim">{visit.plate}</span>}
                </div>
                <div className="cb-list-sub">
                  <span className="cb-part">
                    {t('callbacks.call.mileage', { km: km.format(visit.mileageKm) })}
                  </span>
                  {visit.advisor && (
                    <span className="cb-part">{t('callbacks.call.advisor', { name: visit.advisor })}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('callbacks.call.sections.complaints')} count={call.openComplaints.length}>
        {call.openComplaints.length === 0 ? (
          <Nothing note={call.complaintsNote} />
        ) : (
          <ul className="cb-list">
            {call.openComplaints.map((complaint) => (
              <li key={complaint.id} className="cb-list-warn">
                {complaint.summary}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('callbacks.call.sections.calls')} count={call.previousCalls.length}>
        {call.previousCalls.length === 0 ? (
          <Nothing />
        ) : (
          <ul className="cb-list">
            {call.previousCalls.map((prev) => (
              <li key={prev.id} className={prev.undone ? 'is-undone' : undefined}>
                <div className="cb-list-main">
                  <span className="cell-mono">{formatDateTime(prev.endedAt)}</span>
                  <span className={`cb-outcome-tag cb-outcome-${prev.outcome}`}>
                    {t(`callbacks.outcomes.${prev.outcome}`)}
                  </span>
                </div>
                <div className="cb-list-sub">
                  <span className="cb-part">{prev.reasons.join('、')}</span>
                  {prev.userName && <span className="cb-part">{prev.userName}</span>}
                </div>
                {prev.notes && <div className="cb-list-note">{prev.notes}</div>}
                {prev.undone && (
                  <div className="cb-list-undone">
                    {t('callbacks.call.undone', {
                      name: prev.undone.userName ?? '—',
                      time: formatDateTime(prev.undone.at),
                      reason: prev.undone.reason,
                    })}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
