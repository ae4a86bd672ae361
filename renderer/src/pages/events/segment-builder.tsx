import { EyeOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentFilters } from '../../../../electron/contract/event-segments';
import type { TargetPreview } from '../../../../electron/contract/event-invitations';
import { baseGrades, stages } from '../../../../electron/contract/customers';
import { loyaltyTierLabels, loyaltyTiers } from '../../../../electron/contract/loyalty-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { fromIsoDate, toIsoDate } from '../../format/date';
import { useFacets } from '../customers/use-facets';
import { eventKeys } from './event-keys';

const countFormat = new Intl.NumberFormat('zh-CN');

/** Drops a key instead of storing undefined, so the filters stay minimal (and equal when unchanged). */
function withValue<K extends keyof SegmentFilters>(
  f: SegmentFilters,
  key: K,
  value: SegmentFilters[K] | null | undefined,
) {
  const next = { ...f };
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    delete next[key];
  else next[key] = value;
  return next;
}

/**
 * 目标客群: the customer list's filters plus model, delivery dates and loyalty. Nothing is added to the list
 * before the preview has shown its size and every exclusion with its count and reason.
 */
export function SegmentBuilder({ eventId, onBuilt }: { eventId: number; onBuilt: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const facets = useFacets();
  const [filters, setFilters] = useState<SegmentFilters>({});
  const [segmentId, setSegmentId] = useState<number | undefined>();
  const [preview, setPreview] = useState<{ filters: SegmentFilters; result: TargetPreview } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'build' | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const segments = useQuery({ queryKey: eventKeys.segments, queryFn: () => api.call('events.segments', {}) });
  const stale = preview !== null && JSON.stringify(preview.filters) !== JSON.stringify(filters);
  const change = <K extends keyof SegmentFilters>(key: K, value: SegmentFilters[K] | null | undefined) => {
    setFilters((f) => withValue(f, key, value));
    setSegmentId(undefined);
  };
  const facetOptions = (values: { value: string; count: number }[] | undefined) =>
    (values ?? []).map((v) => ({ value: v.value, label: v.value, title: v.value }));

  const runPreview = async () => {
    setBusy('preview');
    try {
      const result = await api.call('events.previewTargets', { eventId, filters });
      setPreview({ filters, result });
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const build = async () => {
    setBusy('build');
    try {
      const result = await api.call('events.buildTargets', {
        eventId,
        filters,
        ...(segmentId ? { segmentId } : {}),
      });
      void message.success(t('events.segment.built', { count: result.added }));
      setPreview(null);
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      onBuilt();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const save = async (name: string) => {
    try {
      const saved = await api.call('events.saveSegment', { name, filters });
      setSegmentId(saved.id);
      setNaming(null);
      void message.success(t('events.segment.segmentSaved'));
      await queryClient.invalidateQueries({ queryKey: eventKeys.segments });
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const range = (from: 'lastVisitFrom' | 'deliveryFrom', to: 'lastVisitTo' | 'deliveryTo', label: string) => (
    <label className="ev-seg-field">
      <span>{label}</span>
      <DatePicker.RangePicker
        aria-label={label}
        value={[fromIsoDate(filters[from]), fromIsoDate(filters[to])]}
        allowEmpty={[true, true]}
        onChange={(v) => {
          setFilters((f) =>
            withValue(withValue(f, from, toIsoDate(v?.[0]) ?? undefined), to, toIsoDate(v?.[1]) ?? undefined),
          );
          setSegmentId(undefined);
        }}
      />
    </label>
  );
  const included = preview?.result.eligible ?? 0;

  return (
    <section className="ev-segment">
      <div className="ev-tab-toolbar">
        <Typography.Text type="secondary">{t('events.segment.intro')}</Typography.Text>
        <Select<number>
          aria-label={t('events.segment.saved')}
          placeholder={t('events.segment.saved')}
          value={segmentId}
          style={{ width: 220 }}
          loading={segments.isPending}
          notFoundContent={t('events.segment.noSaved')}
          options={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(id) => {
            const s = segments.data?.find((x) => x.id === id);
            if (s) {
              setFilters(s.filters);
              setSegmentId(s.id);
            }
          }}
        />
      </div>
      <div className="ev-seg-grid">
        <label className="ev-seg-field">
          <span>{t('events.segment.stages')}</span>
          <Select
            mode="multiple"
            aria-label={t('events.segment.stages')}
            allowClear
            maxTagCount="responsive"
            value={filters.stages ?? []}
            onChange={(v) => change('stages', v)}
            options={stages.map((s) => ({ value: s, label: t(`labels.stage.${s}`) }))}
          />
        </label>
        <label className="ev-seg-field">
          <span>{t('events.segment.baseGrades')}</span>
          <Select
            mode="multiple"
            aria-label={t('events.segment.baseGrades')}
            allowClear
            value={filters.baseGrades ?? []}
            onChange={(v) => change('baseGrades', v)}
            options={baseGrades.map((g) => ({ value: g, label: t(`labels.baseGrade.${g}`) }))}
          />
        </label>
        <label className="ev-seg-field">
          <span>{t('events.segment.tiers')}</span>
          <Select
            mode="multiple"
            aria-label={t('events.segment.tiers')}
            allowClear
            value={filters.tiers ?? []}
            onChange={(v) => change('tiers', v)}
            options={loyaltyTiers.map((tier) => ({ value: tier, label: loyaltyTierLabels[tier] }))}
          />
        </label>
        {(['series', 'district', 'tag'] as const).map((k) => (
          <label className="ev-seg-field" key={k}>
            <span>{t(`events.segment.${k}`)}</span>
            <Select<string>
              aria-label={t(`events.segment.${k}`)}
              allowClear
              showSearch={{ optionFilterProp: 'title' }}
              loading={facets.isPending}
              value={filters[k]}
              onChange={(v) => change(k, v)}
              options={facetOptions(
                facets.data?.[k === 'district' ? 'districts' : k === 'tag' ? 'tags' : 'series'],
              )}
            />
          </label>
        ))}
        <label className="ev-seg-field">
          <span>{t('events.segment.model')}</span>
          <Input
            aria-label={t('events.segment.model')}
            allowClear
            maxLength={50}
            value={filters.model ?? ''}
            onChange={(e) => change('model', e.target.value.trim() || undefined)}
          />
        </label>
        {range('lastVisitFrom', 'lastVisitTo', t('events.segment.lastVisit'))}
        {range('deliveryFrom', 'deliveryTo', t('events.segment.delivery'))}
        <label className="ev-seg-field">
          <span>{t('events.segment.loyalty')}</span>
          <span className="ev-seg-pair">
            <InputNumber<number>
              aria-label={`${t('events.segment.loyalty')} ${t('events.segment.loyaltyMin')}`}
              placeholder={t('events.segment.loyaltyMin')}
              min={0}
              max={10}
              precision={0}
              value={filters.loyaltyMin ?? null}
              onChange={(v) => change('loyaltyMin', v ?? undefined)}
            />
            –
            <InputNumber<number>
              aria-label={`${t('events.segment.loyalty')} ${t('events.segment.loyaltyMax')}`}
              placeholder={t('events.segment.loyaltyMax')}
              min={0}
              max={10}
              precision={0}
              value={filters.loyaltyMax ?? null}
              onChange={(v) => change('loyaltyMax', v ?? undefined)}
            />
          </span>
        </label>
      </div>
      <div className="ev-seg-actions">
        <Button icon={<SaveOutlined />} onClick={() => setNaming('')}>
          {t('events.segment.save')}
        </Button>
        <Button
          type="primary"
          ghost
          icon={<EyeOutlined />}
          loading={busy === 'preview'}
          onClick={() => void runPreview()}
        >
          {t('events.segment.preview')}
        </Button>
      </div>
      {preview && (
        <div className={`ev-preview${stale ? ' is-stale' : ''}`} aria-live="polite">
          {stale && (
            <Alert
              type="warning"
              showIcon
              title={t('events.segment.changedHint')}
              className="ev-inline-alert"
            />
          )}
          <div className="ev-preview-size">
            {t('events.segment.size', {
              total: countFormat.format(preview.result.matched),
              excluded: countFormat.format(preview.result.matched - preview.result.eligible),
              included: countFormat.format(included),
            })}
          </div>
          <div className="ev-preview-body">
            <div className="ev-preview-exclusions">
              <Typography.Text strong>{t('events.segment.exclusionsTitle')}</Typography.Text>
              {preview.result.exclusions.filter((e) => e.count > 0).length === 0 ? (
                <div className="cell-empty">{t('events.segment.noExclusions')}</div>
              ) : (
                <ul className="ev-exclusion-list">
                  {preview.result.exclusions
                    .filter((e) => e.count > 0)
                    .map((e) => (
                      <li key={e.reason} data-reason={e.reason}>
                        <span>
                          {e.reason === 'recently_invited'
                            ? t('events.segment.recentlyInvited', { days: preview.result.cooldownDays })
                            : t(`events.exclusions.${e.reason}`)}
                        </span>
                        <span className="ev-exclusion-count">
                          {t('events.segment.exclusionCount', { n: countFormat.format(e.count) })}
                        </span>
                      </li>
                    ))}
                </ul>
              )}
            </div>
            <div className="ev-preview-sample">
              <Typography.Text strong>{t('events.segment.sample')}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={preview.result.sample.slice(0, 8)}
                columns={[
                  { title: t('events.invitees.columns.name'), dataIndex: 'name' },
                  {
                    title: t('events.invitees.columns.mobile'),
                    dataIndex: 'mobile',
                    render: (v: string | null) => <span className="cell-mono">{v ?? '—'}</span>,
                  },
                  {
                    title: t('events.segment.stages'),
                    dataIndex: 'stage',
                    render: (v: (typeof stages)[number]) => t(`labels.stage.${v}`),
                  },
                  { title: t('events.segment.series'), dataIndex: 'series' },
                ]}
              />
            </div>
          </div>
          <div className="ev-seg-actions">
            <Button
              type="primary"
              icon={<TeamOutlined />}
              disabled={stale || included === 0}
              loading={busy === 'build'}
              onClick={() => void build()}
            >
              {t('events.segment.build', { n: countFormat.format(included) })}
            </Button>
          </div>
        </div>
      )}
      <Modal
        open={naming !== null}
        title={t('events.segment.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !naming?.trim() }}
        onOk={() => void save(naming?.trim() ?? '')}
        onCancel={() => setNaming(null)}
        destroyOnHidden
      >
        <Input
          aria-label={t('events.segment.saveName')}
          placeholder={t('events.segment.saveName')}
          maxLength={40}
          value={naming ?? ''}
          onChange={(e) => setNaming(e.target.value)}
          autoFocus
        />
      </Modal>
    </section>
  );
}
