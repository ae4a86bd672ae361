import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App as AntApp,
  Button,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../../../electron/contract';
import type { CallbackOutcome } from '../../../../electron/contract/callbacks';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { callbackKeys } from '../callbacks/callback-keys';
import '../callbacks/callback-settings.css';

type OutcomeRow = ChannelOutput<'callbacks.outcomeSettings'>[number];
type Unit = 'minutes' | 'hours' | 'days';
interface Draft {
  amount: number;
  unit: Unit;
  countsAttempt: boolean;
  closesTask: boolean;
}

const unitMinutes: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };
/** Main's upper bound: sixty days. */
const maxMinutes = 60 * 24 * 60;
// main refuses to let these recycle: calling back someone who said no, or a wrong number, is never right.
const mustClose: readonly CallbackOutcome[] = ['do_not_call', 'wrong_number', 'refused'];

/** Minutes shown in the largest unit that divides them: 1440 → 1 天, 240 → 4 小时, 90 → 90 分钟. */
function toDraft(r: OutcomeRow): Draft {
  const m = r.recycleMinutes;
  const unit: Unit = m > 0 && m % 1440 === 0 ? 'days' : m % 60 === 0 ? 'hours' : 'minutes';
  return { amount: m / unitMinutes[unit], unit, countsAttempt: r.countsAttempt, closesTask: r.closesTask };
}

const draftMinutes = (d: Draft) => Math.round(d.amount * unitMinutes[d.unit]);

/** What each call outcome does to the task: the retry delay, whether it counts as a try, whether it ends it. */
export function CallbackOutcomesTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: callbackKeys.outcomeSettings,
    queryFn: () => api.call('callbacks.outcomeSettings', {}),
  });
  const [drafts, setDrafts] = useState<Partial<Record<CallbackOutcome, Draft>>>({});

  const save = useMutation({
    mutationFn: (input: ChannelInput<'callbacks.updateOutcomeSetting'>) =>
      api.call('callbacks.updateOutcomeSetting', input),
    onSuccess: (saved) => {
      void message.success(
        t('callbacks.settings.outcomes.saved', { label: t(`callbacks.outcomes.${saved.outcome}`) }),
      );
      setDrafts(({ [saved.outcome]: _, ...rest }) => rest);
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbackKeys.outcomeSettings }),
  });

  const draftOf = (r: OutcomeRow) => drafts[r.outcome] ?? toDraft(r);
  const edit = (r: OutcomeRow, patch: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [r.outcome]: { ...draftOf(r), ...patch } }));
  const dirty = (r: OutcomeRow) => {
    const d = drafts[r.outcome];
    return (
      d !== undefined &&
      (draftMinutes(d) !== r.recycleMinutes ||
        d.countsAttempt !== r.countsAttempt ||
        d.closesTask !== r.closesTask)
    );
  };

  const columns: TableColumnsType<OutcomeRow> = [
    {
      key: 'outcome',
      title: t('callbacks.settings.outcomes.columns.outcome'),
      render: (_, r) => <span className="cell-strong">{t(`callbacks.outcomes.${r.outcome}`)}</span>,
    },
    {
      key: 'shortcut',
      title: t('callbacks.settings.outcomes.columns.shortcut'),
      width: 80,
      render: (_, r) => <kbd className="cb-kbd">{r.shortcut}</kbd>,
    },
    {
      key: 'recycle',
      title: t('callbacks.settings.outcomes.columns.recycle'),
      width: 240,
      render: (_, r) => {
        const d = draftOf(r);
        if (r.outcome === 'call_back_at') {
          return (
            <Typography.Text type="secondary">{t('callbacks.settings.outcomes.byAgreement')}</Typography.Text>
          );
        }
        if (d.closesTask) {
          return (
            <Typography.Text type="secondary">
              {t('callbacks.settings.outcomes.notApplicable')}
            </Typography.Text>
          );
        }
        return (
          <Space.Compact>
            <InputNumber
              aria-label={`${t(`callbacks.outcomes.${r.outcome}`)} ${t('callbacks.settings.outcomes.columns.recycle')}`}
              min={0}
              max={maxMinutes / unitMinutes[d.unit]}
              precision={0}
              value={d.amount}
              onChange={(v) => edit(r, { amount: v ?? 0 })}
              className="cb-recycle-amount"
              size="small"
            />
            <Select<Unit>
              aria-label={t('callbacks.settings.outcomes.columns.recycle')}
              value={d.unit}
              onChange={(unit) => edit(r, { unit })}
              options={(['minutes', 'hours', 'days'] as const).map((u) => ({
                value: u,
                label: t(`callbacks.settings.outcomes.units.${u}`),
              }))}
              className="cb-recycle-unit"
              size="small"
            />
          </Space.Compact>
        );
      },
    },
    {
      key: 'countsAttempt',
      title: t('callbacks.settings.outcomes.columns.countsAttempt'),
      width: 120,
      render: (_, r) => (
        <Switch
          size="small"
          checked={draftOf(r).countsAttempt}
          onChange={(on) => edit(r, { countsAttempt: on })}
          aria-label={`${t(`callbacks.outcomes.${r.outcome}`)} ${t('callbacks.settings.outcomes.columns.countsAttempt')}`}
        />
      ),
    },
    {
      key: 'closesTask',
      title: t('callbacks.settings.outcomes.columns.closesTask'),
      width: 100,
      render: (_, r) => {
        const locked = mustClose.includes(r.outcome);
        const toggle = (
          <Switch
            size="small"
            checked={draftOf(r).closesTask}
            disabled={locked}
            onChange={(on) => edit(r, { closesTask: on })}
            aria-label={`${t(`callbacks.outcomes.${r.outcome}`)} ${t('callbacks.settings.outcomes.columns.closesTask')}`}
          />
        );
        return locked ? (
          <Tooltip title={t('callbacks.settings.outcomes.mustClose')}>{toggle}</Tooltip>
        ) : (
          toggle
        );
      },
    },
    {
      key: 'actions',
      title: t('callbacks.settings.outcomes.columns.actions'),
      width: 96,
      render: (_, r) => (
        <Button
          size="small"
          type={dirty(r) ? 'primary' : 'default'}
          icon={<SaveOutlined />}
          disabled={!dirty(r)}
          loading={save.isPending && save.variables?.outcome === r.outcome}
          aria-label={`${t('common.save')} ${t(`callbacks.outcomes.${r.outcome}`)}`}
          onClick={() => {
            const d = draftOf(r);
            save.mutate({
              outcome: r.outcome,
              recycleMinutes: Math.min(maxMinutes, draftMinutes(d)),
              countsAttempt: d.countsAttempt,
              closesTask: d.closesTask,
            });
          }}
        >
          {t('common.save')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="cb-settings-toolbar">
        <Typography.Text type="secondary">{t('callbacks.settings.outcomes.hint')}</Typography.Text>
      </div>
      {settings.isError && (
        <Alert type="error" showIcon title={errorMessage(settings.error)} className="tab-alert" />
      )}
      <Table<OutcomeRow>
        rowKey="outcome"
        size="middle"
        columns={columns}
        dataSource={settings.data ?? []}
        loading={settings.isPending}
        pagination={false}
        rowClassName={(r) => (dirty(r) ? 'cb-row-dirty' : '')}
      />
    </>
  );
}
