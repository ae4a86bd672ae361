import { CarOutlined, EditOutlined, HistoryOutlined, SwapOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';
import { formatDate } from '../../format/date';
import { formatFenWhole } from '../../format/money';
import { formatKm, plateText } from './card-format';
import type { CardAction } from './card-modals';
import { ThreeGuaranteeChip } from './three-guarantee-chip';
import { WarrantyTag } from './warranty-tag';

interface VehiclesSectionProps {
  vehicles: VehicleDetail[];
  /** The store's date, for "insurance expires within 30 days". */
  asOf: string;
  canWrite: boolean;
  onAction: (action: CardAction) => void;
}

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'vehicle-field is-wide' : 'vehicle-field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function VehicleItem({
  v,
  asOf,
  canWrite,
  onAction,
}: { v: VehicleDetail } & Omit<VehiclesSectionProps, 'vehicles'>) {
  const { t } = useTranslation();
  const plate = plateText(v.plate);
  const title = [v.brand, v.series, v.model].filter(Boolean).join(' ');
  const insuranceSoon =
    v.insuranceExpiry !== null && v.insuranceExpiry <= dayjs(asOf).add(30, 'day').format('YYYY-MM-DD');
  return (
    <article className="vehicle" aria-label={plate ?? v.vin}>
      <div className="vehicle-head">
        <span className={plate ? 'vehicle-plate' : 'vehicle-plate is-empty'}>
          {plate ?? t('card.vehicles.noPlate')}
        </span>
        <span className="vehicle-title" title={title}>
          {title}
        </span>
        <span className="vehicle-color">
          {[v.color, t(`card.enums.energy.${v.energy}`)].filter(Boolean).join(' · ')}
        </span>
        <WarrantyTag warranty={v.warranty} />
        <ThreeGuaranteeChip watch={v.threeGuarantee} />
        {canWrite && (
          <span className="vehicle-actions">
            <Button
              size="small"
              type="text"
              icon={<ToolOutlined />}
              onClick={() => onAction({ kind: 'visit', vehicleId: v.id })}
            >
              {t('card.vehicles.visit')}
            </Button>
            <Tooltip title={t('card.vehicles.edit')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('card.vehicles.edit')}
                onClick={() => onAction({ kind: 'editVehicle', vehicle: v })}
              />
            </Tooltip>
            <Tooltip title={t('card.vehicles.transfer')}>
              <Button
                size="small"
                type="text"
                icon={<SwapOutlined />}
                aria-label={t('card.vehicles.transfer')}
                onClick={() => onAction({ kind: 'transfer', vehicle: v })}
              />
            </Tooltip>
          </span>
        )}
      </div>
      <dl className="vehicle-fields">
        <Field label="VIN" wide>
          <span className="mono">{v.vin}</span>
        </Field>
        <Field label={t('card.vehicles.delivery')}>{formatDate(v.deliveryDate)}</Field>
        <Field label={t('card.vehicles.price')}>{formatFenWhole(v.priceFen)}</Field>
        <Field label={t('card.vehicles.mileage')}>
          <span
            title={v.mileageAt ? t('card.vehicles.mileageAt', { date: formatDate(v.mileageAt) }) : undefined}
          >
            {formatKm(v.mileageKm)}
          </span>
        </Field>
        <Field label={t('card.vehicles.insurance')}>
          <span className={insuranceSoon ? 'is-warning' : undefined}>{formatDate(v.insuranceExpiry)}</span>
        </Field>
        <Field label={t('card.vehicles.finance')}>
          {v.finance ? t(`card.enums.finance.${v.finance}`) : '—'}
        </Field>
        <Field label={t('card.vehicles.owners')}>
          <Button
            type="link"
            size="small"
            className="inline-link"
            icon={<HistoryOutlined />}
            onClick={() => onAction({ kind: 'history', vehicle: v })}
          >
            {v.previousOwners > 0
              ? t('card.vehicles.previousOwners', { count: v.previousOwners })
              : t('card.vehicles.firstOwner')}
          </Button>
        </Field>
      </dl>
    </article>
  );
}

/** A fleet customer can own dozens of cars; the first few show, the rest on request. */
const shownAtFirst = 3;

/** The cars the customer owns now; sold ones stay in each car's owner history. */
export function VehiclesSection({ vehicles, asOf, canWrite, onAction }: VehiclesSectionProps) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? vehicles : vehicles.slice(0, shownAtFirst);
  return (
    <Card
      size="small"
      className="card-section"
      title={t('card.vehicles.title', { count: vehicles.length })}
      extra={
        canWrite && (
          <Button size="small" icon={<CarOutlined />} onClick={() => onAction({ kind: 'addVehicle' })}>
            {t('card.actions.addVehicle')}
          </Button>
        )
      }
    >
      {vehicles.length === 0 ? (
        <p className="section-empty">{t('card.vehicles.none')}</p>
      ) : (
        <div className="vehicles">
          {shown.map((v) => (
            <VehicleItem key={v.id} v={v} asOf={asOf} canWrite={canWrite} onAction={onAction} />
          ))}
          {vehicles.length > shownAtFirst && (
            <Button type="link" className="vehicles-toggle" onClick={() => setShowAll((x) => !x)}>
              {showAll
                ? t('card.vehicles.showFewer')
                : t('card.vehicles.showAll', { count: vehicles.length })}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
