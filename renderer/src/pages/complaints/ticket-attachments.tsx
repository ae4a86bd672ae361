import { AudioOutlined, FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Empty, Modal, Spin, Tooltip } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketAttachment, TicketDetail } from '../../../../electron/contract/complaints';
import {
  attachmentMimeTypes,
  attachmentTypesLabel,
  maxAttachmentBytes,
} from '../../../../electron/contract/complaints';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatBytes } from '../../format/bytes';
import { downloadBase64 } from '../data-care/download-base64';
import { attachmentProblem, blobUrlOf, prepareAttachment } from './attachment-file';
import { complaintKeys } from './complaint-keys';
import { StoreTime } from './store-time';

function useAttachmentData(id: number, thumbnail: boolean, enabled = true) {
  return useQuery({
    queryKey: complaintKeys.attachment(id, thumbnail),
    queryFn: () => api.call('complaints.attachment', { id, thumbnail }),
    // Stored files never change (their hash is checked on every read).
    staleTime: Infinity,
    gcTime: thumbnail ? 10 * 60_000 : 60_000,
    enabled,
  });
}

/** An image's thumbnail, or the kind's icon for a PDF or a recording. */
export function AttachmentThumb({
  attachment,
  onOpen,
}: {
  attachment: TicketAttachment;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const thumb = useAttachmentData(attachment.id, true, attachment.hasThumbnail);
  const icon =
    attachment.kind === 'pdf' ? (
      <FilePdfOutlined />
    ) : attachment.kind === 'audio' ? (
      <AudioOutlined />
    ) : (
      <PaperClipOutlined />
    );
  return (
    <Tooltip
      title={`${attachment.fileName} · ${formatBytes(attachment.sizeBytes)}${attachment.uploadedBy ? ` · ${attachment.uploadedBy.name}` : ''}`}
    >
      <button
        type="button"
        className={`cp-thumb cp-thumb-${attachment.kind}`}
        onClick={onOpen}
        aria-label={t('complaints.attachments.open', { name: attachment.fileName })}
      >
        {attachment.hasThumbnail && thumb.data ? (
          <img
            src={`data:${thumb.data.mimeType};base64,${thumb.data.dataBase64}`}
            alt={attachment.fileName}
          />
        ) : attachment.hasThumbnail && thumb.isPending ? (
          <Spin size="small" />
        ) : (
          <span className="cp-thumb-icon">{icon}</span>
        )}
        <span className="cp-thumb-name">{attachment.fileName}</span>
      </button>
    </Tooltip>
  );
}

/** The full file: an image shown, a recording played, a PDF shown in the frame, each with a download. */
export function AttachmentPreview({
  attachment,
  onClose,
}: {
  attachment: TicketAttachment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const file = useAttachmentData(attachment.id, false);
  const url = useMemo(
    () => (file.data ? blobUrlOf(file.data.dataBase64, file.data.mimeType) : null),
    [file.data],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <Modal
      open
      title={attachment.fileName}
      width={attachment.kind === 'audio' ? 520 : 900}
      onCancel={onClose}
      footer={
        <Button
          disabled={!file.data}
          onClick={() =>
            file.data && downloadBase64(attachment.fileName, file.data.dataBase64, file.data.mimeType)
          }
        >
          {t('complaints.attachments.download')}
        </Button>
      }
    >
      {file.isError ? (
        <Alert type="error" showIcon title={errorMessage(file.error)} />
      ) : !url ? (
        <div className="cp-preview-loading">
          <Spin />
        </div>
      ) : attachment.kind === 'image' ? (
        <img className="cp-preview-image" src={url} alt={attachment.fileName} />
      ) : attachment.kind === 'audio' ? (
        <audio controls src={url} className="full-width" />
      ) : (
        <iframe className="cp-preview-pdf" src={url} title={attachment.fileName} />
      )}
      <div className="cp-preview-meta">
        {formatBytes(attachment.sizeBytes)} · {attachment.uploadedBy?.name ?? t('common.none')} ·{' '}
        <StoreTime iso={attachment.uploadedAt} /> · SHA-256{' '}
        <span className="cell-mono">{attachment.sha256.slice(0, 16)}…</span>
      </div>
    </Modal>
  );
}

/**
 * 证据: photos, PDFs and recordings on the ticket. Files are checked here first (size, kind) so a too-large file
 * is refused with its size at once; main checks again by the file's bytes and keeps hash and size.
 */
export function TicketAttachments({
  ticket,
  canAdd,
  onOpen,
}: {
  ticket: TicketDetail;
  canAdd: boolean;
  onOpen: (attachment: TicketAttachment) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const upload = async (files: File[]) => {
    setProblem(null);
    for (const file of files) {
      const bad = attachmentProblem(t, file);
      if (bad) {
        setProblem(bad);
        continue;
      }
      setUploading(true);
      try {
        const prepared = await prepareAttachment(file);
        await api.call('complaints.addAttachment', { ticketId: ticket.id, ...prepared });
        void message.success(t('complaints.attachments.added', { name: file.name }));
      } catch (error) {
        setProblem(errorMessage(error));
      } finally {
        setUploading(false);
      }
    }
    await queryClient.invalidateQueries({ queryKey: complaintKeys.ticket(ticket.id) });
  };

  return (
    <section className="cp-card" aria-labelledby="cp-attachments-title">
      <div className="cp-card-head">
        <h2 id="cp-attachments-title" className="cp-card-title">
          {t('complaints.attachments.title', { count: ticket.attachments.length })}
        </h2>
        {canAdd && (
          <>
            <Tooltip
              title={t('complaints.attachments.hint', {
                types: attachmentTypesLabel,
                max: formatBytes(maxAttachmentBytes),
              })}
            >
              <Button
                size="small"
                icon={<UploadOutlined />}
                loading={uploading}
                onClick={() => inputRef.current?.click()}
              >
                {t('complaints.attachments.add')}
              </Button>
            </Tooltip>
            <input
              ref={inputRef}
              type="file"
              multiple
              hidden
              accept={[...attachmentMimeTypes, '.amr'].join(',')}
              data-testid="attachment-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void upload(files);
              }}
            />
          </>
        )}
      </div>
      {problem && (
        <Alert
          type="error"
          showIcon
          className="cp-attach-error"
          data-testid="attachment-error"
          title={problem}
          closable={{ onClose: () => setProblem(null) }}
        />
      )}
      {ticket.attachments.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('complaints.attachments.none')}
          className="cp-card-empty"
        />
      ) : (
        <div className="cp-thumbs">
          {ticket.attachments.map((a) => (
            <AttachmentThumb key={a.id} attachment={a} onOpen={() => onOpen(a)} />
          ))}
        </div>
      )}
    </section>
  );
}
