import { DownloadOutlined, EditOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  SubjectRequestDetail,
  SubjectRequestEvent,
} from '../../../../electron/contract/subject-requests';
import { openSubjectRequestStates } from '../../../../electron/contract/subject-requests';
import { api } from '../../api';
import { formatDateTime } from '../../format/date';
import { errorMessage } from '../../forms/apply-server-errors';
import { DateInput } from '../../forms/date-input';
import { downloadBase64 } from '../data-care/download-base64';
import { DeadlineCell } from './deadline-cell';
import { ErasureModal } from './erasure-modal';
import { RefuseModal } from './refuse-modal';
import { requestKey, subjectRequestsKey } from './requests-keys';
import { StateTag } from './state-tag';
import { useRequestStaff } from './use-request-staff';
import { WithdrawModal } from './withdraw-modal';

function EventLine({ e }: { e: SubjectRequestEvent }) {
  const { t } = useTranslation();
  const states =
    e.fromState && e.toState
      ? `${t(`subjectRequests.states.${e.fromState}`)} → ${t(`subjectRequests.states.${e.toState}`)}`
      : null;
  return (
    <div className="request-event">
      <div>
        <Typography.Text strong>{t(`subjectRequests.events.${e.action}`)}</Typography.Text>
        {states && <Typography.Text className="request-event-states">{states}</Typography.Text>}
      </div>
      {e.note && <div className="request-event-note">{e.note}</div>}
      <Typography.Text type="secondary" className="request-event-meta">
        {formatDateTime(e.at)} · {e.userName ?? t('common.none')}
      </Typography.Text>
    </div>
  );
}

