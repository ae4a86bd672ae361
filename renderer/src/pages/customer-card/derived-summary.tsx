import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../../../electron/contract/customers';
import { formatFenWhole } from '../../format/money';
import { formatCount } from './card-format';

type Derived = CustomerCard['derived'];

/** Loyalty colour by share of the maximum: the eye reads the total before the number. */
function loyaltyTone(total: number, max: number): string {
  const share = max ? total / max : 0;
  if (share >= 0.7) return 'is-high';
  if (share >= 0.4) return 'is-mid';
  return 'is-low';
}

/**
 * The figures main derives from the facts, each with the reason it gives: staff can explain a grade or a
 * score to a manager (or a customer) without guessing.
 */
export function DerivedSummary({ derived }: { derived: Derived }) {
  const { t } = useTranslation();
  const { stage, baseGrade, loyalty, last12Months } = derived;
  return (
    <section className="derived" aria-label={t('card.derived.label')}>
      <div className="derived-block">
        <div className="derived-label">{t('card.derived.stage')}</div>
        <div className="derived-value">
          <span className={`stage-pill stage-${stage.value}`}>{t(`labels.stage.${stage.value}`)}</span>
        </div>
        <p className="derived-reason">{stage.reason}</p>
        <div className="derived-label derived-label-second">{t('card.derived.baseGrade')}</div>
        <div className="derived-value">
          {baseGrade.value ? (
            <span className={`grade grade-${baseGrade.value}`}>
              {t(`labels.baseGrade.${baseGrade.value}`)}
            </span>
          ) : (
            <span className="cell-empty">{t('card.derived.noGrade')}</span>
          )}
        </div>
        <p className="derived-reason">{baseGrade.reason}</p>
      </div>

      <div className="derived-block derived-loyalty">
        <div className="derived-label">
          {t('card.derived.loyalty')}
          <span className={`loyalty-total ${loyaltyTone(loyalty.total, loyalty.max)}`}>
            <strong>{loyalty.total}</strong> / {loyalty.max} {t('card.derived.points')}
          </span>
        </div>
        <ul className="loyalty-parts">
          {loyalty.parts.map((p) => (
            <li key={p.key} className="loyalty-part">
              <div className="loyalty-part-head">
                <span className="loyalty-part-label">{p.label}</span>
                <span className="loyalty-part-points">
                  {p.points}/{p.max}
                </span>
              </div>
              <Progress
                percent={p.max ? (p.points / p.max) * 100 : 0}
                steps={p.max}
                size={{ width: 28, height: 6 }}
                showInfo={false}
                strokeColor="#1d5fa8"
                aria-label={t('card.derived.partAria', { label: p.label, points: p.points, max: p.max })}
              />
              <p className="derived-reason">{p.reason}</p>
            </li>
          ))}
        </ul>
      </div>

      <div className="derived-block">
        <div className="derived-label">{t('card.derived.last12Months')}</div>
        <div className="derived-figures">
          <div>
            <div className="derived-figure">{formatCount(last12Months.visits)}</div>
            <div className="derived-figure-label">{t('card.derived.visits')}</div>
          </div>
          <div>
            <Tooltip title={t('card.derived.revenueHint')}>
              <div className="derived-figure" tabIndex={0}>
                {formatFenWhole(last12Months.revenueFen)}
              </div>
            </Tooltip>
            <div className="derived-figure-label">{t('card.derived.revenue')}</div>
          </div>
        </div>
        <p className="derived-reason">
          {t('card.derived.period', { from: last12Months.from, to: last12Months.to })}
        </p>
      </div>
    </section>
  );
}
