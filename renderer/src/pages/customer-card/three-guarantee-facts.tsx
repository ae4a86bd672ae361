import { CarOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ThreeGuaranteeWatch, WatchLineResult } from '../../../../electron/contract/three-guarantee';
import { threeGuaranteeLines } from '../../../../electron/contract/three-guarantee';
import { formatDate } from '../../format/date';
import { formatKm } from './card-format';
import './three-guarantee.css';

/** `brief`: a line below its warning shows on one row, without its rule (the chip's popover). */
function LineRow({ line, brief }: { line: WatchLineResult; brief: boolean }) {
  const { t } = useTranslation();
  const legal = threeGuaranteeLines[line.line];
  const count =
    line.line === 'repairDays'
      ? t('threeGuarantee.count.repairDays', { count: line.count })
      : t('threeGuarantee.count.other', { count: line.count });
  const warn =
    line.line === 'repairDays'
      ? t('threeGuarantee.count.repairDays', { count: line.warnAt })
      : t('threeGuarantee.count.other', { count: line.warnAt });
  return (
    <li className={`tg-line is-${line.level}`}>
      <span className="tg-line-name">
        {t(`threeGuarantee.lines.${line.line}`)}
        {line.group && <span className="tg-line-group">{line.group}</span>}
      </span>
      <span className="tg-line-count">{count}</span>
      <span className="tg-line-level">{t(`threeGuarantee.level.${line.level}`)}</span>
      {!(brief && line.level === 'none') && (
        <span className="tg-line-rule">
          {t('threeGuarantee.rule', { warn, legal: legal.legal, article: legal.article })}
        </span>
      )}
    </li>
  );
}

/** Main's period line in words. */
function periodText(w: ThreeGuaranteeWatch, t: TFunction): string {
  const p = w.period;
  const key: `threeGuarantee.period.${typeof p.state}` = `threeGuarantee.period.${p.state}`;
  return t(key, {
    lastDay: formatDate(p.lastDay),
    km: formatKm(p.kmLimit),
    current: formatKm(p.latestKm),
    date: formatDate(p.kmPassedOn),
  });
}

/**
 * The facts behind a vehicle's 三包 chip: the period, each line against its warning and legal line, the
 * loan-car reminder and the quality repairs counted (newest first), each with its fault as the customer told it.
 */
export function ThreeGuaranteeFacts({ watch, limit }: { watch: ThreeGuaranteeWatch; limit?: number }) {
  const brief = limit !== undefined;
  const { t } = useTranslation();
  const repairs = [...watch.repairs].reverse();
  const counted = repairs.filter((r) => r.inPeriod);
  const shown = limit ? repairs.slice(0, limit) : repairs;
  const loan = watch.loanCar;
  return (
    <div className="tg-facts">
      <p className="tg-period">{periodText(watch, t)}</p>
      {watch.lines.length > 0 && (
        <ul className="tg-lines" aria-label={t('threeGuarantee.title')}>
          {watch.lines.map((l) => (
            <LineRow key={l.line} line={l} brief={brief} />
          ))}
        </ul>
      )}
      {loan && (
        <p className="tg-loan" role="note">
          <CarOutlined aria-hidden="true" />{' '}
          {loan.outDate === null
            ? t('threeGuarantee.loanCarIn', { days: loan.days, from: formatDate(loan.dueFrom) })
            : t('threeGuarantee.loanCarOut', {
                days: loan.days,
                from: formatDate(loan.inDate),
                to: formatDate(loan.outDate),
              })}
        </p>
      )}
      {watch.period.state !== 'unknown' && (
        <>
          <p className="tg-repairs-title">
            {counted.length
              ? t('threeGuarantee.repairsTitle', { count: counted.length })
              : t('threeGuarantee.repairsNone')}
          </p>
          {shown.length > 0 && (
            <ol className="tg-repairs">
              {shown.map((r) => (
                <li key={r.visitId} className={r.inPeriod ? 'tg-repair' : 'tg-repair is-outside'}>
                  <span className="tg-repair-date">{formatDate(r.inDate)}</span>
                  <span className="tg-repair-system">{t(`threeGuarantee.systems.${r.system}`)}</span>
                  <span className={r.overLoanDays ? 'tg-repair-days is-long' : 'tg-repair-days'}>
                    {r.outDate === null
                      ? `${t('threeGuarantee.stillIn')} ${t('threeGuarantee.days', { count: r.days })}`
                      : t('threeGuarantee.days', { count: r.days })}
                  </span>
                  <span className="tg-repair-tags">
                    {r.seriousSafety && (
                      <Tag color="red" bordered={false}>
                        {t('threeGuarantee.safetyTag')}
                      </Tag>
                    )}
                    {r.mainPart && (
                      <Tag color="orange" bordered={false}>
                        {t('threeGuarantee.part', { part: r.mainPart })}
                      </Tag>
                    )}
                    {!r.inPeriod && <Tag bordered={false}>{t('threeGuarantee.outOfPeriod')}</Tag>}
                  </span>
                  {r.faultText && <span className="tg-repair-fault">{r.faultText}</span>}
                </li>
              ))}
            </ol>
          )}
          {shown.length < repairs.length && (
            <p className="tg-note">
              {t('threeGuarantee.moreRepairs', { count: repairs.length - shown.length })}
            </p>
          )}
          {counted.length > 0 && <p className="tg-note">{t('threeGuarantee.sameProblemNote')}</p>}
        </>
      )}
      <p className="tg-basis">{t('threeGuarantee.basis')}</p>
    </div>
  );
}
