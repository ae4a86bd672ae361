import { CheckCircleFilled, SearchOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputRef } from 'antd';
import { Alert, App as AntApp, Button, Empty, Input, InputNumber } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatPlate } from '../../../../electron/common/plate';
import type { CheckinRow } from '../../../../electron/contract/event-day';
import { checkinMatchLabels } from '../../../../electron/contract/event-day';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import type { PickedCustomer } from '../../search/customer-picker';
import { StoreTime } from '../complaints/store-time';
import { customerWidget } from './customer-widget';
import { eventKeys } from './event-keys';
import { InviteeStatusTag } from './event-tags';
import { FormModal } from './form-modal';
import { integerWidget } from './integer-widget';

const walkInSchema = z.object({
  lead: z.boolean(),
  customerId: z.number().int().positive().nullish(),
  name: z.string().trim().max(50).optional(),
  mobile: z.string().trim().max(20).optional(),
  referredById: z.number().int().positive().nullish(),
  cars: z.number().int().min(0).max(20),
  people: z.number().int().min(1).max(50),
});
type WalkInValues = z.input<typeof walkInSchema>;

/**
 * 签到 for the laptop at the venue: one box (plate, phone tail, name or sign-up number), big rows, one tap to
 * mark arrived with the cars and people who came; walk-ins on the spot. The counts at the top follow every
 * tap (main's answer) and everyone else's (the events live topic).
 */
