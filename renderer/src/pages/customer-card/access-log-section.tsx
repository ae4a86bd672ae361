import { EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Drawer, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../../../electron/contract/audit';
import { personalFieldLabels } from '../../../../electron/common/personal-mask';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { actionLabel } from '../privacy/audit-labels';
import { auditKeys } from '../privacy/use-audit-log';
import '../privacy/audit.css';

const fieldName = (f: unknown) =>
  typeof f === 'string' ? ((personalFieldLabels as Record<string, string>)[f] ?? f) : null;

/**
 * 查看记录 (administrators only): who viewed, revealed or exported this person's data — PIPL asks that the
 * store can say who saw a customer's data. A count per staff member here; each entry in the drawer.
 */
export function AccessLogSection({ customerId, name }: { customerId: number; name: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const allowed = can('users.manage');
  const [open, setOpen] = useState(false);
  const access = useQuery({
    queryKey: auditKeys.customerAccess(customerId),
    queryFn: () => api.call('audit.customerAccess', { customerId, limit: 200 }),
    enabled: allowed,
  });
  if (!allowed) return null;
  const people = access.data?.people ?? [];
  const reveals = people.reduce((n, p) => n + p.reveals, 0);

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('auditLog.columns.at'), width: 130, render: (_, r) => r.atLabel },
    {
      key: 'user',
      title: t('auditLog.columns.user'),
      width: 110,
      ellipsis: true,
      render: (_, r) => r.userDisplayName ?? r.username ?? t('common.none'),
    },
    {
      key: 'action',
      title: t('auditLog.columns.action'),
      width: 130,
      render: (_, r) => (
        <Tag color={r.action === 'customer.viewed' ? undefined : 'blue'}>{actionLabel(r.action)}</Tag>
      ),
    },
    {
      key: 'detail',
      title: t('auditLog.columns.summary'),
      ellipsis: true,
      render: (_, r) =>
        [
          fieldName(r.detail?.field) && t('auditLog.access.field', { field: fieldName(r.detail?.field) }),
          typeof r.detail?.reason === 'string' && t('auditLog.access.reason', { reason: r.detail.reason }),
        ]
          .filter(Boolean)
          .join('；'),
    },
  ];

  return (
    <Card
      size="small"
      className="card-section"
      title={
        <Tooltip title={t('auditLog.access.hint')}>
          <span>
            <EyeOutlined /> {t('auditLog.access.title')}
          </span>
        </Tooltip>
      }
      extra={
        people.length > 0 && (
          <Button type="link" size="small" onClick={() => setOpen(true)}>
            {t('auditLog.access.details')}
          </Button>
        )
      }
      loading={access.isPending}
    >
      {people.length === 0 ? (
        <p className="section-empty">{t('auditLog.access.none')}</p>
      ) : (
        <>
          <div className="access-log-summary">
            {t('auditLog.access.summary', { people: people.length, reveals })}
          </div>
          <ul className="access-log-people">
            {people.slice(0, 5).map((p) => (
              <li key={`${p.userId}-${p.username}`} className="access-log-person">
                <span>{p.userDisplayName ?? p.username}</span>
                <span className="access-log-counts">
                  {[
                    t('auditLog.access.views', { count: p.views }),
                    p.reveals > 0 && t('auditLog.access.reveals', { count: p.reveals }),
                    p.exports > 0 && t('auditLog.access.exports', { count: p.exports }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Drawer
        open={open}
        size={720}
        title={t('auditLog.access.drawerTitle', { name })}
        onClose={() => setOpen(false)}
        extra={
          <Link to={`/privacy?tab=audit&customer=${customerId}&name=${encodeURIComponent(name)}`}>
            {t('auditLog.access.openLog')}
          </Link>
        }
      >
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={access.data?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          tableLayout="fixed"
        />
      </Drawer>
    </Card>
  );
}
