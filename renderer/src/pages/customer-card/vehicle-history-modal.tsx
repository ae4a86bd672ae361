import { useQuery } from '@tanstack/react-query';
import { Modal, Result, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { VehicleDetail } from '../../../../electron/contract/vehicles';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatDate } from '../../format/date';
import { cardKeys } from './card-keys';
import { plateText } from './card-format';
import { ThreeGuaranteeChip } from './three-guarantee-chip';
import { ThreeGuaranteeFacts } from './three-guarantee-facts';

/** Everyone who has owned this car, oldest first, with the visits each of them paid for. */
export function VehicleHistoryModal({ vehicle, onClose }: { vehicle: VehicleDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: cardKeys.vehicleHistory(vehicle.id),
    queryFn: () => api.call('vehicles.history', { id: vehicle.id }),
  });
  const car = plateText(vehicle.plate) ?? vehicle.vin;
  let body;
  if (history.isPending)
    body = (
      <div className="section-loading">
        <Spin />
      </div>
    );
  else if (history.isError) body = <Result status="error" subTitle={errorMessage(history.error)} />;
  else
    body = (
      <Table
        size="small"
        rowKey={(r) => `${r.customerId}-${r.fromDate}`}
        pagination={false}
        dataSource={history.data.owners}
        columns={[
          {
            key: 'name',
            title: t('card.history.owner'),
            render: (_, r) => (
              <span>
                <Link to={`/customers/${r.customerId}`} onClick={onClose}>
                  {r.name}
                </Link>
                {r.current && (
                  <Tag color="green" bordered={false} className="history-current">
                    {t('card.history.current')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            key: 'from',
            title: t('card.history.from'),
            render: (_, r) => formatDate(r.fromDate),
            width: 120,
          },
          {
            key: 'to',
            title: t('card.history.to'),
            render: (_, r) => (r.toDate ? formatDate(r.toDate) : t('card.history.now')),
            width: 120,
          },
          { key: 'visits', title: t('card.history.visits'), dataIndex: 'visits', align: 'right', width: 90 },
        ]}
      />
    );
  return (
    <Modal open title={t('card.history.title', { car })} onCancel={onClose} footer={null} width={640}>
      <p className="modal-hint mono">VIN {vehicle.vin}</p>
      <section className="tg-section" aria-label={t('threeGuarantee.title')}>
        <div className="tg-section-head">
          {t('threeGuarantee.title')}
          <ThreeGuaranteeChip watch={vehicle.threeGuarantee} />
        </div>
        <ThreeGuaranteeFacts watch={vehicle.threeGuarantee} />
      </section>
      {body}
    </Modal>
  );
}
