import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { Control } from 'react-hook-form';
import { useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  contactChannels,
  genders,
  leadGrades,
  lostReasonCategories,
  sourceChannels,
  stages,
} from '../../../../electron/contract/customers';
import { isPersonalField } from '../../../../electron/common/personal-mask';
import { isMaskedValue } from '../../../../electron/contract/personal-data';
import { fenToYuan, yuanInputFormatter, yuanToFen } from '../../format/money';
import { DateInput } from '../../forms/date-input';
import { FormField } from '../../forms/form-field';
import type { PickedCustomer } from '../../search/customer-picker';
import { CustomerPicker } from '../../search/customer-picker';
import type { CustomerFormValues } from './customer-form-values';
import { DuplicateWarnings } from './duplicate-warnings';
import { ReferralCodeInput } from './referral-code-input';
import './customer-form.css';

interface CustomerFormProps {
  control: Control<CustomerFormValues>;
  /** The card being edited (absent when creating): it must not warn about, or refer, itself. */
  customerId?: number;
  /** The referrer's name for the picker, when the card already has one. */
  referrer?: PickedCustomer | null;
  /** Opens another card from a duplicate warning; the drawer decides what happens to unsaved input. */
  onOpenCustomer: (id: number) => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="form-section">
      <Typography.Title level={5} className="form-section-title">
        {title}
      </Typography.Title>
      <Row gutter={16}>{children}</Row>
    </section>
  );
}

