import { useTranslation } from 'react-i18next';
import type { ImportHeaderGuess, ImportKind } from '../../../../../electron/contract/imports';
import { ColumnMapping } from './column-mapping';
import type { ImportMapping, MappingChoice } from './import-types';

interface HeaderGuessMappingProps {
  kind: ImportKind;
  guess: ImportHeaderGuess;
  mapping: ImportMapping;
  busy: boolean;
  onMap: (header: string, choice: MappingChoice) => void;
}

/**
 * No row was recognised as the header: the row main thinks is the header, for staff to map by hand. Every
 * choice re-runs the check; once two columns are known the preview opens.
 */
export function HeaderGuessMapping({ kind, guess, mapping, busy, onMap }: HeaderGuessMappingProps) {
  const { t } = useTranslation();
  const columns = guess.columns.map(({ column, header }) => {
    const choice = mapping[header];
    return {
      column,
      header,
      field: choice && choice !== 'ignore' ? choice : null,
      source:
        choice === 'ignore' ? ('ignored' as const) : choice ? ('mapping' as const) : ('unknown' as const),
    };
  });
  return (
    <div className="import-guess" data-testid="import-header-guess">
      <p className="import-guess-title">{t('dataCare.import.guess.title', { row: guess.rowNumber })}</p>
      <ColumnMapping kind={kind} columns={columns} disabled={busy} onChange={onMap} />
    </div>
  );
}
