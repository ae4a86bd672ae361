import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../electron/contract/imports';

const shown = ['rows', 'create', 'update', 'skip', 'withErrors', 'withWarnings'] as const;

/** What the import would do, at a glance; the numbers come straight from main's dry run. */
export function PreviewCounts({ counts }: { counts: ImportPreview['counts'] }) {
  const { t } = useTranslation();
  return (
    <div className="import-counts" role="group" aria-label={t('dataCare.import.counts.label')}>
      {shown.map((key) => (
        <div
          key={key}
          className={`import-count is-${key}${counts[key] === 0 ? ' is-zero' : ''}`}
          data-count={key}
        >
          <span className="import-count-label">{t(`dataCare.import.counts.${key}`)}</span>
          <span className="import-count-value">{counts[key].toLocaleString('zh-CN')}</span>
        </div>
      ))}
    </div>
  );
}
