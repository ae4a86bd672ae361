import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App as AntApp, Col, DatePicker, Form, Input, Modal, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../electron/contract';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { loggableInteractionKinds } from '../../../../electron/contract/customers';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { confirmDateOnEnter } from '../../forms/date-input';
import { FormField } from '../../forms/form-field';

const interactionForm = contract['interactions.create'].input;
type InteractionValues = z.input<typeof interactionForm>;
type InteractionOutput = z.output<typeof interactionForm>;
const formFields = Object.keys(interactionForm.shape) as FieldPath<InteractionValues>[];
/** Kinds that go one way or the other; a note or a showroom visit has no direction. */
const directed = new Set(['call', 'sms', 'wechat']);

interface InteractionModalProps {
  customer: CustomerDetail;
  onClose: () => void;
  onSaved: () => void;
}

/** Logs a call, showroom visit, message, note or event attendance; it lands on the timeline at once. */
export function InteractionModal({ customer, onClose, onSaved }: InteractionModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const formId = useId();
  const { control, handleSubmit, formState, setError } = useForm<
    InteractionValues,
    unknown,
    InteractionOutput
  >({
    resolver: zodResolver(interactionForm),
    defaultValues: {
      customerId: customer.id,
      kind: 'call',
      direction: 'outbound',
      occurredAt: null,
      summary: '',
    },
  });
  const kind = useWatch({ control, name: 'kind' });

  const submit = handleSubmit(async (values) => {
    try {
      await api.call('interactions.create', {
        ...values,
        direction: directed.has(values.kind) ? values.direction : null,
      });
      void message.success(t('card.interactionForm.saved'));
      onSaved();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, setError, formFields)) void message.error(errorMessage(error));
    }
  });

  return (
    <Modal
      open
      title={t('card.interactionForm.title', { name: customer.name })}
      width={620}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: formState.isSubmitting }}
      mask={{ closable: false }}
    >
      {customer.doNotContact && (
        <Alert
          type="warning"
          showIcon
          className="modal-alert"
          title={t('card.interactionForm.doNotContact')}
        />
      )}
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} className="customer-form">
          <Row gutter={16}>
            <Col span={24}>
              <FormField
                control={control}
                name="kind"
                label={t('card.interactionForm.kind')}
                render={(field) => (
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    value={field.value}
                    onChange={(e) => field.onChange(e.target.value)}
                    options={loggableInteractionKinds.map((k) => ({
                      value: k,
                      label: t(`card.enums.interaction.${k}`),
                    }))}
                  />
                )}
              />
            </Col>
            {directed.has(kind) && (
              <Col span={12}>
                <FormField
                  control={control}
                  name="direction"
                  label={t('card.interactionForm.direction')}
                  render={(field) => (
                    <Radio.Group
                      value={field.value}
                      onChange={(e) => field.onChange(e.target.value)}
                      options={(['outbound', 'inbound'] as const).map((d) => ({
                        value: d,
                        label: t(`card.enums.direction.${d}`),
                      }))}
                    />
                  )}
                />
              </Col>
            )}
            <Col span={12}>
              <FormField
                control={control}
                name="occurredAt"
                label={t('card.interactionForm.when')}
                extra={t('card.interactionForm.whenHint')}
                render={(field, id) => (
                  <DatePicker
                    id={id}
                    className="full-width"
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    value={field.value ? dayjs(field.value) : null}
                    onChange={(d) => field.onChange(d ? d.format() : null)}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                    placeholder={t('card.interactionForm.now')}
                    onKeyDown={confirmDateOnEnter}
                  />
                )}
              />
            </Col>
            <Col span={24}>
              <FormField
                control={control}
                name="summary"
                label={t('card.interactionForm.summary')}
                required
                render={(field, id) => (
                  <Input.TextArea
                    id={id}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    autoSize={{ minRows: 3, maxRows: 8 }}
                    maxLength={1000}
                    showCount
                    placeholder={t('card.interactionForm.summaryPlaceholder')}
                  />
                )}
              />
            </Col>
          </Row>
        </Form>
      </form>
    </Modal>
  );
}
