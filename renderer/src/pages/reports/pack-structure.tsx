import { useTranslation } from 'react-i18next';
import type { ReportPack, StructureRow, StructureTable } from '../../../../electron/contract/reports';
import { Fig } from './pack-diff';
import type { ReportColumn } from './report-table';
import { ReportTable } from './report-table';
import { numberText, percentText } from './report-text';

type TableKey = keyof ReportPack['structure'];

function StructureTableView({
  name,
  table,
  caption,
}: {
  name: TableKey;
  table: StructureTable;
  caption: string;
}) {
  const { t } = useTranslation();
  const col = (k: string) => t(`reports.structure.columns.${k}` as 'reports.structure.columns.group');
  const at = (r: StructureRow, f: string) =>
    r.key === 'total' && r === table.total
      ? `structure.${name}.total.${f}`
      : `structure.${name}.rows[${r.key}].${f}`;
  const fig = (
    k:
      | 'customers'
      | 'visits'
      | 'revenueWan'
      | 'avgTicketYuan'
      | 'perCustomerYuan'
      | 'customerShare'
      | 'revenueShare',
    title: string,
    format: (v: number | null) => string,
  ): ReportColumn<StructureRow> => ({
    key: k,
    title,
    num: true,
    cell: (r) => <Fig path={at(r, k)} value={r[k]} format={format} />,
  });
  return (
    <>
      <ReportTable
        caption={caption}
        columns={[
          { key: 'label', title: col('group'), cell: (r) => r.label },
          fig('customers', col('customers'), (v) => numberText(v)),
          fig('visits', col('visits'), (v) => numberText(v)),
          fig('revenueWan', col('revenueWan'), (v) => numberText(v, 2)),
          fig('avgTicketYuan', col('avgTicket'), (v) => numberText(v, 2)),
          fig('perCustomerYuan', col('perCustomer'), (v) => numberText(v, 2)),
          fig('customerShare', col('customerShare'), percentText),
          fig('revenueShare', col('revenueShare'), percentText),
        ]}
        rows={table.rows}
        total={table.rows.length > 0 ? table.total : undefined}
        rowKey={(r) => r.key}
        empty={t('reports.noData')}
      />
      {table.sentence && (
        <p className="rp-sentence">
          <Fig path={`structure.${name}.sentence`} value={table.sentence} format={(v) => v ?? ''} />
        </p>
      )}
      <p className="rp-definition">{table.definition}</p>
    </>
  );
}

/** 5. Base-customer structure over the 12 months ending with the month (seed 004's layout). */
export function PackStructure({ pack }: { pack: ReportPack }) {
  const { t } = useTranslation();
  return (
    <section className="rp-section">
      <h2>{t('reports.structure.title')}</h2>
      <p className="rp-window">{t('reports.structure.window', pack.window12)}</p>
      {(['byVisits', 'bySeries', 'byWarranty'] as const).map((k) => (
        <StructureTableView
          key={k}
          name={k}
          table={pack.structure[k]}
          caption={t(`reports.structure.${k}`)}
        />
      ))}
    </section>
  );
}
