import { EditOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, App as AntApp, Button, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackRuleSettings } from '../../../../electron/contract/callbacks';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { callbackKeys } from '../callbacks/callback-keys';
import '../callbacks/callback-settings.css';
import { PriorityPill } from '../callbacks/queue-cells';
import { useCallbackRules } from '../callbacks/use-callback-rules';
import { CallbackRuleDrawer } from './callback-rule-drawer';

/** When a rule's call falls due, as staff say it: 保险到期前 30 天提醒 / 错过后 14 天内仍补建. */
function RuleTiming({ rule }: { rule: CallbackRuleSettings }) {
  const { t } = useTranslation();
  const anchor = t(`callbacks.settings.rules.anchor.${rule.code}`, {
    defaultValue: t('callbacks.settings.rules.anchor.other'),
  });
  const days = Math.abs(rule.offsetDays);
  const when =
    rule.offsetDays < 0
      ? t('callbacks.settings.rules.timingBefore', { anchor, days })
      : rule.offsetDays > 0
        ? t('callbacks.settings.rules.timingAfter', { anchor, days })
        : t('callbacks.settings.rules.timingOn', { anchor });
  return (
    <span className="cb-rule-timing">
      <span>{when}</span>
      <Typography.Text type="secondary">
        {t('callbacks.settings.rules.timingWindow', { days: rule.windowDays })}
      </Typography.Text>
    </span>
  );
}

/** The call-back rules as data the manager edits: when each call falls due, how urgent, what to say. */
export function CallbackRulesTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const rules = useCallbackRules();
  const [editing, setEditing] = useState<CallbackRuleSettings | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // Switching a rule on or off from the list saves the rule as listed, on the version listed.
  const toggle = useMutation({
    mutationFn: (r: CallbackRuleSettings) =>
      api.call('callbacks.updateRule', {
        code: r.code,
        version: r.version,
        fields: {
          name: r.name,
          enabled: !r.enabled,
          offsetDays: r.offsetDays,
          windowDays: r.windowDays,
          priority: r.priority,
          script: r.script,
          expiryDays: r.expiryDays,
          maxAttempts: r.maxAttempts,
          consentPurpose: r.consentPurpose,
          params: r.params,
        },
      }),
    onSuccess: (saved) => void message.success(t('callbacks.settings.rules.saved', { name: saved.name })),
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbackKeys.rules }),
  });

  const generate = useMutation({
    mutationFn: () => api.call('callbacks.generate', {}),
    onSuccess: (r) => void message.success(t('callbacks.settings.rules.generated', r)),
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbackKeys.all }),
  });

  const columns: TableColumnsType<CallbackRuleSettings> = [
    {
      key: 'name',
      title: t('callbacks.settings.rules.columns.name'),
      render: (_, r) => <span className={r.enabled ? 'cell-strong' : 'cb-rule-off'}>{r.name}</span>,
    },
    {
      key: 'enabled',
      title: t('callbacks.settings.rules.columns.enabled'),
      width: 70,
      render: (_, r) => (
        <Switch
          size="small"
          checked={r.enabled}
          loading={toggle.isPending && toggle.variables?.code === r.code}
          onChange={() => toggle.mutate(r)}
          aria-label={`${r.name}：${t(r.enabled ? 'callbacks.settings.rules.enabledOn' : 'callbacks.settings.rules.enabledOff')}`}
        />
      ),
    },
    {
      key: 'timing',
      title: t('callbacks.settings.rules.columns.timing'),
      width: 200,
      render: (_, r) => <RuleTiming rule={r} />,
    },
    {
      key: 'priority',
      title: t('callbacks.settings.rules.columns.priority'),
      width: 80,
      render: (_, r) => <PriorityPill value={r.priority} />,
    },
    {
      key: 'expiry',
      title: t('callbacks.settings.rules.columns.expiry'),
      width: 80,
      align: 'right',
      render: (_, r) => t('callbacks.settings.rules.expiryDays', { count: r.expiryDays }),
    },
    {
      key: 'maxAttempts',
      title: t('callbacks.settings.rules.columns.maxAttempts'),
      width: 86,
      align: 'right',
      render: (_, r) => t('callbacks.settings.rules.attempts', { count: r.maxAttempts }),
    },
    {
      key: 'consent',
      title: t('callbacks.settings.rules.columns.consent'),
      width: 100,
      render: (_, r) => t(`callbacks.consent.${r.consentPurpose}`),
    },
    {
      key: 'actions',
      title: t('callbacks.settings.rules.columns.actions'),
      width: 80,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => {
            setEditing(r);
            setDrawerOpen(true);
          }}
          aria-label={`${t('callbacks.settings.rules.edit')} ${r.name}`}
        >
          {t('callbacks.settings.rules.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="cb-settings-toolbar">
        <Typography.Text type="secondary">{t('callbacks.settings.rules.hint')}</Typography.Text>
        <Button icon={<ThunderboltOutlined />} loading={generate.isPending} onClick={() => generate.mutate()}>
          {t('callbacks.settings.rules.generate')}
        </Button>
      </div>
      {rules.isError && (
        <Alert type="error" showIcon title={errorMessage(rules.error)} className="tab-alert" />
      )}
      <Table<CallbackRuleSettings>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isPending}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => <div className="cb-rule-script">{r.script}</div>,
          rowExpandable: (r) => r.script !== '',
        }}
      />
      {editing && (
        <CallbackRuleDrawer
          key={editing.code}
          rule={editing}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          afterClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
