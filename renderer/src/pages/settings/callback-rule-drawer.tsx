import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CallbackRuleSettings } from '../../../../electron/contract/callbacks';
import { callbacksContract } from '../../../../electron/contract/callbacks';
import { consentPurposes } from '../../../../electron/contract/consent';
import { api, ApiCallError } from '../../api';
import { formatDateTime } from '../../format/date';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { FormField } from '../../forms/form-field';
import { callbackKeys } from '../callbacks/callback-keys';
import { priorities } from '../callbacks/callback-format';

// The very fields main validates; params may be left blank in the form (the rule's default then applies).
const ruleFields = callbacksContract['callbacks.updateRule'].input.shape.fields;
const formSchema = ruleFields.extend({
  params: z.record(z.string(), z.number().min(0).max(1_000_000).nullable()),
});
type FormValues = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const placeholderKeys = [
  'name',
  'title',
  'model',
  'plate',
  'mileage',
  'deliveryDate',
  'visitDate',
  'advisor',
  'store',
] as const;
const paramKeys = [
  'months',
  'km',
  'remindDaysBefore',
  'intervalKm',
  'intervalMonths',
  'defaultKmPerDay',
  'noVisitMonths',
  'missedIntervals',
  'everyMonths',
] as const;
type ParamKey = (typeof paramKeys)[number];
const isParamKey = (k: string): k is ParamKey => (paramKeys as readonly string[]).includes(k);

function toForm(rule: CallbackRuleSettings): FormValues {
  return {
    name: rule.name,
    enabled: rule.enabled,
    offsetDays: rule.offsetDays,
    windowDays: rule.windowDays,
    priority: rule.priority,
    script: rule.script,
    expiryDays: rule.expiryDays,
    maxAttempts: rule.maxAttempts,
    consentPurpose: rule.consentPurpose,
    params: Object.fromEntries(rule.paramKeys.map((k) => [k, rule.params[k] ?? null])),
  };
}

const formFields = [
  'name',
  'offsetDays',
  'windowDays',
  'priority',
  'script',
  'expiryDays',
  'maxAttempts',
] as const;

interface Conflict {
  message: string;
  current: CallbackRuleSettings | null;
}

