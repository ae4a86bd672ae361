import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, InputNumber, Switch, Tag, Typography } from 'antd';
import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { HostInfo } from '../../../../electron/contract/host';
import { hostPort } from '../../../../electron/contract/host';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { FormField } from '../../forms/form-field';
import { hostInfoKey } from './host-keys';
import { useStoreDateTime } from './use-store-date-time';

const formSchema = z.object({ port: hostPort });
type Values = z.output<typeof formSchema>;

type ShownStatus = HostInfo['status'] | 'stopping';
const statusColor: Record<ShownStatus, string> = {
  off: 'default',
  starting: 'processing',
  stopping: 'processing',
  on: 'success',
  failed: 'error',
};

/**
 * A page served by the LAN listener (https) is a workstation or a browser on another PC: switching the host
 * off from there would cut the very connection the click came over, so the switch is offered on the host only.
 */
const servedOverLan = () => window.location.protocol === 'https:';

/** 本机作为门店主机: the LAN service on and off (host.start / host.stop), its port, and how it is doing. */
export function HostSwitch({ info }: { info: HostInfo }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const switchId = useId();
  const storeTime = useStoreDateTime();
  const { control, handleSubmit, reset, setError } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { port: info.port },
  });
  useEffect(() => reset({ port: info.port }), [info.port, reset]);

  // The answer carries the whole info panel (addresses, fingerprint…), so it shows at once without a reload.
  const settled = (next: HostInfo) => queryClient.setQueryData(hostInfoKey, next);
  const start = useMutation({
    mutationFn: (v: Values) => api.call('host.start', { port: v.port }),
    onSuccess: (next) => {
      settled(next);
      void message.success(t('host.started'));
    },
    onError: (error) => {
      applyServerErrors(error, setError, ['port']);
      // What the host said stays in the panel; the info is read again for the state it was left in.
      void queryClient.invalidateQueries({ queryKey: hostInfoKey });
    },
  });
  const stop = useMutation({
    mutationFn: () => api.call('host.stop', {}),
    onSuccess: (next) => {
      start.reset();
      settled(next);
      void message.success(t('host.stopped'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const shown: ShownStatus = start.isPending
    ? 'starting'
    : stop.isPending
      ? 'stopping'
      : start.isError
        ? 'failed'
        : info.status;
  const failure = start.isError ? errorMessage(start.error) : info.status === 'failed' ? info.error : null;
  const on = shown === 'on' || shown === 'starting';
  const busy = start.isPending || stop.isPending;
  const remote = servedOverLan();

  const toggle = (checked: boolean) => {
    if (checked) {
      void handleSubmit((v) => start.mutate(v))();
      return;
    }
    modal.confirm({
      title: t('host.stopTitle'),
      content: t('host.stopBody'),
      okText: t('host.stopOk'),
      cancelText: t('host.stopCancel'),
      okButtonProps: { danger: true },
      onOk: () => stop.mutate(),
    });
  };

  return (
    <div className="host-switch" data-testid="host-switch">
      <Form layout="vertical" component={false}>
        <div className="host-switch-row">
          <Form.Item
            label={t('host.switchLabel')}
            htmlFor={switchId}
            extra={remote ? t('host.switchOnHostOnly') : t('host.switchHint')}
          >
            <div className="host-switch-control">
              <Switch id={switchId} checked={on} loading={busy} disabled={remote || busy} onChange={toggle} />
              <Tag color={statusColor[shown]} className="host-status" data-testid="host-status">
                {t(`host.status.${shown}`)}
              </Tag>
            </div>
          </Form.Item>
          <FormField
            control={control}
            name="port"
            label={t('host.port')}
            required
            extra={on ? t('host.portLocked') : t('host.portHint')}
            render={(field, id) => (
              <InputNumber
                id={id}
                ref={field.ref}
                className="host-port"
                // No min/max: antd would quietly clamp 80 to 1024; the rule below says what is wrong instead.
                precision={0}
                controls={false}
                disabled={on || busy || remote}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
              />
            )}
          />
        </div>
      </Form>
      {info.process && (
        <Typography.Paragraph type="secondary" className="host-process">
          {t(info.process.separate ? 'host.processSeparate' : 'host.processShared', {
            pid: info.process.pid,
            since: storeTime(info.process.startedAt),
            restarts: info.process.restarts,
          })}
        </Typography.Paragraph>
      )}
      {failure && shown === 'failed' && (
        <Alert
          type="error"
          showIcon
          className="host-failure"
          title={t('host.failedTitle')}
          description={failure}
        />
      )}
    </div>
  );
}
