import { Alert, Button, Modal, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { formatDateTime } from '../../format/date';
import type { FieldDiff } from './customer-diff';

interface ConflictDialogProps {
  open: boolean;
  current: CustomerDetail | null;
  /** Who saved the card in between, when it was someone's save (main's conflict details). */
  savedBy: string | null;
  savedAt: string | null;
  diffs: FieldDiff[];
  /** Throw away what was typed and show the saved card. */
  onLoadLatest: () => void;
  /** Start from the saved card and put the editor's own changes back on top of it. */
  onRebase: () => void;
  onCancel: () => void;
}

/**
 * Someone saved this card after the editor opened it. Nothing was written: show, field by field, what the
 * editor typed beside what is saved now, and let them choose how to go on.
 */
export function ConflictDialog({
  open,
  current,
  savedBy,
  savedAt,
  diffs,
  onLoadLatest,
  onRebase,
  onCancel,
}: ConflictDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('customerForm.conflict.title')}
      width={760}
      onCancel={onCancel}
      mask={{ closable: false }}
      footer={
        <div className="modal-actions">
          <Button onClick={onCancel}>{t('customerForm.conflict.back')}</Button>
          <Button onClick={onLoadLatest}>{t('customerForm.conflict.loadLatest')}</Button>
          <Button type="primary" onClick={onRebase}>
            {t('customerForm.conflict.rebase')}
          </Button>
        </div>
      }
    >
      <Alert
        type="warning"
        showIcon
        className="conflict-alert"
        title={t('customerForm.conflict.notSaved')}
        description={
          current
            ? savedBy
              ? t('customerForm.conflict.explainBy', {
                  name: savedBy,
                  at: formatDateTime(savedAt ?? current.updatedAt),
                })
              : t('customerForm.conflict.explainUnknown', {
                  at: formatDateTime(savedAt ?? current.updatedAt),
                })
            : undefined
        }
      />
      <Table<FieldDiff>
        size="small"
        className="conflict-table"
        rowKey="key"
        pagination={false}
        dataSource={diffs}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('customerForm.conflict.noFieldDiff') }}
        columns={[
          {
            key: 'label',
            title: t('customerForm.conflict.field'),
            width: 150,
            render: (_, d) => (
              <span>
                {d.label}
                {d.changedByOther && (
                  <Tag color="orange" className="conflict-tag">
                    {savedBy
                      ? t('customerForm.conflict.otherChangedBy', { name: savedBy })
                      : t('customerForm.conflict.otherChanged')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            key: 'mine',
            title: t('customerForm.conflict.mine'),
            render: (_, d) => (
              <span className={d.changedByMe ? 'conflict-mine' : 'conflict-same'}>{d.mine}</span>
            ),
          },
          {
            key: 'current',
            title: t('customerForm.conflict.current'),
            render: (_, d) => <span className="conflict-current">{d.current}</span>,
          },
        ]}
      />
      <p className="conflict-hint">
        {savedBy ? t('customerForm.conflict.hintBy', { name: savedBy }) : t('customerForm.conflict.hint')}
      </p>
    </Modal>
  );
}
