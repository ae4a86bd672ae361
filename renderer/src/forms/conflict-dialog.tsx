import { Alert, Button, Modal, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/date';
import type { ConflictChoice, ConflictRow, ConflictState } from './conflict-rows';
import { defaultChoice } from './conflict-rows';
import './conflict-dialog.css';

interface ConflictDialogProps {
  /** null while there is no refused save. */
  conflict: ConflictState | null;
  /** What was edited, as a sentence part: "这位客户的资料", "这辆车的资料", "工单 TS… 的信息", "门店设置". */
  what: string;
  /** Save again on the record as it is now, each listed field as chosen. */
  onResolve: (choices: Record<string, ConflictChoice>) => void;
  /** Throw away what was typed and show the saved record. */
  onLoadLatest: () => void;
  onCancel: () => void;
}

/**
 * Someone saved this record after the editor opened it, and nothing was written. One dialog for every record:
 * per field what it was, what the editor typed and what the other person saved (named, with the time); the
 * editor keeps theirs or takes the saved value per field, then saves again on the record as it is now.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  // Mounted per refusal, so the choices always start from the defaults of the rows shown.
  if (!props.conflict) return null;
  return <ConflictDialogBody {...props} conflict={props.conflict} />;
}

function ConflictDialogBody({
  conflict,
  what,
  onResolve,
  onLoadLatest,
  onCancel,
}: ConflictDialogProps & { conflict: ConflictState }) {
  const { t } = useTranslation();
  const { rows, savedBy, savedAt } = conflict;
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>(() =>
    Object.fromEntries(rows.map((r) => [r.key, defaultChoice(r)])),
  );
  const at = formatDateTime(savedAt);
  const cell = (value: string) =>
    value === t('common.none') ? <span className="conflict-blank">{value}</span> : value;
  return (
    <Modal
      open
      title={t('conflict.title', { what })}
      width={900}
      onCancel={onCancel}
      mask={{ closable: false }}
      footer={
        <div className="modal-actions">
          <Button onClick={onCancel}>{t('conflict.back')}</Button>
          <Button onClick={onLoadLatest}>{t('conflict.loadLatest')}</Button>
          <Button type="primary" onClick={() => onResolve(choices)}>
            {t('conflict.save')}
          </Button>
        </div>
      }
    >
      <Alert
        type="warning"
        showIcon
        className="conflict-alert"
        title={t('conflict.notSaved')}
        description={
          savedBy
            ? t('conflict.explainBy', { name: savedBy, at, what })
            : t('conflict.explainUnknown', { at, what })
        }
      />
      <Table<ConflictRow>
        size="small"
        className="conflict-table"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 380 }}
        tableLayout="fixed"
        locale={{ emptyText: t('conflict.noFieldDiff') }}
        columns={[
          {
            key: 'label',
            title: t('conflict.field'),
            width: 150,
            render: (_, r) => (
              <span>
                {r.label}
                {r.theirs !== r.was && (
                  <Tag color={r.mine !== r.was ? 'red' : 'orange'} className="conflict-tag">
                    {savedBy ? t('conflict.otherChangedBy', { name: savedBy }) : t('conflict.otherChanged')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            key: 'was',
            title: t('conflict.was'),
            render: (_, r) => <span className="conflict-was">{cell(r.was)}</span>,
          },
          {
            key: 'mine',
            title: t('conflict.mine'),
            render: (_, r) => <span className="conflict-mine">{cell(r.mine)}</span>,
          },
          {
            key: 'theirs',
            title: (
              <span>
                {savedBy ? t('conflict.theirs', { name: savedBy }) : t('conflict.theirsUnknown')}
                {savedAt && <span className="conflict-at">{t('conflict.savedAt', { at })}</span>}
              </span>
            ),
            render: (_, r) => <span className="conflict-current">{cell(r.theirs)}</span>,
          },
          {
            key: 'keep',
            title: '',
            width: 196,
            render: (_, r) => (
              <Radio.Group
                size="small"
                optionType="button"
                aria-label={r.label}
                value={choices[r.key]}
                onChange={(e) => setChoices((c) => ({ ...c, [r.key]: e.target.value as ConflictChoice }))}
                options={[
                  { value: 'mine', label: t('conflict.keepMine') },
                  {
                    value: 'theirs',
                    label: savedBy ? t('conflict.takeTheirs', { name: savedBy }) : t('conflict.takeSaved'),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
