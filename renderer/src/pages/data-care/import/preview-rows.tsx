import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Segmented, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowResult } from '../../../../../electron/contract/imports';
import { ActionTag } from './action-tag';

type RowFilter = 'all' | 'problems' | 'create' | 'update' | 'skip';
const filters: RowFilter[] = ['all', 'problems', 'create', 'update', 'skip'];
const pageSize = 50;

const hasProblem = (r: ImportRowResult) => r.errors.length > 0 || r.warnings.length > 0;

function matches(filter: RowFilter, r: ImportRowResult): boolean {
  if (filter === 'all') return true;
  if (filter === 'problems') return hasProblem(r);
  return r.action === filter;
}

/** Every row's verdict, with main's Chinese reasons; paged, so a 200,000-row file stays responsive. */
export function PreviewRows({ rows }: { rows: ImportRowResult[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [page, setPage] = useState(1);
  const counts = useMemo(() => {
    const c: Record<RowFilter, number> = { all: rows.length, problems: 0, create: 0, update: 0, skip: 0 };
    for (const r of rows) {
      c[r.action]++;
      if (hasProblem(r)) c.problems++;
    }
    return c;
  }, [rows]);
  const visible = useMemo(() => rows.filter((r) => matches(filter, r)), [rows, filter]);

  const columns: TableColumnsType<ImportRowResult> = [
    { key: 'row', title: t('dataCare.import.rows.rowNumber'), dataIndex: 'rowNumber', width: 64 },
    {
      key: 'action',
      title: t('dataCare.import.rows.action'),
      width: 92,
      render: (_, r) => (
        <div className="import-action">
          <ActionTag action={r.action} />
          {r.sameAsRow !== null && (
            <span className="import-same-as">
              {t('dataCare.import.rows.sameAsRow', { row: r.sameAsRow })}
            </span>
          )}
        </div>
      ),
    },
    { key: 'summary', title: t('dataCare.import.rows.summary'), dataIndex: 'summary', width: '40%' },
    {
      key: 'issues',
      title: t('dataCare.import.rows.issues'),
      render: (_, r) =>
        hasProblem(r) ? (
          <ul className="import-issues">
            {r.errors.map((e) => (
              <li key={`e-${e}`} className="import-issue is-error">
                <CloseCircleFilled aria-hidden="true" /> <span>{e}</span>
              </li>
            ))}
            {r.warnings.map((w) => (
              <li key={`w-${w}`} className="import-issue is-warning">
                <ExclamationCircleFilled aria-hidden="true" /> <span>{w}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="cell-empty">{t('common.none')}</span>
        ),
    },
  ];

  return (
    <section className="import-rows" aria-labelledby="import-rows-title">
      <div className="import-section-head">
        <Typography.Text strong id="import-rows-title">
          {t('dataCare.import.rows.title')}
        </Typography.Text>
        <Segmented<RowFilter>
          size="small"
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setPage(1);
          }}
          options={filters.map((f) => ({
            value: f,
            label: `${t(`dataCare.import.rows.filter.${f}`)} ${counts[f]}`,
          }))}
        />
      </div>
      <div className="import-rows-scroll">
        <Table<ImportRowResult>
          rowKey="rowNumber"
          size="small"
          columns={columns}
          dataSource={visible}
          rowClassName={(r) => (r.errors.length ? 'import-row-error' : '')}
          locale={{ emptyText: t('dataCare.import.rows.empty') }}
          pagination={{
            current: page,
            pageSize,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
            size: 'small',
          }}
        />
      </div>
    </section>
  );
}
