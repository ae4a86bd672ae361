import { CarOutlined, ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Popover, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ThreeGuaranteeWatch, WatchLineResult } from '../../../../electron/contract/three-guarantee';
import { ThreeGuaranteeFacts } from './three-guarantee-facts';

/** The line that matters most: the highest level, then the one closest to its legal line. */
function headline(w: ThreeGuaranteeWatch): WatchLineResult | null {
  const rank = { none: 0, warning: 1, alert: 2 } as const;
  const hits = w.lines.filter((l) => l.level !== 'none');
  hits.sort((a, b) => rank[b.level] - rank[a.level] || b.count / b.alertAt - a.count / a.alertAt);
  return hits[0] ?? null;
}

function shortFact(l: WatchLineResult, t: TFunction): string {
  return t(`threeGuarantee.chipFact.${l.line}`, { count: l.count });
}

/**
 * A vehicle's 三包 state in one chip: red at a legal line (第二十四条), orange before it, blue for a loan car due
 * (第二十一条); nothing when there is nothing to act on. Hover, focus or click shows the facts behind it. Any
 * screen about one car can show it with the watch main sends (vehicles.get, the card, a ticket).
 */
export function ThreeGuaranteeChip({ watch }: { watch: ThreeGuaranteeWatch }) {
  const { t } = useTranslation();
  const loan = watch.loanCar;
  if (watch.level === 'none' && !loan) return null;
  const top = headline(watch);
  const kind = watch.level === 'none' ? 'loanCar' : watch.level;
  const fact =
    top && watch.level !== 'none'
      ? shortFact(top, t)
      : loan?.outDate === null
        ? t('threeGuarantee.form.stillIn', { count: loan.days })
        : t('threeGuarantee.days', { count: loan?.days ?? 0 });
  const label = `${t(`threeGuarantee.chip.${kind}`)} · ${fact}`;
  const icon =
    kind === 'alert' ? <ExclamationCircleFilled /> : kind === 'warning' ? <WarningFilled /> : <CarOutlined />;
  return (
    <Popover
      trigger={['hover', 'focus', 'click']}
      placement="right"
      title={t('threeGuarantee.title')}
      content={<ThreeGuaranteeFacts watch={watch} limit={4} />}
      classNames={{ root: 'tg-popover', container: 'tg-popover-container' }}
    >
      <Tag
        color={kind === 'alert' ? 'red' : kind === 'warning' ? 'orange' : 'blue'}
        icon={icon}
        className={`tg-chip is-${kind}`}
        tabIndex={0}
        role="button"
        aria-label={label}
      >
        {label}
      </Tag>
    </Popover>
  );
}
