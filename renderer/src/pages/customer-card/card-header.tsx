import {
  ArrowLeftOutlined,
  CarOutlined,
  EditOutlined,
  MessageOutlined,
  StopOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerCard } from '../../../../electron/contract/customers';
import { formatDate } from '../../format/date';
import { PersonalValue } from '../../personal-data/personal-value';
import { RaiseComplaintButton } from '../complaints/raise-complaint-button';
import type { ListReturnState } from '../customers/list-return';
import { customerListPath } from '../customers/list-return';
import { ageOn } from './card-format';
import type { CardAction } from './card-modals';

interface CardHeaderProps {
  card: CustomerCard;
  canWrite: boolean;
  onEdit: () => void;
  onAction: (action: CardAction) => void;
}

const listReturn: ListReturnState = { restoreScroll: true };

/** Who this is at a glance, and the things staff do most: edit, log a contact, record a visit, add a car. */
export function CardHeader({ card, canWrite, onEdit, onAction }: CardHeaderProps) {
  const { t } = useTranslation();
  const c = card.customer;
  const stage = card.derived.stage.value;
  const age = ageOn(c.birthday, card.derived.asOf);
  const complainant = { id: c.id, name: c.name, vehicles: card.vehicles };
  const facts = [
    c.gender && t(`labels.gender.${c.gender}`),
    age !== null && t('card.header.age', { age }),
    c.district,
    c.isCompany && t('card.header.company'),
  ].filter(Boolean);

  return (
    <header className="card-header">
      <div className="card-header-top">
        <Link to={customerListPath()} state={listReturn} className="card-back">
          <ArrowLeftOutlined /> {t('card.backToList')}
        </Link>
        <span className="card-header-meta">
          {t('card.header.meta', {
            id: c.id,
            created: formatDate(c.createdAt),
            updated: formatDate(c.updatedAt),
          })}
        </span>
      </div>
      <div className="card-header-body">
        <div className="card-identity">
          <div className="card-title-row">
            <Typography.Title level={3} className="card-name">
              {c.name}
            </Typography.Title>
            <span className={`stage-pill stage-${stage} card-stage`}>{t(`labels.stage.${stage}`)}</span>
            {card.derived.baseGrade.value && (
              <span className={`grade grade-${card.derived.baseGrade.value}`}>
                {t('card.header.baseGrade', { grade: t(`labels.baseGrade.${card.derived.baseGrade.value}`) })}
              </span>
            )}
            {c.leadGrade && (
              <Tag className="card-lead-grade">{t('card.header.leadGrade', { grade: c.leadGrade })}</Tag>
            )}
            {c.doNotContact && (
              <Tooltip title={t('card.header.doNotContactSince', { date: formatDate(c.doNotContactAt) })}>
                <Tag color="red" icon={<StopOutlined />} tabIndex={0}>
                  {t('card.header.doNotContact')}
                </Tag>
              </Tooltip>
            )}
          </div>
          <div className="card-facts">
            {facts.map((f) => (
              <span key={String(f)}>{f}</span>
            ))}
            {c.mobile && (
              <span className="card-contact">
                <span className="card-contact-label">{t('card.profile.mobile')}</span>{' '}
                <PersonalValue customerId={c.id} field="mobile" value={c.mobile} mono />
              </span>
            )}
            {c.wechat && (
              <span className="card-contact">
                <span className="card-contact-label">{t('card.profile.wechat')}</span>{' '}
                <PersonalValue customerId={c.id} field="wechat" value={c.wechat} />
              </span>
            )}
          </div>
          {c.tags.length > 0 && (
            <div className="card-tags" aria-label={t('card.header.tags')}>
              {c.tags.map((tag) => (
                <Tag key={tag} color="blue" bordered={false}>
                  {tag}
                </Tag>
              ))}
            </div>
          )}
        </div>
        {/* 登记投诉 is for everyone who meets customers (complaints.raise), card editors or not. */}
        {!canWrite && (
          <Space wrap className="card-actions">
            <RaiseComplaintButton customer={complainant} />
          </Space>
        )}
        {canWrite && (
          <Space wrap className="card-actions">
            <RaiseComplaintButton customer={complainant} />
            <Button icon={<MessageOutlined />} onClick={() => onAction({ kind: 'interaction' })}>
              {t('card.actions.logInteraction')}
            </Button>
            <Tooltip title={card.vehicles.length === 0 ? t('card.actions.visitNeedsVehicle') : undefined}>
              <Button
                icon={<ToolOutlined />}
                disabled={card.vehicles.length === 0}
                onClick={() => onAction({ kind: 'visit', vehicleId: card.vehicles[0]?.id ?? null })}
              >
                {t('card.actions.recordVisit')}
              </Button>
            </Tooltip>
            <Button icon={<CarOutlined />} onClick={() => onAction({ kind: 'addVehicle' })}>
              {t('card.actions.addVehicle')}
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
              {t('card.actions.edit')}
            </Button>
          </Space>
        )}
      </div>
    </header>
  );
}