/** The customer card fields; validation comes from the resolver (the same zod schema main uses). */
export function CustomerForm({ control, customerId, referrer, onOpenCustomer }: CustomerFormProps) {
  const { t } = useTranslation();
  const sourceChannel = useWatch({ control, name: 'sourceChannel' });
  const stage = useWatch({ control, name: 'stage' });
  const lostCategory = useWatch({ control, name: 'lostReasonCategory' });
  const isCompany = useWatch({ control, name: 'isCompany' });
  // The picker needs a name to show; the form itself only stores the id, as main does.
  const [picked, setPicked] = useState<PickedCustomer | null>(referrer ?? null);
  // A referral code typed on a new card fills in the referrer (what is saved is the referrer, not the code).
  const referrerField = useController({ control, name: 'referrerId' }).field;
  const f = (key: Parameters<typeof fieldLabel>[1]) => fieldLabel(t, key);
  // A personal field shown masked (PIPL) is kept as stored when left as it is; say so under it.
  const personal = useWatch({ control, name: ['mobile', 'mobile2', 'wechat', 'idNumber', 'address'] });
  const maskedNow = new Set(
    (['mobile', 'mobile2', 'wechat', 'idNumber', 'address'] as const).filter((_, i) =>
      isMaskedValue(personal[i]),
    ),
  );

  const text = (name: TextField, label: string, span = 12, extra?: ReactNode, required?: boolean) => (
    <Col span={span}>
      <FormField
        control={control}
        name={name}
        label={label}
        required={required}
        extra={isPersonalField(name) && maskedNow.has(name) ? t('personalData.maskedInput') : extra}
        render={(field, id) => (
          <Input
            id={id}
            ref={field.ref}
            name={field.name}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            allowClear={false}
          />
        )}
      />
    </Col>
  );

  const prefText = (name: PreferenceField, label: string, placeholder?: string) => (
    <Col span={12}>
      <FormField
        control={control}
        name={name}
        label={label}
        render={(field, id) => (
          <Input
            id={id}
            ref={field.ref}
            name={field.name}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            placeholder={placeholder}
          />
        )}
      />
    </Col>
  );

  return (
    <Form layout="vertical" component={false} className="customer-form">
      <DuplicateWarnings control={control} excludeId={customerId} onOpenCustomer={onOpenCustomer} />
      <Section title={t('customerForm.sections.basic')}>
        {text('name', f('name'), 12, undefined, true)}
        <Col span={12}>
          <FormField
            control={control}
            name="gender"
            label={f('gender')}
            render={(field, id) => (
              <Select
                id={id}
                ref={field.ref}
                value={field.value ?? undefined}
                onChange={(v) => field.onChange(v ?? null)}
                onBlur={field.onBlur}
                allowClear
                placeholder={t('customerForm.pick')}
                options={genders.map((g) => ({ value: g, label: t(`labels.gender.${g}`) }))}
              />
            )}
          />
        </Col>
        {text('mobile', f('mobile'), 12, t('customerForm.mobileOrWechat'))}
        {text('mobile2', f('mobile2'))}
        {text('wechat', f('wechat'))}
        <Col span={12}>
          <FormField
            control={control}
            name="birthday"
            label={f('birthday')}
            // No disabled future days: a typed one would be dropped without a word; main refuses it on the field.
            render={(field, id) => (
              <DateInput id={id} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
            )}
          />
        </Col>
        {text('idNumber', f('idNumber'), 12, t('customerForm.idNumberHint'))}
        {text('district', f('district'))}
        {text('occupation', f('occupation'))}
        {text('address', f('address'), 24)}
        {text('industry', f('industry'))}
        {text('employer', f('employer'))}
        <Col span={24}>
          <FormField
            control={control}
            name="isCompany"
            label={null}
            render={(field, id) => (
              <Checkbox
                id={id}
                checked={field.value ?? false}
                onChange={(e) => field.onChange(e.target.checked)}
              >
                {f('isCompany')}
              </Checkbox>
            )}
          />
        </Col>
        {/* A company is spoken to through a person: the scripts greet them (electron/common/salutation.ts). */}
        {isCompany && text('contactPerson', f('contactPerson'), 12, t('customerForm.contactPersonHint'))}
        {isCompany && text('contactTitle', f('contactTitle'))}
      </Section>

      <Section title={t('customerForm.sections.source')}>
        <Col span={12}>
          <FormField
            control={control}
            name="sourceChannel"
            label={f('sourceChannel')}
            render={(field, id) => (
              <Select
                id={id}
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={sourceChannels.map((s) => ({ value: s, label: t(`labels.sourceChannel.${s}`) }))}
              />
            )}
          />
        </Col>
        {sourceChannel === 'referral' && (
          <Col span={12}>
            <FormField
              control={control}
              name="referrerId"
              label={f('referrerId')}
              required
              extra={t('customerForm.referrerHint')}
              render={(field, id, invalid) => (
                <CustomerPicker
                  id={id}
                  ref={field.ref}
                  excludeId={customerId}
                  status={invalid ? 'error' : undefined}
                  value={
                    field.value
                      ? picked?.id === field.value
                        ? picked
                        : {
                            id: field.value,
                            name: t('customerForm.conflict.customerNo', { id: field.value }),
                          }
                      : null
                  }
                  onChange={(c) => {
                    setPicked(c);
                    field.onChange(c?.id ?? null);
                  }}
                  onBlur={field.onBlur}
                />
              )}
            />
          </Col>
        )}
        {sourceChannel === 'referral' && customerId === undefined && (
          <Col span={12}>
            <ReferralCodeInput
              onResolved={(c) => {
                setPicked(c);
                referrerField.onChange(c.id);
              }}
            />
          </Col>
        )}
        <Col span={12}>
          <FormField
            control={control}
            name="stage"
            label={f('stage')}
            render={(field, id) => (
              <Select
                id={id}
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={stages.map((s) => ({ value: s, label: t(`labels.stage.${s}`) }))}
              />
            )}
          />
        </Col>
        <Col span={12}>
          <FormField
            control={control}
            name="leadGrade"
            label={f('leadGrade')}
            render={(field, id) => (
              <Select
                id={id}
                ref={field.ref}
                value={field.value ?? undefined}
                onChange={(v) => field.onChange(v ?? null)}
                onBlur={field.onBlur}
                allowClear
                placeholder={t('customerForm.pick')}
                options={leadGrades.map((g) => ({ value: g, label: t(`labels.leadGrade.${g}`) }))}
              />
            )}
          />
        </Col>
      </Section>

      <Section title={t('customerForm.sections.purchase')}>
        {text('purchaseNeed', f('purchaseNeed'), 24)}
        <Col span={12}>
          <FormField
            control={control}
            name="budgetFen"
            label={f('budget')}
            render={(field, id) => (
              <InputNumber<number>
                id={id}
                ref={field.ref}
                className="full-width"
                prefix="¥"
                min={0}
                max={100_000_000}
                step={10_000}
                precision={0}
                formatter={yuanInputFormatter}
                // The form holds fen like main; staff think and type in yuan.
                value={fenToYuan(field.value)}
                onChange={(v) => field.onChange(yuanToFen(v))}
                onBlur={field.onBlur}
              />
            )}
          />
        </Col>
        {text('currentCar', f('currentCar'))}
        {(stage === 'lost' || lostCategory) && (
          <Col span={12}>
            <FormField
              control={control}
              name="lostReasonCategory"
              label={f('lostReasonCategory')}
              render={(field, id) => (
                <Select
                  id={id}
                  ref={field.ref}
                  value={field.value ?? undefined}
                  onChange={(v) => field.onChange(v ?? null)}
                  onBlur={field.onBlur}
                  allowClear
                  placeholder={t('customerForm.pick')}
                  options={lostReasonCategories.map((c) => ({
                    value: c,
                    label: t(`card.enums.lostReason.${c}`),
                  }))}
                />
              )}
            />
          </Col>
        )}
        <Col span={24}>
          <FormField
            control={control}
            name="outcomeReason"
            label={f('outcomeReason')}
            extra={t('customerForm.outcomeReasonHint')}
            render={(field, id) => (
              <Input.TextArea
                id={id}
                ref={field.ref}
                name={field.name}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={500}
              />
            )}
          />
        </Col>
      </Section>

      <Section title={t('customerForm.sections.preferences')}>
        <Col span={12}>
          <FormField
            control={control}
            name="preferences.contactChannel"
            label={f('contactChannel')}
            render={(field, id) => (
              <Select
                id={id}
                ref={field.ref}
                value={field.value ?? undefined}
                onChange={(v) => field.onChange(v ?? null)}
                onBlur={field.onBlur}
                allowClear
                placeholder={t('customerForm.pick')}
                options={contactChannels.map((c) => ({
                  value: c,
                  label: t(`card.enums.contactChannel.${c}`),
                }))}
              />
            )}
          />
        </Col>
        {prefText('preferences.contactTime', f('contactTime'), t('customerForm.contactTimeHint'))}
        {prefText('preferences.color', f('color'))}
        {prefText('preferences.note', f('preferenceNote'))}
      </Section>

      <Section title={t('customerForm.sections.other')}>
        <Col span={16}>
          <FormField
            control={control}
            name="tags"
            label={f('tags')}
            render={(field, id) => (
              <Select
                id={id}
                ref={field.ref}
                mode="tags"
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                tokenSeparators={[',', '，', '、']}
                placeholder={t('customerForm.tagsPlaceholder')}
                suffixIcon={null}
                notFoundContent={null}
              />
            )}
          />
        </Col>
        <Col span={8}>
          <FormField
            control={control}
            name="doNotContact"
            label={f('doNotContact')}
            extra={t('customerForm.doNotContactHint')}
            render={(field, id) => (
              <Switch id={id} checked={field.value ?? false} onChange={(v) => field.onChange(v)} />
            )}
          />
        </Col>
        <Col span={24}>
          <FormField
            control={control}
            name="notes"
            label={f('notes')}
            render={(field, id) => (
              <Input.TextArea
                id={id}
                ref={field.ref}
                name={field.name}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={2000}
              />
            )}
          />
        </Col>
      </Section>
    </Form>
  );
}

type PreferenceField = 'preferences.contactTime' | 'preferences.color' | 'preferences.note';

type TextField =
  | 'name'
  | 'idNumber'
  | 'mobile'
  | 'mobile2'
  | 'wechat'
  | 'district'
  | 'address'
  | 'occupation'
  | 'industry'
  | 'employer'
  | 'contactPerson'
  | 'contactTitle'
  | 'purchaseNeed'
  | 'currentCar';

type LabelKey =
  | TextField
  | 'gender'
  | 'birthday'
  | 'isCompany'
  | 'sourceChannel'
  | 'referrerId'
  | 'stage'
  | 'leadGrade'
  | 'budget'
  | 'tags'
  | 'doNotContact'
  | 'notes'
  | 'lostReasonCategory'
  | 'outcomeReason'
  | 'contactChannel'
  | 'contactTime'
  | 'color'
  | 'preferenceNote';

function fieldLabel(t: TFunction, key: LabelKey): string {
  return t(`customerForm.${key}`);
}
