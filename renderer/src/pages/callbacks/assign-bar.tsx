import { ApartmentOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import type { Role } from '../../../../electron/contract/permissions';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { callbackKeys } from './callback-keys';
import { SpreadModal } from './spread-modal';
import type { QueueFilter } from './use-callback-queue';
import { useWorkers } from './use-workers';

interface AssignBarProps {
  /** Selected calls: customer id → its task ids in the current bucket. */
  selected: Map<number, number[]>;
  filter: QueueFilter;
  onDone: () => void;
}

/** The manager's tools over the team queue: give the ticked calls to one person, or deal them out evenly. */
export function AssignBar({ selected, filter, onDone }: AssignBarProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const workers = useWorkers(true);
  const [spreading, setSpreading] = useState(false);
  const taskIds = [...selected.values()].flat();

  const assign = useMutation({
    mutationFn: (input: ChannelInput<'callbacks.assign'>) => api.call('callbacks.assign', input),
    onSuccess: (result, input) => {
      void message.success(
        t(input.userId === null ? 'callbacks.assign.unassigned' : 'callbacks.assign.assigned', {
          count: result.assigned,
        }),
      );
      onDone();
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbackKeys.all }),
  });

  const workerOptions = (workers.data ?? []).map((w) => ({
    value: w.userId,
    label: `${w.displayName}（${t(`roles.${w.role as Role}`)}）`,
  }));

  return (
    <div className="cb-assign-bar">
      <Typography.Text className="cb-assign-count">
        {selected.size > 0 ? (
          t('callbacks.queue.selected', { customers: selected.size, tasks: taskIds.length })
        ) : (
          <span className="cb-assign-hint">{t('callbacks.assign.hint')}</span>
        )}
      </Typography.Text>
      <Space size={8} wrap>
        <Select<number>
          className="cb-assign-select"
          placeholder={t('callbacks.assign.assignTo')}
          aria-label={t('callbacks.assign.assignTo')}
          disabled={selected.size === 0 || assign.isPending}
          value={null}
          loading={workers.isPending}
          options={workerOptions}
          onChange={(userId) => assign.mutate({ taskIds, userId })}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Button
          icon={<UserDeleteOutlined />}
          disabled={selected.size === 0 || assign.isPending}
          onClick={() => assign.mutate({ taskIds, userId: null })}
        >
          {t('callbacks.assign.unassign')}
        </Button>
        <Button icon={<ApartmentOutlined />} onClick={() => setSpreading(true)}>
          {t('callbacks.assign.spread')}
        </Button>
        {selected.size > 0 && (
          <Button type="link" onClick={onDone}>
            {t('callbacks.queue.clearSelection')}
          </Button>
        )}
      </Space>
      <SpreadModal
        open={spreading}
        onClose={() => setSpreading(false)}
        selected={selected}
        filter={filter}
        workers={workers.data ?? []}
        onSpread={onDone}
      />
    </div>
  );
}