interface CallbackRuleDrawerProps {
  /** The rule as listed when the drawer opened; the parent keys the drawer by its code. */
  rule: CallbackRuleSettings;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

/** Edits one rule on the version it was opened at; a colleague's save in between is shown, never overwritten silently. */
export function CallbackRuleDrawer({ rule, open, onClose, afterClose }: CallbackRuleDrawerProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const formId = useId();
  const scriptRef = useRef<TextAreaRef>(null);
  // The saved state the form is based on: the rule as opened, or the colleague's version after a conflict.
  const [base, setBase] = useState(rule);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { control, handleSubmit, formState, setError, reset, getValues, setValue } = useForm<
    FormValues,
    unknown,
    FormOutput
  >({ resolver: zodResolver(formSchema), defaultValues: toForm(rule) });

  const save = async (values: FormOutput, onVersion: number) => {
    const params = Object.fromEntries(
      Object.entries(values.params).filter((e): e is [string, number] => e[1] !== null),
    );
    try {
      const saved = await api.call('callbacks.updateRule', {
        code: rule.code,
        version: onVersion,
        fields: { ...values, params },
      });
      void message.success(t('callbacks.settings.rules.saved', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: callbackKeys.rules });
      onClose();
    } catch (error) {
      if (error instanceof ApiCallError && error.kind === 'conflict') {
        const details = error.details as { current?: CallbackRuleSettings } | undefined;
        setConflict({ message: error.message, current: details?.current ?? null });
        void queryClient.invalidateQueries({ queryKey: callbackKeys.rules });
        return;
      }
      if (!applyServerErrors(error, setError, formFields, 'fields.')) void message.error(errorMessage(error));
    }
  };
  const submit = handleSubmit((values) => save(values, base.version));

  const insertPlaceholder = (key: string) => {
    const el = scriptRef.current?.resizableTextArea?.textArea;
    const text = getValues('script') ?? '';
    const token = `{${key}}`;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setValue('script', text.slice(0, start) + token + text.slice(end), { shouldDirty: true });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const number = (name: (typeof formFields)[number], label: string, extra?: string, min?: number) => (
    <FormField
      control={control}
      name={name}
      label={label}
      required
      extra={extra}
      render={(field, id) => (
        <InputNumber
          id={id}
          ref={field.ref}
          className="full-width"
          precision={0}
          min={min}
          value={field.value as number | null}
          onChange={(v) => field.onChange(v)}
          onBlur={field.onBlur}
        />
      )}
    />
  );

  return (
    <Drawer
      open={open}
      title={t('callbacks.settings.ruleForm.title', { name: rule.name })}
      size={640}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      mask={{ closable: false }}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {conflict && (
        <Alert
          type="error"
          showIcon
          className="cb-rule-conflict"
          title={t('callbacks.settings.ruleForm.conflictTitle')}
          description={
            <>
              <div>{conflict.message}</div>
              {conflict.current && (
                <Space wrap className="cb-rule-conflict-actions">
                  <Button
                    size="small"
                    onClick={() => {
                      reset(toForm(conflict.current!));
                      setBase(conflict.current!);
                      setConflict(null);
                    }}
                  >
                    {t('callbacks.settings.ruleForm.loadLatest')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      const latest = conflict.current!;
                      setBase(latest);
                      setConflict(null);
                      void handleSubmit((values) => save(values, latest.version))();
                    }}
                  >
                    {t('callbacks.settings.ruleForm.overwrite')}
                  </Button>
                </Space>
              )}
            </>
          }
        />
      )}
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} className="cb-rule-form">
          <Row gutter={16}>
            <Col span={16}>
              <FormField
                control={control}
                name="name"
                label={t('callbacks.settings.ruleForm.name')}
                required
                render={(field, id) => <Input id={id} {...field} />}
              />
            </Col>
            <Col span={8}>
              <FormField
                control={control}
                name="enabled"
                label={t('callbacks.settings.ruleForm.enabled')}
                render={(field, id) => (
                  <Switch id={id} checked={field.value} onChange={field.onChange} ref={field.ref} />
                )}
              />
            </Col>
            <Col span={12}>
              {number(
                'offsetDays',
                t('callbacks.settings.ruleForm.offsetDays'),
                t('callbacks.settings.ruleForm.offsetHint'),
              )}
            </Col>
            <Col span={12}>
              {number(
                'windowDays',
                t('callbacks.settings.ruleForm.windowDays'),
                t('callbacks.settings.ruleForm.windowHint'),
                0,
              )}
            </Col>
            <Col span={8}>
              <FormField
                control={control}
                name="priority"
                label={t('callbacks.settings.ruleForm.priority')}
                required
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    options={priorities.map((p) => ({ value: p, label: t(`callbacks.priority.p${p}`) }))}
                  />
                )}
              />
            </Col>
            <Col span={8}>
              {number('expiryDays', t('callbacks.settings.ruleForm.expiryDays'), undefined, 1)}
            </Col>
            <Col span={8}>
              {number('maxAttempts', t('callbacks.settings.ruleForm.maxAttempts'), undefined, 1)}
            </Col>
            <Col span={24}>
              <FormField
                control={control}
                name="consentPurpose"
                label={t('callbacks.settings.ruleForm.consentPurpose')}
                extra={t('callbacks.settings.ruleForm.consentHint')}
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    options={consentPurposes.map((p) => ({ value: p, label: t(`callbacks.consent.${p}`) }))}
                  />
                )}
              />
            </Col>
            <Col span={24}>
              <FormField
                control={control}
                name="script"
                label={t('callbacks.settings.ruleForm.script')}
                render={(field, id) => (
                  <Input.TextArea
                    id={id}
                    ref={scriptRef}
                    name={field.name}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    autoSize={{ minRows: 4, maxRows: 10 }}
                    maxLength={2000}
                    showCount
                  />
                )}
              />
              <div
                className="cb-placeholders"
                role="group"
                aria-label={t('callbacks.settings.ruleForm.placeholders')}
              >
                <span className="cb-placeholders-label">{t('callbacks.settings.ruleForm.placeholders')}</span>
                {placeholderKeys.map((k) => (
                  <button
                    key={k}
                    type="button"
                    className="cb-placeholder-chip"
                    onClick={() => insertPlaceholder(k)}
                  >
                    <code>{`{${k}}`}</code> {t(`callbacks.settings.placeholder.${k}`)}
                  </button>
                ))}
              </div>
            </Col>
            {rule.paramKeys.length > 0 && (
              <Col span={24}>
                <h4 className="cb-rule-params-title">{t('callbacks.settings.ruleForm.params')}</h4>
                <Row gutter={16}>
                  {rule.paramKeys.map((k) => (
                    <Col span={12} key={k}>
                      <FormField
                        control={control}
                        name={`params.${k}`}
                        label={isParamKey(k) ? t(`callbacks.settings.param.${k}`) : k}
                        extra={t('callbacks.settings.ruleForm.paramBlank')}
                        render={(field, id) => (
                          <InputNumber
                            id={id}
                            ref={field.ref}
                            className="full-width"
                            min={0}
                            value={field.value ?? null}
                            onChange={(v) => field.onChange(v ?? null)}
                            onBlur={field.onBlur}
                          />
                        )}
                      />
                    </Col>
                  ))}
                </Row>
              </Col>
            )}
          </Row>
          <div className="cb-rule-version">
            {t('callbacks.settings.ruleForm.version', {
              version: base.version,
              time: formatDateTime(base.updatedAt),
            })}
          </div>
        </Form>
      </form>
    </Drawer>
  );
}
