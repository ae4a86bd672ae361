import { Alert, Input, Radio, Rate, Segmented } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { csiKinds, csiOveralls } from '../../../../electron/contract/callbacks';

export type CsiKind = (typeof csiKinds)[number];
export type CsiOverall = (typeof csiOveralls)[number];

export const csiFactors = [
  'advisorScore',
  'qualityScore',
  'timelinessScore',
  'priceScore',
  'facilityScore',
] as const;
type Factor = (typeof csiFactors)[number];

export interface CsiValues extends Record<Factor, number | null> {
  kind: CsiKind;
  overall: CsiOverall | null;
  nps: number | null;
  notes: string;
}

export function emptyCsi(kind: CsiKind): CsiValues {
  return {
    kind,
    overall: null,
    nps: null,
    advisorScore: null,
    qualityScore: null,
    timelinessScore: null,
    priceScore: null,
    facilityScore: null,
    notes: '',
  };
}

/** NPS 0–6 is a detractor; main opens a follow-up for those as for "dissatisfied". */
export function isUnhappy(v: CsiValues): boolean {
  return v.overall === 'dissatisfied' || (v.nps !== null && v.nps <= 6);
}

const npsScale = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const overalls: CsiOverall[] = ['satisfied', 'neutral', 'dissatisfied'];

interface CsiFormProps {
  kinds: CsiKind[];
  value: CsiValues;
  onChange: (next: CsiValues) => void;
  disabled: boolean;
  overallRef?: Ref<HTMLDivElement>;
}

/**
 * The satisfaction survey asked during the call. Its controls use digits and arrows themselves, so the call
 * panel's outcome keys stay quiet inside it (data-hotkeys="off").
 */
export function CsiForm({ kinds, value, onChange, disabled, overallRef }: CsiFormProps) {
  const { t } = useTranslation();
  const set = <K extends keyof CsiValues>(key: K, v: CsiValues[K]) => onChange({ ...value, [key]: v });
  const tips = (['s1', 's2', 's3', 's4', 's5'] as const).map((n) => t(`callbacks.csi.scoreTips.${n}`));
  const factorLabel = (f: Factor) =>
    f === 'advisorScore' && value.kind === 'sales'
      ? t('callbacks.csi.factor.salesAdvisor')
      : t(`callbacks.csi.factor.${f}`);

  return (
    <section
      className={`cb-csi${disabled ? ' is-disabled' : ''}`}
      data-hotkeys="off"
      aria-label={t('callbacks.call.sections.csi')}
    >
      <header className="cb-csi-head">
        <h3 className="cb-section-title">{t('callbacks.call.sections.csi')}</h3>
        {kinds.length > 1 ? (
          <Segmented<CsiKind>
            size="small"
            value={value.kind}
            onChange={(kind) => set('kind', kind)}
            options={kinds.map((k) => ({ value: k, label: t(`callbacks.csi.kind.${k}`) }))}
          />
        ) : (
          <span className="cb-csi-kind">{t(`callbacks.csi.kind.${value.kind}`)}</span>
        )}
      </header>
      {disabled && <div className="cb-csi-disabled">{t('callbacks.csi.disabled')}</div>}

      <div className="cb-csi-row">
        <span className="cb-csi-label" id="cb-csi-overall">
          {t('callbacks.csi.overall')}
        </span>
        <div ref={overallRef}>
          <Radio.Group
            aria-labelledby="cb-csi-overall"
            optionType="button"
            buttonStyle="solid"
            disabled={disabled}
            value={value.overall}
            onChange={(e) => set('overall', e.target.value as CsiOverall)}
            className="cb-csi-overall"
            options={overalls.map((o) => ({
              value: o,
              label: t(`callbacks.csi.overalls.${o}`),
              className: `cb-overall-${o}`,
            }))}
          />
        </div>
      </div>

      <div className="cb-csi-row cb-csi-row-stack">
        <span className="cb-csi-label" id="cb-csi-nps" title={t('callbacks.csi.npsHint')}>
          {t('callbacks.csi.nps')}
        </span>
        <Radio.Group
          aria-labelledby="cb-csi-nps"
          optionType="button"
          buttonStyle="solid"
          size="small"
          disabled={disabled}
          value={value.nps}
          onChange={(e) => set('nps', e.target.value as number)}
          className="cb-csi-nps"
          options={npsScale.map((n) => ({
            value: n,
            label: String(n),
            className: n <= 6 ? 'cb-nps-detractor' : n >= 9 ? 'cb-nps-promoter' : 'cb-nps-passive',
          }))}
        />
      </div>

      <div className="cb-csi-factors" role="group" aria-label={t('callbacks.csi.factors')}>
        {csiFactors.map((f) => (
          <div key={f} className="cb-csi-factor">
            <span className="cb-csi-label" id={`cb-csi-${f}`}>
              {factorLabel(f)}
            </span>
            <Rate
              aria-labelledby={`cb-csi-${f}`}
              disabled={disabled}
              tooltips={tips}
              value={value[f] ?? 0}
              onChange={(n) => set(f, n === 0 ? null : n)}
            />
          </div>
        ))}
      </div>

      <label className="cb-csi-label" htmlFor="cb-csi-notes">
        {t('callbacks.csi.notes')}
      </label>
      <Input.TextArea
        id="cb-csi-notes"
        placeholder={t('callbacks.csi.notesPlaceholder')}
        disabled={disabled}
        value={value.notes}
        onChange={(e) => set('notes', e.target.value)}
        autoSize={{ minRows: 2, maxRows: 4 }}
        maxLength={1000}
      />
      {!disabled && isUnhappy(value) && (
        <Alert type="warning" showIcon title={t('callbacks.csi.followUpWarning')} className="cb-csi-alert" />
      )}
    </section>
  );
}