export function CheckinTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const searchRef = useRef<InputRef>(null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [walkIn, setWalkIn] = useState(false);
  const lookup = useQuery({
    queryKey: eventKeys.checkin(event.id, q),
    queryFn: () => api.call('events.checkinLookup', { eventId: event.id, q }),
    enabled: q.length > 0,
  });
  useEffect(() => searchRef.current?.focus(), []);
  const arrived = event.counts.checkedIn;
  const expected = event.counts.accepted;
  const after = async (notices: string[], done: string) => {
    void message.success(done);
    notices.forEach((n) => void message.warning(n));
    await queryClient.invalidateQueries({ queryKey: eventKeys.all });
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  const checkIn = async (r: CheckinRow, cars: number, people: number) => {
    try {
      const res = await api.call('events.checkIn', { inviteeId: r.inviteeId, cars, people });
      await after(res.notices, t('events.checkin.done', { name: r.customer.name }));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const undo = async (r: CheckinRow) => {
    try {
      const res = await api.call('events.undoCheckIn', { inviteeId: r.inviteeId });
      await after(res.notices, t('events.checkin.undone'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <div className="ev-tab ev-checkin">
      <div className="ev-checkin-counts" aria-live="polite">
        <div className="ev-checkin-count is-arrived">
          <span className="ev-checkin-big">
            {arrived.cars} <small>{t('events.checkin.cars')}</small> / {arrived.people}{' '}
            <small>{t('events.checkin.people')}</small>
          </span>
          <span>{t('events.checkin.arrivedLabel')}</span>
        </div>
        <div className="ev-checkin-count">
          <span className="ev-checkin-big">
            {expected.cars} <small>{t('events.checkin.cars')}</small> / {expected.people}{' '}
            <small>{t('events.checkin.people')}</small>
          </span>
          <span>{t('events.checkin.expectedLabel')}</span>
        </div>
      </div>
      <div className="ev-checkin-search">
        <Input
          ref={searchRef}
          size="large"
          prefix={<SearchOutlined />}
          aria-label={t('events.checkin.search')}
          placeholder={t('events.checkin.search')}
          value={typed}
          allowClear
          onChange={(e) => {
            setTyped(e.target.value);
            if (!e.target.value.trim()) setQ('');
          }}
          onPressEnter={() => setQ(typed.trim())}
        />
        <Button size="large" type="primary" onClick={() => setQ(typed.trim())}>
          {t('events.checkin.find')}
        </Button>
        <Button size="large" icon={<UserAddOutlined />} onClick={() => setWalkIn(true)}>
          {t('events.checkin.walkIn')}
        </Button>
      </div>
      <div className="ev-checkin-hint">{t('events.checkin.hint')}</div>
      {lookup.isError && <Alert type="error" showIcon title={errorMessage(lookup.error)} />}
      {q && lookup.data && lookup.data.rows.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.checkin.noMatch', { q })} />
      )}
      <div className="ev-checkin-rows">
        {(lookup.data?.rows ?? []).map((r) => (
          <CheckinResultRow key={r.inviteeId} row={r} onCheckIn={checkIn} onUndo={undo} />
        ))}
      </div>
      {walkIn && <WalkInModal eventId={event.id} onClose={() => setWalkIn(false)} />}
    </div>
  );
}

function CheckinResultRow({
  row: r,
  onCheckIn,
  onUndo,
}: {
  row: CheckinRow;
  onCheckIn: (r: CheckinRow, cars: number, people: number) => Promise<void>;
  onUndo: (r: CheckinRow) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [cars, setCars] = useState(r.cars || 1);
  const [people, setPeople] = useState(Math.max(1, r.adults + r.children));
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    await f();
    setBusy(false);
  };
  return (
    <div className={`ev-checkin-row${r.checkedIn ? ' is-in' : ''}`} data-invitee-id={r.inviteeId}>
      <div className="ev-checkin-no">{r.signupNo !== null ? String(r.signupNo).padStart(3, '0') : '—'}</div>
      <div className="ev-checkin-who">
        <div className="ev-checkin-name">
          {r.customer.name} <InviteeStatusTag status={r.status} />
          <span className="ev-checkin-match">{checkinMatchLabels[r.match]}</span>
        </div>
        <div className="ev-checkin-detail">
          <span className="cell-mono">{r.customer.mobile ?? '—'}</span>
          {r.plates.map((p) => (
            <span key={p} className="ev-plate">
              {formatPlate(p)}
            </span>
          ))}
          <span>{t('events.invitees.seats', { cars: r.cars, adults: r.adults, children: r.children })}</span>
        </div>
      </div>
      {r.checkedIn ? (
        <div className="ev-checkin-act">
          <span className="ev-checkin-done">
            <CheckCircleFilled /> {t('events.checkin.checkedAt', { time: '' })}
            <StoreTime iso={r.checkedInAt} short /> · {r.checkedInCars} {t('events.checkin.cars')} /{' '}
            {r.checkedInPeople} {t('events.checkin.people')}
          </span>
          <Button icon={<UndoOutlined />} loading={busy} onClick={() => void run(() => onUndo(r))}>
            {t('events.checkin.undo')}
          </Button>
        </div>
      ) : (
        <div className="ev-checkin-act">
          <label className="ev-checkin-num">
            <InputNumber<number>
              size="large"
              min={0}
              max={20}
              precision={0}
              value={cars}
              onChange={(v) => setCars(v ?? 0)}
              aria-label={`${r.customer.name} ${t('events.checkin.cars')}`}
            />
            <span>{t('events.checkin.cars')}</span>
          </label>
          <label className="ev-checkin-num">
            <InputNumber<number>
              size="large"
              min={1}
              max={50}
              precision={0}
              value={people}
              onChange={(v) => setPeople(v ?? 1)}
              aria-label={`${r.customer.name} ${t('events.checkin.people')}`}
            />
            <span>{t('events.checkin.people')}</span>
          </label>
          <Button
            size="large"
            type="primary"
            loading={busy}
            onClick={() => void run(() => onCheckIn(r, cars, people))}
          >
            {t('events.checkin.checkIn')}
          </Button>
        </div>
      )}
    </div>
  );
}

function WalkInModal({ eventId, onClose }: { eventId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const [referrer, setReferrer] = useState<PickedCustomer | null>(null);
  return (
    <FormModal
      onClose={onClose}
      spec={{
        title: t('events.checkin.walkInTitle'),
        schema: walkInSchema,
        defaults: {
          lead: false,
          customerId: null,
          name: '',
          mobile: '',
          referredById: null,
          cars: 1,
          people: 1,
        },
        okText: t('events.checkin.checkIn'),
        fields: (v) =>
          [
            {
              name: 'lead',
              label: t('events.checkin.walkInWho'),
              widget: {
                kind: 'yesNo',
                yes: t('events.checkin.walkInLead'),
                no: t('events.checkin.walkInCustomer'),
              },
            },
            ...(v.lead
              ? [
                  {
                    name: 'name',
                    label: t('events.invitees.form.name'),
                    required: true,
                    span: 12,
                    widget: { kind: 'text', maxLength: 50 },
                  },
                  {
                    name: 'mobile',
                    label: t('events.invitees.form.mobile'),
                    required: true,
                    span: 12,
                    widget: { kind: 'text', maxLength: 20, mono: true },
                  },
                  {
                    name: 'referredById',
                    label: t('events.invitees.form.referrer'),
                    widget: customerWidget(referrer, setReferrer),
                  },
                ]
              : [
                  {
                    name: 'customerId',
                    label: t('events.invitees.form.customer'),
                    required: true,
                    widget: customerWidget(picked, setPicked),
                  },
                ]),
            { name: 'cars', label: t('events.invitees.form.cars'), span: 12, widget: integerWidget(0, 20) },
            {
              name: 'people',
              label: t('events.checkin.peopleCount'),
              span: 12,
              widget: integerWidget(1, 50),
            },
          ] as FieldDescriptor<WalkInValues>[],
        run: (v) =>
          api.call('events.walkIn', {
            eventId,
            cars: v.cars,
            people: v.people,
            ...(v.lead
              ? {
                  newLead: {
                    name: v.name ?? '',
                    mobile: v.mobile ?? '',
                    referredById: v.referredById ?? null,
                  },
                }
              : { customerId: v.customerId ?? null }),
          }),
        done: t('events.checkin.walkInDone'),
      }}
    />
  );
}
