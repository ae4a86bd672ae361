import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview } from '../../../../../electron/contract/imports';
import { fieldOptions } from './field-options';
import type { MappingChoice } from './import-types';

type Column = ImportPreview['columns'][number];

interface ColumnMappingProps {
  kind: ImportKind;
  columns: Column[];
  disabled: boolean;
  onChange: (header: string, choice: MappingChoice) => void;
}

function currentChoice(c: Column): MappingChoice | undefined {
  if (c.field) return c.field;
  return c.source === 'ignored' || c.source === 'duplicate' ? 'ignore' : undefined;
}

/** Which field each spreadsheet column feeds; any column can be changed, unrecognised ones must be. */
export function ColumnMapping({ kind, columns, disabled, onChange }: ColumnMappingProps) {
  const { t } = useTranslation();
  const options = useMemo(() => fieldOptions(t, kind), [t, kind]);
  return (
    <section className="import-mapping" aria-labelledby="import-mapping-title">
      <div className="import-section-head">
        <Typography.Text strong id="import-mapping-title">
          {t('dataCare.import.mapping.title')}
        </Typography.Text>
        <Typography.Text type="secondary" className="import-section-hint">
          {t('dataCare.import.mapping.hint')}
        </Typography.Text>
      </div>
      <ul className="import-mapping-list">
        {columns.map((c) => (
          <li key={c.column} className={`import-mapping-item is-${c.source}`}>
            <span className="import-mapping-letter" aria-hidden="true">
              {c.column}
            </span>
            <div className="import-mapping-header">
              <span className="import-mapping-name" title={c.header}>
                {c.header}
              </span>
              {c.source !== 'dictionary' && (
                <span className="import-mapping-source">
                  {t(`dataCare.import.mapping.source.${c.source}`)}
                </span>
              )}
            </div>
            <Select<MappingChoice>
              size="small"
              className="import-mapping-select"
              aria-label={t('dataCare.import.mapping.columnLabel', { column: c.column, header: c.header })}
              value={currentChoice(c)}
              placeholder={t('dataCare.import.mapping.pick')}
              status={c.source === 'unknown' ? 'warning' : undefined}
              options={options}
              disabled={disabled}
              showSearch={{ optionFilterProp: 'label' }}
              popupMatchSelectWidth={false}
              onChange={(choice) => onChange(c.header, choice)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
