import type { AnyImportField, ImportFileInput } from '../../../../../electron/contract/imports';

/** A file staff chose, read into memory: the preview and the import send the same bytes. */
export interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

export type MappingChoice = AnyImportField | 'ignore';
export type ImportMapping = NonNullable<ImportFileInput['mapping']>;
