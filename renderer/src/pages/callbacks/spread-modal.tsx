import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Checkbox, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import type { Role } from '../../../../electron/contract/permissions';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { callbackKeys } from './callback-keys';
import type { QueueFilter } from './use-callback-queue';
import type { Worker } from './use-workers';

interface SpreadModalProps {
  open: boolean;
  onClose: () => void;
  selected: Map<number, number[]>;
  filter: QueueFilter;
  workers: Worker[];
  onSpread: () => void;
}

type Scope = 'selected' | 'filter';

/** Deals calls out round-robin by urgency: the ticked ones, or every unassigned one the filters match. */
export function SpreadModal(props: SpreadModalProps) {
  const { open, onClose, selected, filter, workers } = props;
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const hasSelection = selected.size > 0;
  const [scope, setScope] = useState<Scope>('filter');
  const [people, setPeople] = useState<number[] | null>(null);
  // Operators by default: managers usually deal work out rather than take it.
  const chosen = people ?? workers.filter((w) => w.role === 'callback_operator').map((w) => w.userId);
  const effectiveScope: Scope = hasSelection ? scope : 'filter';
  const taskIds = [...selected.values()].flat();
  const nameOf = new Map(workers.map((w) => [w.userId, w.displayName]));

  const spread = useMutation({
    mutationFn: (input: ChannelInput<'callbacks.spread'>) => api.call('callbacks.spread', input),
    onSuccess: (result) => {
      onClose();
      props.onSpread();
      modal.success({
        title: t('callbacks.assign.spreadDone', { count: result.assigned }),
        content: (
          <ul className="cb-spread-result">
            {result.perUser.map((u) => (
              <li key={u.userId}>
                {t('callbacks.assign.spreadPerUser', {
                  name: nameOf.get(u.userId) ?? u.userId,
                  customers: u.customers,
                  tasks: u.tasks,
                })}
              </li>
            ))}
          </ul>
        ),
      });
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbackKeys.all }),
  });

  const submit = () => {
    if (chosen.length === 0) {
      void message.warning(t('callbacks.assign.noPeople'));
      return;
    }
    spread.mutate(
      effectiveScope === 'selected'
        ? { taskIds, userIds: chosen }
        : {
            userIds: chosen,
            filter: {
              bucket: filter.bucket,
              ...(filter.ruleCodes.length ? { ruleCodes: filter.ruleCodes } : {}),
              ...(filter.priorities.length ? { priorities: filter.priorities } : {}),
              onlyUnassigned: true,
            },
          },
    );
  };

  return (
    <Modal
      open={open}
      title={t('callbacks.assign.spreadTitle')}
      okText={t('callbacks.assign.spreadOk')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={spread.isPending}
      afterOpenChange={(visible) => {
        if (visible) setScope(hasSelection ? 'selected' : 'filter');
        else setPeople(null);
      }}
      width={520}
    >
      <Form layout="vertical" component={false}>
        <Form.Item label={t('callbacks.assign.spreadScope')}>
          <Radio.Group
            value={effectiveScope}
            onChange={(e) => setScope(e.target.value as Scope)}
            className="cb-spread-scope"
            options={[
              {
                value: 'selected',
                disabled: !hasSelection,
                label: t('callbacks.assign.spreadSelected', {
                  customers: selected.size,
                  tasks: taskIds.length,
                }),
              },
              {
                value: 'filter',
                label: t('callbacks.assign.spreadFilter', {
                  bucket: t(`callbacks.buckets.${filter.bucket}`),
                }),
              },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('callbacks.assign.spreadPeople')} extra={t('callbacks.assign.spreadPeopleHint')}>
          <Checkbox.Group
            value={chosen}
            onChange={(v) => setPeople(v)}
            className="cb-spread-people"
            options={workers.map((w) => ({
              value: w.userId,
              label: (
                <span>
                  {w.displayName}{' '}
                  <Typography.Text type="secondary">{t(`roles.${w.role as Role}`)}</Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
