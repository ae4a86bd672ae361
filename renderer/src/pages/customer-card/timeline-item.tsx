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
import { Button, Tag } from 'antd';
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

/**
 * One entry: a service visit (car, mileage, amount, advisor; a quality repair's system and whether the car is
 * still in) or a contact (what was said, by whom). `onEditVisit` offers the visit's edit form.
 */
export function TimelineEntry({
  item,
  t,
  onEditVisit,
}: {
  item: TimelineItem;
  t: TFunction;
  onEditVisit?: ((visitId: number, carLabel: string) => void) | undefined;
}) {
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
            {item.repairSystem && (
              <Tag bordered={false} color={item.outDate ? 'default' : 'blue'} className="tl-repair">
                {t(`threeGuarantee.systems.${item.repairSystem}`)}
                {!item.outDate && ` · ${t('threeGuarantee.stillIn')}`}
              </Tag>
            )}
            <time className="tl-time" dateTime={item.date}>
              {formatDate(item.date)}
            </time>
            {onEditVisit && (
              <Button
                type="link"
                size="small"
                className="tl-edit"
                icon={<EditOutlined />}
                aria-label={`${t('threeGuarantee.edit.action')} ${formatDate(item.date)}`}
                onClick={() => onEditVisit(item.id, [plate, item.series].filter(Boolean).join(' '))}
              >
                {t('threeGuarantee.edit.action')}
              </Button>
            )}
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
