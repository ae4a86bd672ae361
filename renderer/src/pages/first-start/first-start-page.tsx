import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, List, Spin, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { normalizePairingCode } from '../../../../electron/common/pairing-code';
import type { WorkstationBridge } from '../../../../electron/workstation/workstation-bridge';
import { defaultHostPort } from '../../../../electron/workstation/workstation-bridge';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import './first-start.css';

declare global {
  interface Window {
    dealerWorkstation?: WorkstationBridge;
  }
}

interface Values {
  address: string;
  port: string;
  code: string;
  name: string;
}

/**
 * The desktop's first start: this PC holds the data, or it connects to the store host as a workstation. Pairing
 * happens in main (the certificate is checked against the code before anything is sent); on success the app
 * starts again connected.
 */
export function FirstStartPage({ bridge }: { bridge: WorkstationBridge }) {
  const { t } = useTranslation();
  const hosts = useQuery({ queryKey: ['workstation', 'discover'], queryFn: () => bridge.discover() });
  const schema = z.object({
    address: z.string().trim().min(1, t('firstStart.required')),
    port: z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, t('firstStart.badPort'))
      .refine((p) => Number(p) >= 1 && Number(p) <= 65535, t('firstStart.badPort')),
    code: z
      .string()
      .transform(normalizePairingCode)
      .refine((c) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(c), t('firstStart.badCode')),
    name: z.string().trim().min(1, t('firstStart.required')).max(30),
  });
  const { control, handleSubmit, setValue } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { address: '', port: String(defaultHostPort), code: '', name: '' },
  });
  const pair = useMutation({
    mutationFn: (v: z.output<typeof schema>) =>
      bridge.pair({ address: v.address, port: Number(v.port), code: v.code, name: v.name }),
  });
  const useLocal = useMutation({ mutationFn: () => bridge.useLocal() });
  const fields: FieldDescriptor<Values>[] = [
    {
      name: 'address',
      label: t('firstStart.address'),
      widget: { kind: 'text' },
      span: 16,
      required: true,
      extra: t('firstStart.addressHint'),
    },
    {
      name: 'port',
      label: t('firstStart.port'),
      widget: { kind: 'text', mono: true },
      span: 8,
      required: true,
    },
    {
      name: 'code',
      label: t('firstStart.code'),
      widget: { kind: 'text', mono: true, maxLength: 12 },
      required: true,
      extra: t('firstStart.codeHint'),
    },
    {
      name: 'name',
      label: t('firstStart.name'),
      widget: { kind: 'text', maxLength: 30 },
      required: true,
      extra: t('firstStart.nameHint'),
    },
  ];
  const failed = pair.data && !pair.data.ok ? pair.data.message : null;

  return (
    <div className="first-start">
      <Typography.Title level={3}>{t('firstStart.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('firstStart.subtitle')}</Typography.Paragraph>
      <div className="first-start-choices">
        <Card title={t('firstStart.localTitle')} className="first-start-card">
          <Typography.Paragraph>{t('firstStart.localBody')}</Typography.Paragraph>
          <Button type="primary" loading={useLocal.isPending} onClick={() => useLocal.mutate()}>
            {t('firstStart.useLocal')}
          </Button>
        </Card>
        <Card title={t('firstStart.remoteTitle')} className="first-start-card first-start-remote">
          <Typography.Paragraph>{t('firstStart.remoteBody')}</Typography.Paragraph>
          <Typography.Text strong>{t('firstStart.found')}</Typography.Text>
          {hosts.isFetching ? (
            <div className="first-start-searching">
              <Spin size="small" /> {t('firstStart.searching')}
            </div>
          ) : (
            <List
              size="small"
              className="first-start-hosts"
              locale={{ emptyText: t('firstStart.noneFound') }}
              dataSource={hosts.data ?? []}
              renderItem={(h) => (
                <List.Item
                  actions={[
                    <Button
                      key="pick"
                      size="small"
                      onClick={() => {
                        setValue('address', h.addresses[0] ?? '');
                        setValue('port', String(h.port));
                      }}
                    >
                      {t('firstStart.pick')}
                    </Button>,
                  ]}
                >
                  {h.name} · {h.addresses[0]}:{h.port}
                </List.Item>
              )}
            />
          )}
          <Button type="link" size="small" onClick={() => void hosts.refetch()} disabled={hosts.isFetching}>
            {t('firstStart.searchAgain')}
          </Button>
          <form
            onSubmit={(e) => void handleSubmit((v) => pair.mutate(v))(e)}
            className="first-start-form"
            noValidate
          >
            <Form layout="vertical" component={false}>
              <DescriptorFields control={control} fields={fields} />
            </Form>
            {failed && <Alert type="error" showIcon title={failed} className="first-start-error" />}
            <Button type="primary" htmlType="submit" loading={pair.isPending}>
              {pair.isPending ? t('firstStart.connecting') : t('firstStart.connect')}
            </Button>
          </form>
        </Card>
      </div>
    </div>
  );
}
