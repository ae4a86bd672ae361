import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';

const colors = {
  first_service: 'cyan',
  in_warranty: 'green',
  expired: 'default',
  unknown: 'default',
} as const;

/** 首保/在保/出保 with main's explanation on hover or keyboard focus. */
export function WarrantyTag({ warranty }: { warranty: VehicleDetail['warranty'] }) {
  const { t } = useTranslation();
  const label = t(`card.enums.warranty.${warranty.state}`);
  return (
    <Tooltip title={warranty.reason}>
      <Tag
        color={colors[warranty.state]}
        className="warranty-tag"
        tabIndex={0}
        aria-label={`${label}：${warranty.reason}`}
      >
        {label}
      </Tag>
    </Tooltip>
  );
}
