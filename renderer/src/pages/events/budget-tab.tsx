import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Descriptions, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import { eventPlanContract } from '../../../../electron/contract/event-plan';
import { budgetCategories, filingStatuses } from '../../../../electron/contract/event-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatFen } from '../../format/money';
import { StoreTime } from '../complaints/store-time';
import { formatSignedFen } from './event-format';
import { eventKeys } from './event-keys';
import { FormModal } from './form-modal';

type Line = EventDetail['budget']['lines'][number];
const lineSchema = eventPlanContract['events.saveBudgetLine'].input.omit({ eventId: true, id: true });
const actualSchema = eventPlanContract['events.recordActual'].input.omit({ id: true });
const supportSchema = eventPlanContract['events.updateSupport'].input.omit({ eventId: true });

type Dialog = { kind: 'line'; line: Line | null } | { kind: 'actual'; line: Line } | { kind: 'support' };

export function varianceClass(fen: number | null): string {
  return fen === null || fen === 0 ? '' : fen > 0 ? 'ev-over' : 'ev-under';
}

/** The totals block: planned, actual, subsidy, net cost and what it came to per person, car and new lead. */
export function BudgetTotals({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const x = event.budget.totals;
  return (
    <Descriptions
      size="small"
      bordered
      column={4}
      className="ev-budget-totals"
      items={[
        { key: 'p', label: t('events.budget.planned'), children: formatFen(x.plannedFen) },
        { key: 'a', label: t('events.budget.actual'), children: formatFen(x.actualFen) },
        {
          key: 'v',
          label: t('events.budget.columns.variance'),
          children: <span className={varianceClass(x.varianceFen)}>{formatSignedFen(x.varianceFen)}</span>,
        },
        { key: 's', label: t('events.budget.subsidy'), children: formatFen(x.subsidyReceivedFen) },
        {
          key: 'n',
          label: t('events.budget.net'),
          children: (
            <span className="ev-net">
              {formatFen(x.netCostFen)}{' '}
              <span className="ev-cell-sub">{t(`events.budget.basis.${x.netCostBasis}`)}</span>
            </span>
          ),
        },
        {
          key: 'pp',
          label: t('events.budget.perPerson'),
          children: `${formatFen(x.costPerCheckedInPersonFen)} (${x.checkedInPeople})`,
        },
        {
          key: 'pc',
          label: t('events.budget.perCar'),
          children: `${formatFen(x.costPerCarFen)} (${x.checkedInCars})`,
        },
        {
          key: 'pl',
          label: t('events.budget.perLead'),
          children: `${formatFen(x.costPerNewLeadFen)} (${x.newLeads})`,
        },
      ]}
    />
  );
}

/**
 * 预算: lines by category, planned (fixed at approval) and actual (entered after it, each with who and when),
 * the totals, and the manufacturer's support (filing, subsidy requested / approved / received, gifts).
 */
export function BudgetTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { planFixed, actualsOpen, lines } = event.budget;
  const remove = async (id: number) => {
    try {
      await api.call('events.removeBudgetLine', { id });
    } catch (error) {
      void message.error(errorMessage(error));
    }
    await queryClient.invalidateQueries({ queryKey: eventKeys.event(event.id) });
  };

  return (
    <div className="ev-tab ev-budget">
      <div className="ev-tab-toolbar">
        <Typography.Title level={5} className="ev-section-title">
          {t('events.budget.lines')}
        </Typography.Title>
        {!planFixed && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'line', line: null })}>
            {t('events.budget.add')}
          </Button>
        )}
      </div>
      {planFixed && (
        <Alert type="info" showIcon className="ev-inline-alert" title={t('events.page.lockedHint')} />
      )}
      <Table<Line>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={lines}
        aria-label={t('events.budget.lines')}
        locale={{ emptyText: t('events.budget.empty') }}
        columns={[
          {
            title: t('events.budget.columns.category'),
            dataIndex: 'category',
            width: 120,
            render: (v: Line['category']) => t(`events.budgetCategories.${v}`),
          },
          {
            title: t('events.budget.columns.item'),
            dataIndex: 'description',
            render: (v: string | null) => v ?? '',
          },
          {
            title: t('events.budget.columns.planned'),
            dataIndex: 'plannedFen',
            align: 'right',
            width: 130,
            render: (v: number) => <span className="ev-money">{formatFen(v)}</span>,
          },
          {
            title: t('events.budget.columns.actual'),
            dataIndex: 'actualFen',
            align: 'right',
            width: 130,
            render: (v: number | null) => <span className="ev-money">{formatFen(v)}</span>,
          },
          {
            title: t('events.budget.columns.variance'),
            dataIndex: 'varianceFen',
            align: 'right',
            width: 120,
            render: (v: number | null) => (
              <span className={`ev-money ${varianceClass(v)}`}>{formatSignedFen(v)}</span>
            ),
          },
          {
            title: t('events.budget.columns.note'),
            key: 'note',
            ellipsis: true,
            render: (_, r) => [r.note, r.receiptNo].filter(Boolean).join(' · '),
          },
          {
            title: t('events.budget.columns.enteredBy'),
            key: 'by',
            width: 160,
            render: (_, r) =>
              r.actualBy ? (
                <span className="ev-cell-sub">
                  {r.actualBy.name} <StoreTime iso={r.actualAt} short />
                </span>
              ) : null,
          },
          {
            key: 'actions',
            width: 110,
            render: (_, r) => (
              <span className="ev-row-actions">
                {actualsOpen && (
                  <Button size="small" onClick={() => setDialog({ kind: 'actual', line: r })}>
                    {t('events.budget.recordActual')}
                  </Button>
                )}
                {!planFixed && (
                  <>
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t('events.budget.editLine')}
                      onClick={() => setDialog({ kind: 'line', line: r })}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('events.plan.remove')}
                      onClick={() => void remove(r.id)}
                    />
                  </>
                )}
              </span>
            ),
          },
        ]}
      />
      <Typography.Title level={5} className="ev-section-title">
        {t('events.budget.totals')}
      </Typography.Title>
      <BudgetTotals event={event} />
      <div className="ev-tab-toolbar">
        <Typography.Title level={5} className="ev-section-title">
          {t('events.budget.support')}
        </Typography.Title>
        {event.status !== 'cancelled' && (
          <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'support' })}>
            {t('events.budget.editSupport')}
          </Button>
        )}
      </div>
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          {
            key: 'f',
            label: t('events.budget.supportFields.filingStatus'),
            children: t(`events.filingStatuses.${event.filingStatus}`),
            span: 3,
          },
          {
            key: 'r',
            label: t('events.budget.supportFields.subsidyRequestedFen'),
            children: formatFen(event.subsidyRequestedFen),
          },
          {
            key: 'a',
            label: t('events.budget.supportFields.subsidyApprovedFen'),
            children: formatFen(event.subsidyApprovedFen),
          },
          {
            key: 'c',
            label: t('events.budget.supportFields.subsidyReceivedFen'),
            children: formatFen(event.subsidyReceivedFen),
          },
          {
            key: 'g',
            label: t('events.budget.supportFields.gifts'),
            children: event.manufacturerGifts ?? t('common.none'),
            span: 3,
          },
        ]}
      />
      {dialog?.kind === 'line' && (
        <FormModal
          onClose={() => setDialog(null)}
          spec={{
            title: dialog.line ? t('events.budget.editLine') : t('events.budget.add'),
            schema: lineSchema,
            defaults: {
              category: dialog.line?.category ?? (undefined as unknown as Line['category']),
              description: dialog.line?.description ?? '',
              plannedFen: dialog.line?.plannedFen ?? 0,
            },
            okText: t('common.save'),
            fields: () => [
              {
                name: 'category',
                label: t('events.budget.columns.category'),
                required: true,
                span: 12,
                widget: {
                  kind: 'select',
                  options: budgetCategories.map((c) => ({
                    value: c,
                    label: t(`events.budgetCategories.${c}`),
                  })),
                },
              },
              {
                name: 'plannedFen',
                label: t('events.budget.columns.planned'),
                span: 12,
                widget: { kind: 'money', max: 1_000_000 },
              },
              {
                name: 'description',
                label: t('events.budget.columns.item'),
                widget: { kind: 'text', maxLength: 200 },
              },
            ],
            run: (v) =>
              api.call('events.saveBudgetLine', { ...v, eventId: event.id, id: dialog.line?.id ?? null }),
            done: t('events.budget.saved'),
          }}
        />
      )}
      {dialog?.kind === 'actual' && (
        <FormModal
          onClose={() => setDialog(null)}
          spec={{
            title: t('events.budget.actualTitle', {
              item: dialog.line.description ?? t(`events.budgetCategories.${dialog.line.category}`),
            }),
            intro: t('events.budget.actualIntro', { planned: formatFen(dialog.line.plannedFen) }),
            schema: actualSchema,
            defaults: {
              actualFen: dialog.line.actualFen ?? dialog.line.plannedFen,
              note: dialog.line.note ?? '',
              receiptNo: dialog.line.receiptNo ?? '',
            },
            okText: t('common.save'),
            fields: () => [
              {
                name: 'actualFen',
                label: t('events.budget.columns.actual'),
                required: true,
                span: 12,
                widget: { kind: 'money', max: 1_000_000 },
              },
              {
                name: 'receiptNo',
                label: t('events.budget.receiptNo'),
                span: 12,
                widget: { kind: 'text', maxLength: 60, mono: true },
              },
              { name: 'note', label: t('events.budget.note'), widget: { kind: 'text', maxLength: 200 } },
            ],
            run: (v) => api.call('events.recordActual', { ...v, id: dialog.line.id }),
            done: t('events.budget.saved'),
          }}
        />
      )}
      {dialog?.kind === 'support' && (
        <FormModal
          onClose={() => setDialog(null)}
          spec={{
            title: t('events.budget.support'),
            width: 640,
            schema: supportSchema,
            defaults: {
              filingStatus: event.filingStatus,
              subsidyRequestedFen: event.subsidyRequestedFen,
              subsidyApprovedFen: event.subsidyApprovedFen,
              subsidyReceivedFen: event.subsidyReceivedFen,
              manufacturerGifts: event.manufacturerGifts ?? '',
            },
            okText: t('common.save'),
            fields: () => [
              {
                name: 'filingStatus',
                label: t('events.budget.supportFields.filingStatus'),
                widget: {
                  kind: 'select',
                  options: filingStatuses.map((f) => ({ value: f, label: t(`events.filingStatuses.${f}`) })),
                },
              },
              ...(['subsidyRequestedFen', 'subsidyApprovedFen', 'subsidyReceivedFen'] as const).map((k) => ({
                name: k,
                label: t(`events.budget.supportFields.${k}`),
                span: 8,
                widget: { kind: 'money' as const, max: 1_000_000 },
              })),
              {
                name: 'manufacturerGifts',
                label: t('events.budget.supportFields.gifts'),
                widget: { kind: 'textarea', rows: 2, maxLength: 500 },
              },
            ],
            run: (v) => api.call('events.updateSupport', { ...v, eventId: event.id }),
            done: t('events.budget.supportSaved'),
          }}
        />
      )}
    </div>
  );
}
