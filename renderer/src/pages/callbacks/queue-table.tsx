import { PhoneOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Button, Table } from 'antd';
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../electron/contract/callbacks';
import { AssignedCell, DueCell, PriorityPill, ReasonTags, StatusCell } from './queue-cells';
import { useElementHeight } from './use-element-height';

/** The sticky header's height in the small table size; the body scrolls in what is left. */
const headerHeight = 40;

interface QueueTableProps {
  rows: QueueRow[];
  today: string | null;
  loading: boolean;
  /** Manager's team view: rows can be ticked for assigning. */
  selectable: boolean;
  selectedKeys: number[];
  onSelect: (keys: number[], rows: QueueRow[]) => void;
  onCall: (customerId: number) => void;
  calling: boolean;
  myName: string;
  empty: ReactNode;
}

/** One row per call (customer), in main's order: most urgent first. */
export function QueueTable(props: QueueTableProps) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const height = useElementHeight(boxRef);

  const columns: TableColumnsType<QueueRow> = [
    {
      key: 'customer',
      title: t('callbacks.queue.columns.customer'),
      width: 128,
      ellipsis: true,
      render: (_, r) => <span className="cell-strong">{r.customerName}</span>,
    },
    {
      key: 'mobile',
      title: t('callbacks.queue.columns.mobile'),
      width: 110,
      render: (_, r) => <span className="cell-mono">{r.mobile ?? t('common.none')}</span>,
    },
    {
      key: 'reasons',
      title: t('callbacks.queue.columns.reasons'),
      render: (_, r) => <ReasonTags row={r} />,
    },
    {
      key: 'dueDate',
      title: t('callbacks.queue.columns.dueDate'),
      width: 140,
      render: (_, r) => <DueCell row={r} today={props.today} />,
    },
    {
      key: 'priority',
      title: t('callbacks.queue.columns.priority'),
      width: 64,
      render: (_, r) => <PriorityPill value={r.priority} />,
    },
    {
      key: 'attempts',
      title: t('callbacks.queue.columns.attempts'),
      width: 56,
      align: 'end',
      render: (_, r) => (
        <span className="cell-mono">
          {t('callbacks.queue.attempts', { count: Math.max(0, ...r.tasks.map((task) => task.attempts)) })}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('callbacks.queue.columns.status'),
      width: 130,
      ellipsis: true,
      render: (_, r) => <StatusCell row={r} />,
    },
    {
      key: 'assigned',
      title: t('callbacks.queue.columns.assigned'),
      width: 88,
      ellipsis: true,
      render: (_, r) => <AssignedCell row={r} />,
    },
    {
      key: 'actions',
      title: t('callbacks.queue.columns.actions'),
      width: 76,
      render: (_, r) => {
        const busyElsewhere = r.tasks.some(
          (task) => task.claimedByName && task.claimedByName !== props.myName,
        );
        return (
          <Button
            size="small"
            type="link"
            icon={<PhoneOutlined />}
            disabled={busyElsewhere || props.calling}
            onClick={() => props.onCall(r.customerId)}
            title={t('callbacks.queue.callTitle')}
            aria-label={`${t('callbacks.queue.call')} ${r.customerName}`}
          >
            {t('callbacks.queue.call')}
          </Button>
        );
      },
    },
  ];

  return (
    <div ref={boxRef} className="cb-table-box">
      <Table<QueueRow>
        rowKey="customerId"
        size="small"
        columns={columns}
        dataSource={props.rows}
        loading={props.loading}
        pagination={false}
        tableLayout="fixed"
        scroll={{ y: Math.max(120, height - headerHeight) }}
        locale={{ emptyText: props.empty }}
        rowClassName={(r) => (r.overdue ? 'cb-row-overdue' : '')}
        rowSelection={
          props.selectable
            ? {
                selectedRowKeys: props.selectedKeys,
                preserveSelectedRowKeys: true,
                columnWidth: 40,
                getCheckboxProps: (r) => ({
                  'aria-label': t('callbacks.queue.selectRow', { name: r.customerName }),
                }),
                onChange: (keys, rows) => props.onSelect(keys as number[], rows),
              }
            : undefined
        }
      />
    </div>
  );
}
