import type { TableColumnsType } from 'antd';
import { Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../../../electron/contract/audit';
import { AuditDetail, auditSummary } from './audit-detail';
import { actionLabel, entityLabel } from './audit-labels';

const tone: Record<string, string> = {
  access: 'blue',
  'customer.deleted': 'red',
  'customer.anonymised': 'red',
  'user.disabled': 'orange',
  'auth.login_failed': 'orange',
  'auth.locked': 'red',
  'audit.verified': 'purple',
};

function actionColor(code: string): string | undefined {
  if (tone[code]) return tone[code];
  if (code === 'customer.viewed' || code === 'personal.revealed' || code.startsWith('export.'))
    return tone.access;
  return undefined;
}

interface AuditTableProps {
  rows: AuditEntry[];
  loading: boolean;
  highlightId: number | null;
}

/** The log, dense: one line per entry, the changes (before → after) in the expanded row. */
export function AuditTable({ rows, loading, highlightId }: AuditTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('auditLog.columns.at'), width: 136, render: (_, r) => r.atLabel },
    {
      key: 'user',
      title: t('auditLog.columns.user'),
      width: 140,
      ellipsis: true,
      render: (_, r) =>
        r.userDisplayName ? (
          <span title={r.username ?? undefined}>
            {r.userDisplayName}
            <span className="audit-username">{r.username}</span>
          </span>
        ) : (
          (r.username ?? <span className="cell-empty">{t('common.none')}</span>)
        ),
    },
    {
      key: 'action',
      title: t('auditLog.columns.action'),
      width: 150,
      render: (_, r) => (
        <Tag color={actionColor(r.action)} className="audit-action">
          {actionLabel(r.action)}
        </Tag>
      ),
    },
    {
      key: 'customer',
      title: t('auditLog.columns.customer'),
      width: 150,
      ellipsis: true,
      render: (_, r) =>
        r.customerId === null ? (
          <span className="cell-empty">{t('common.none')}</span>
        ) : (
          <span>
            <Link to={`/customers/${r.customerId}`}>{r.customerName ?? `#${r.customerId}`}</Link>
            <span className="audit-id">#{r.customerId}</span>
          </span>
        ),
    },
    {
      key: 'target',
      title: t('auditLog.columns.target'),
      width: 104,
      render: (_, r) =>
        r.entity && !(r.entity === 'customer' && r.entityId === String(r.customerId)) ? (
          <span className="audit-target">
            {entityLabel(r.entity)}
            {r.entityId ? ` #${r.entityId}` : ''}
          </span>
        ) : null,
    },
    {
      key: 'summary',
      title: t('auditLog.columns.summary'),
      ellipsis: { showTitle: false },
      render: (_, r) => {
        const text = auditSummary(r);
        return text ? (
          <Tooltip title={text} placement="topLeft">
            <span>{text}</span>
          </Tooltip>
        ) : null;
      },
    },
    {
      key: 'client',
      title: t('auditLog.columns.client'),
      width: 110,
      ellipsis: true,
      render: (_, r) =>
        r.client === 'desktop'
          ? t('auditLog.desktop')
          : (r.client ?? <span className="cell-empty">{t('common.none')}</span>),
    },
  ];
  return (
    <Table<AuditEntry>
      className="audit-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      tableLayout="fixed"
      locale={{ emptyText: t('auditLog.empty') }}
      rowClassName={(r) => (r.id === highlightId ? 'audit-row-broken' : '')}
      expandable={{
        expandedRowRender: (r) => <AuditDetail entry={r} />,
        rowExpandable: (r) => r.detail !== null,
        expandRowByClick: true,
      }}
    />
  );
}
