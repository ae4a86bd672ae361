import {
  CalendarOutlined,
  CommentOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  MessageOutlined,
  PhoneOutlined,
  ShopOutlined,
  ToolOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { TimelineItem } from '../../../../electron/contract/customers';
import { formatDate, formatDateTime } from '../../format/date';
import { formatFen } from '../../format/money';
import { formatKm, plateText } from './card-format';

const interactionIcons: Record<string, ReactNode> = {
  call: <PhoneOutlined />,
  visit: <ShopOutlined />,
  note: <EditOutlined />,
  sms: <MessageOutlined />,
  wechat: <WechatOutlined />,
  callback: <PhoneOutlined />,
  complaint: <ExclamationCircleOutlined />,
  event: <CalendarOutlined />,
};

/** One entry: a service visit (car, mileage, amount, advisor) or a contact (what was said, by whom). */
export function TimelineEntry({ item, t }: { item: TimelineItem; t: TFunction }) {
  if (item.source === 'visit') {
    const plate = plateText(item.plate);
    return (
      <li className="tl-item is-visit">
        <span className="tl-icon" aria-hidden="true">
          <ToolOutlined />
        </span>
        <div className="tl-body">
          <div className="tl-head">
            <span className="tl-kind">{t(`card.enums.visitType.${item.kind}`)}</span>
            <span className="tl-car">{[plate, item.series].filter(Boolean).join(' ')}</span>
            <time className="tl-time" dateTime={item.date}>
              {formatDate(item.date)}
            </time>
          </div>
          <div className="tl-text">
            {t('card.timeline.visitLine', {
              mileage: formatKm(item.mileageKm),
              amount: formatFen(item.amountFen),
            })}
            {item.advisor && (
              <span className="tl-by">{t('card.timeline.advisor', { name: item.advisor })}</span>
            )}
          </div>
          {item.notes && <div className="tl-note">{item.notes}</div>}
        </div>
      </li>
    );
  }
  return (
    <li className={`tl-item is-${item.kind}${item.undone ? ' is-undone' : ''}`}>
      <span className="tl-icon" aria-hidden="true">
        {interactionIcons[item.kind] ?? <CommentOutlined />}
      </span>
      <div className="tl-body">
        <div className="tl-head">
          <span className="tl-kind">
            {t(`card.enums.interaction.${item.kind}`)}
            {item.direction && (
              <span className="tl-direction">{t(`card.enums.direction.${item.direction}`)}</span>
            )}
          </span>
          <time className="tl-time" dateTime={item.at}>
            {formatDateTime(item.at)}
          </time>
        </div>
        <div className="tl-text pre-wrap">{item.summary}</div>
        {item.userName && <div className="tl-by">{t('card.timeline.by', { name: item.userName })}</div>}
        {item.undone && (
          <div className="tl-undone" role="note">
            {t('card.timeline.undone', {
              name: item.undone.userName ?? '—',
              time: formatDateTime(item.undone.at),
              reason: item.undone.reason,
            })}
          </div>
        )}
      </div>
    </li>
  );
}
