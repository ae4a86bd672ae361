import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportHeaderGuess,
  ImportKind,
  ImportPhase,
  ImportPreview,
} from '../../../../../electron/contract/imports';
import { importHeaderGuess, maxImportFileBytes } from '../../../../../electron/contract/imports';
import { api, ApiCallError } from '../../../api';
import { errorMessage } from '../../../forms/apply-server-errors';
import { readFileAsBase64 } from '../read-file';
import { ApplyStep } from './apply-step';
import { FileStep } from './file-step';
import { HeaderGuessMapping } from './header-guess-mapping';
import type { ChosenFile, ImportMapping, MappingChoice } from './import-types';
import { PreviewStep } from './preview-step';

interface PreviewRequest {
  file: ChosenFile;
  mapping: ImportMapping;
}

const acceptedExtension = /\.(xlsx|xls|ods|csv)$/i;

function headerGuessOf(error: unknown): ImportHeaderGuess | null {
  if (!(error instanceof ApiCallError)) return null;
  const parsed = importHeaderGuess.safeParse(
    (error.details as { headerGuess?: unknown } | null)?.headerGuess,
  );
  return parsed.success ? parsed.data : null;
}

/** 选择文件 → 预览检查 → 导入. The same bytes and mapping go to the dry run and to the import. */
export function ImportWizard({ onShowHistory }: { onShowHistory: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  // Which kind of file the wizard reads: the same steps, dictionary and checks per kind, chosen first.
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [applyPhase, setApplyPhase] = useState<ImportPhase | null>(null);
  const [fileError, setFileError] = useState<{ fileName: string; message: string } | null>(null);
  // No header recognised: the file and the mapping so far stay, with main's guess at the header row.
  const [guess, setGuess] = useState<ImportHeaderGuess | null>(null);

  const previewing = useMutation({
    mutationFn: ({ file: f, mapping: m }: PreviewRequest) =>
      api.call('imports.preview', {
        kind,
        fileName: f.fileName,
        contentBase64: f.contentBase64,
        mapping: m,
      }),
    onSuccess: (result, request) => {
      setFile(request.file);
      setMapping(request.mapping);
      setPreview(result);
      setFileError(null);
      setGuess(null);
    },
    onError: (error, request) => {
      // A new file that cannot be read goes back to step 1 with the reason; a remap keeps the last good preview.
      if (request.file === file && preview) {
        void message.error(errorMessage(error));
        return;
      }
      setFileError({ fileName: request.file.fileName, message: errorMessage(error) });
      const headerGuess = headerGuessOf(error);
      setGuess(headerGuess);
      if (headerGuess) {
        setFile(request.file);
        setMapping(request.mapping);
      }
    },
  });

  const applying = useMutation({
    mutationFn: (request: PreviewRequest) =>
      api.call('imports.apply', {
        kind,
        fileName: request.file.fileName,
        contentBase64: request.file.contentBase64,
        mapping: request.mapping,
      }),
    onSuccess: ({ jobId: id }) => setJobId(id),
    onError: (error) => void message.error(`${t('dataCare.import.applyFailed')}：${errorMessage(error)}`),
  });

  const reset = () => {
    setFile(null);
    setMapping({});
    setPreview(null);
    setJobId(null);
    setApplyPhase(null);
    setFileError(null);
    setGuess(null);
  };

  const onFile = (chosen: File) => {
    reset();
    if (!acceptedExtension.test(chosen.name)) {
      setFileError({ fileName: chosen.name, message: t('dataCare.import.wrongType') });
      return;
    }
    if (chosen.size > maxImportFileBytes) {
      setFileError({ fileName: chosen.name, message: t('dataCare.import.tooLarge') });
      return;
    }
    setReading(true);
    readFileAsBase64(chosen)
      .then((contentBase64) =>
        previewing.mutate({ file: { fileName: chosen.name, contentBase64 }, mapping: {} }),
      )
      .catch(() => setFileError({ fileName: chosen.name, message: t('dataCare.import.readFailed') }))
      .finally(() => setReading(false));
  };

  const onMap = (header: string, choice: MappingChoice) => {
    if (file) previewing.mutate({ file, mapping: { ...mapping, [header]: choice } });
  };

  const step = jobId ? 2 : preview ? 1 : 0;
  let body;
  if (jobId) {
    body = (
      <ApplyStep
        jobId={jobId}
        onBackToPreview={() => {
          setJobId(null);
          setApplyPhase(null);
        }}
        onAnother={reset}
        onShowHistory={onShowHistory}
        onPhase={setApplyPhase}
      />
    );
  } else if (preview && file) {
    body = (
      <PreviewStep
        preview={preview}
        checking={previewing.isPending}
        applying={applying.isPending}
        onMap={onMap}
        onChooseAgain={reset}
        onApply={() => applying.mutate({ file, mapping })}
      />
    );
  } else {
    const busy = reading || previewing.isPending;
    body = (
      <>
        <FileStep
          kind={kind}
          onKind={(k) => {
            reset();
            setKind(k);
          }}
          busy={busy}
          error={fileError}
          onFile={onFile}
        />
        {guess && file && (
          <HeaderGuessMapping kind={kind} guess={guess} mapping={mapping} busy={busy} onMap={onMap} />
        )}
      </>
    );
  }

  return (
    <div className="import-wizard">
      <Steps
        size="small"
        // Past the last step once the import is done, so all three show as finished.
        current={applyPhase === 'done' ? 3 : step}
        status={applyPhase === 'failed' ? 'error' : undefined}
        className="import-steps"
        items={[
          { title: t('dataCare.import.steps.file') },
          { title: t('dataCare.import.steps.preview') },
          { title: t('dataCare.import.steps.apply') },
        ]}
      />
      {body}
    </div>
  );
}
