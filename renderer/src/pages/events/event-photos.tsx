import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Empty, Image } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventAttachment, EventDetail } from '../../../../electron/contract/event-plan';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { readFileAsBase64 } from '../data-care/read-file';
import { eventKeys } from './event-keys';

function Photo({ attachment }: { attachment: EventAttachment }) {
  const file = useQuery({
    queryKey: eventKeys.attachment(attachment.id),
    queryFn: () => api.call('events.attachment', { id: attachment.id }),
    staleTime: Infinity,
    enabled: attachment.mimeType.startsWith('image/'),
  });
  return (
    <figure className="ev-photo">
      {file.data ? (
        <Image
          src={`data:${file.data.mimeType};base64,${file.data.dataBase64}`}
          alt={attachment.caption ?? attachment.fileName}
          width={160}
          height={110}
          className="ev-photo-img"
        />
      ) : (
        <div className="ev-photo-img ev-photo-blank" />
      )}
      <figcaption>{attachment.caption ?? attachment.fileName}</figcaption>
    </figure>
  );
}

/** 活动照片: the day's pictures for the summary and the report, stored by main like complaint evidence. */
export function EventPhotos({ event, canAdd }: { event: EventDetail; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = async (files: File[]) => {
    setProblem(null);
    setUploading(true);
    for (const file of files) {
      try {
        const dataBase64 = await readFileAsBase64(file);
        await api.call('events.addAttachment', { eventId: event.id, fileName: file.name, dataBase64 });
        void message.success(t('events.summary.photoAdded', { name: file.name }));
      } catch (error) {
        setProblem(errorMessage(error));
      }
    }
    setUploading(false);
    await queryClient.invalidateQueries({ queryKey: eventKeys.event(event.id) });
  };
  return (
    <section className="ev-photos">
      {canAdd && (
        <>
          <Button icon={<UploadOutlined />} loading={uploading} onClick={() => inputRef.current?.click()}>
            {t('events.summary.addPhoto')}
          </Button>
          <input
            ref={inputRef}
            type="file"
            multiple
            hidden
            accept="image/jpeg,image/png,image/webp"
            data-testid="event-photo-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void upload(files);
            }}
          />
        </>
      )}
      {problem && <Alert type="error" showIcon title={problem} className="ev-inline-alert" />}
      {event.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.summary.noPhotos')} />
      ) : (
        <div className="ev-photo-grid">
          <Image.PreviewGroup>
            {event.attachments.map((a) => (
              <Photo key={a.id} attachment={a} />
            ))}
          </Image.PreviewGroup>
        </div>
      )}
    </section>
  );
}