/** Deadline and handler, the two things that change while a request is worked. */
function EditBar({ request }: { request: SubjectRequestDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const staff = useRequestStaff();
  const [editing, setEditing] = useState(false);
  const [deadline, setDeadline] = useState<string | null>(request.deadline);
  const [reason, setReason] = useState('');
  const update = useMutation({
    mutationFn: (patch: { deadline?: string; deadlineReason?: string; handlerUserId?: number | null }) =>
      api.call('subjectRequests.update', { id: request.id, version: request.version, ...patch }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: subjectRequestsKey });
      setEditing(false);
      void message.success(t('subjectRequests.detail.updated'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <div className="request-edit-bar">
      <Space wrap>
        <UserOutlined />
        <Select
          aria-label={t('subjectRequests.detail.handlerChange')}
          className="request-handler-select"
          allowClear
          placeholder={t('subjectRequests.unassigned')}
          value={request.handler?.id}
          options={staff}
          onChange={(v: number | undefined) => update.mutate({ handlerUserId: v ?? null })}
        />
        {!editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('subjectRequests.detail.editDeadline')}
          </Button>
        )}
      </Space>
      {editing && (
        <Space wrap className="request-deadline-edit">
          <DateInput
            value={deadline}
            onChange={setDeadline}
            allowClear={false}
            className="request-deadline-input"
          />
          <Input
            aria-label={t('subjectRequests.detail.deadlineReason')}
            placeholder={t('subjectRequests.detail.deadlineReasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="request-deadline-reason"
          />
          <Button
            type="primary"
            loading={update.isPending}
            disabled={!deadline}
            onClick={() => deadline && update.mutate({ deadline, deadlineReason: reason })}
          >
            {t('subjectRequests.detail.saveDeadline')}
          </Button>
          <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
        </Space>
      )}
    </div>
  );
}

function Actions({ request }: { request: SubjectRequestDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [refusing, setRefusing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: subjectRequestsKey });
  const move = useMutation({
    mutationFn: (to: 'in_progress' | 'done') =>
      api.call('subjectRequests.transition', { id: request.id, version: request.version, to }),
    onSuccess: invalidate,
    onError: (e) => void message.error(errorMessage(e)),
  });
  const pack = useMutation({
    mutationFn: () => api.call('subjectRequests.dataPackage', { id: request.id }),
    onSuccess: async (out) => {
      downloadBase64(out.fileName, out.contentBase64);
      const rows = out.sheets.reduce((n, s) => n + s.rows, 0);
      void message.success(t('subjectRequests.detail.packageDone', { sheets: out.sheets.length, rows }));
      await invalidate();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const hint =
    request.kind === 'access'
      ? t('subjectRequests.detail.packageHint')
      : request.kind === 'delete'
        ? t('subjectRequests.detail.anonymiseHint')
        : request.kind === 'correct'
          ? t('subjectRequests.detail.correctHint')
          : t('subjectRequests.detail.withdrawHint');
  return (
    <section className="request-actions" aria-label={t('subjectRequests.detail.actions')}>
      <Typography.Paragraph type="secondary" className="request-actions-hint">
        {hint}
      </Typography.Paragraph>
      <Space wrap>
        {request.kind === 'access' && (
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={pack.isPending}
            onClick={() => pack.mutate()}
          >
            {t('subjectRequests.detail.package')}
          </Button>
        )}
        {request.kind === 'delete' && (
          <Button type="primary" danger onClick={() => setErasing(true)}>
            {t('subjectRequests.detail.anonymise')}
          </Button>
        )}
        {request.kind === 'withdraw_consent' && (
          <Button type="primary" onClick={() => setWithdrawing(true)}>
            {t('subjectRequests.withdraw.open')}
          </Button>
        )}
        {request.kind === 'correct' && (
          <Link to={`/customers/${request.customerId}`}>
            <Button type="primary">{t('subjectRequests.detail.openCard')}</Button>
          </Link>
        )}
        {request.state === 'open' && (
          <Button
            loading={move.isPending && move.variables === 'in_progress'}
            onClick={() => move.mutate('in_progress')}
          >
            {t('subjectRequests.detail.start')}
          </Button>
        )}
        {request.kind !== 'delete' && (
          <Popconfirm
            title={t('subjectRequests.detail.doneConfirm')}
            okText={t('subjectRequests.detail.done')}
            cancelText={t('common.cancel')}
            onConfirm={() => move.mutate('done')}
          >
            <Button loading={move.isPending && move.variables === 'done'}>
              {t('subjectRequests.detail.done')}
            </Button>
          </Popconfirm>
        )}
        <Button danger type="text" onClick={() => setRefusing(true)}>
          {t('subjectRequests.detail.refuse')}
        </Button>
      </Space>
      {refusing && <RefuseModal request={request} onClose={() => setRefusing(false)} />}
      {erasing && <ErasureModal request={request} onClose={() => setErasing(false)} />}
      {withdrawing && <WithdrawModal request={request} onClose={() => setWithdrawing(false)} />}
    </section>
  );
}

/** One request: who asked what, by when, what was done; the actions its kind needs while it is open. */
export function RequestDetailDrawer({
  requestId,
  onClose,
}: {
  requestId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: requestKey(requestId ?? 0),
    queryFn: () => api.call('subjectRequests.get', { id: requestId! }),
    enabled: requestId !== null,
  });
  const r = query.data;
  const open = r ? openSubjectRequestStates.includes(r.state) : false;
  const none = t('common.none');
  return (
    <Drawer
      open={requestId !== null}
      onClose={onClose}
      size={720}
      title={
        r ? (
          <Space>
            {t('subjectRequests.detail.title', { id: r.id })}
            <StateTag state={r.state} />
          </Space>
        ) : (
          t('common.loading')
        )
      }
      className="request-drawer"
    >
      {query.isPending && <Skeleton active />}
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} />}
      {r && (
        <>
          {r.erasedAt && (
            <Alert
              type="info"
              showIcon
              className="request-erased"
              title={t('subjectRequests.detail.erasedAt', { at: formatDateTime(r.erasedAt) })}
            />
          )}
          <Descriptions column={2} size="small" bordered className="request-facts">
            <Descriptions.Item label={t('subjectRequests.detail.customer')} span={2}>
              <Space wrap>
                <Typography.Text strong>{r.customerName}</Typography.Text>
                <Typography.Text type="secondary">#{r.customerId}</Typography.Text>
                {r.customerPhoneMasked && (
                  <Typography.Text type="secondary">{r.customerPhoneMasked}</Typography.Text>
                )}
                {!r.customerErased && (
                  <Link to={`/customers/${r.customerId}`}>{t('subjectRequests.detail.openCard')}</Link>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.kind')}>
              {t(`subjectRequests.kinds.${r.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.channel')}>
              {t(`subjectRequests.channels.${r.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.identity')} span={2}>
              {t(`subjectRequests.identityChecks.${r.identityCheck}`)}
              {r.identityNote && <Typography.Text type="secondary">（{r.identityNote}）</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.receivedOn')}>
              {r.receivedOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.deadline')}>
              <DeadlineCell row={r} />
              {r.deadline !== r.defaultDeadline && (
                <Typography.Text type="secondary" className="deadline-default">
                  {t('subjectRequests.detail.deadlineDefault', { date: r.defaultDeadline })}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.handler')}>
              {r.handler?.name ?? t('subjectRequests.unassigned')}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.createdBy')}>
              {r.createdBy ?? none} · {formatDateTime(r.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subjectRequests.detail.notes')} span={2}>
              {r.notes ?? none}
            </Descriptions.Item>
            {r.refusalReason && (
              <Descriptions.Item label={t('subjectRequests.detail.refusalReason')} span={2}>
                {r.refusalReason}
              </Descriptions.Item>
            )}
            {r.closedAt && (
              <Descriptions.Item label={t('subjectRequests.detail.closedAt')} span={2}>
                {formatDateTime(r.closedAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {open ? (
            <>
              <EditBar key={r.version} request={r} />
              <Actions request={r} />
            </>
          ) : (
            <Typography.Paragraph type="secondary" className="request-closed-hint">
              {t('subjectRequests.detail.closedHint', { state: t(`subjectRequests.states.${r.state}`) })}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5} className="request-history-title">
            {t('subjectRequests.detail.history')}
          </Typography.Title>
          <Timeline items={r.events.map((e) => ({ key: e.id, content: <EventLine e={e} /> }))} />
        </>
      )}
    </Drawer>
  );
}
