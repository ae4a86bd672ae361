import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Descriptions, Divider, Form, Modal, Result, Spin } from 'antd';
import type { BaseSyntheticEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { VisitDetail } from '../../../../electron/contract/vehicles';
import { visitTypes, visitUpdateInput } from '../../../../electron/contract/vehicles';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { ConflictDialog } from '../../forms/conflict-dialog';
import type { ConflictChoice, ConflictState } from '../../forms/conflict-rows';
import { conflictDetails, resolveValues } from '../../forms/conflict-rows';
import { descriptorConflictRows } from '../../forms/descriptor-conflict';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { formatDate } from '../../format/date';
import { formatKm } from './card-format';
import { repairFieldDescriptors, useRepairState } from './visit-repair-fields';

type EditValues = z.input<typeof visitUpdateInput>;
type EditOutput = z.output<typeof visitUpdateInput>;
const formFields = Object.keys(visitUpdateInput.shape) as FieldPath<EditValues>[];

interface VisitEditModalProps {
  visitId: number;
  /** Plate or VIN and series, as the card shows the car. */
  carLabel: string;
  today: string;
  onClose: () => void;
  onSaved: () => void;
}

/** The form's values for a visit as stored. */
function formOf(visit: VisitDetail): EditValues {
  return {
    id: visit.id,
    version: visit.version,
    type: visit.type,
    amountFen: visit.amountFen,
    advisor: visit.advisor ?? '',
    notes: visit.notes ?? '',
    outDate: visit.outDate,
    repairSystem: visit.repairSystem,
    mainPartReplaced: visit.mainPartReplaced,
    mainPart: visit.mainPart,
    seriousSafety: visit.seriousSafety,
    faultText: visit.faultText,
  };
}

function EditForm({
  visit,
  carLabel,
  today,
  onClose,
  onSaved,
}: { visit: VisitDetail } & Omit<VisitEditModalProps, 'visitId'>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const formId = useId();
  // The copy the next save is made against: the one loaded, or the one a conflict showed.
  const against = useRef(visit);
  const [conflict, setConflict] = useState<(ConflictState & { current: VisitDetail }) | null>(null);
  const { control, handleSubmit, formState, setError, setValue, getValues, reset } = useForm<
    EditValues,
    unknown,
    EditOutput
  >({
    resolver: zodResolver(visitUpdateInput),
    defaultValues: formOf(visit),
  });
  const repair = useRepairState(control, setValue);
  const fields: FieldDescriptor<EditValues>[] = [
    {
      name: 'type',
      label: t('card.visitForm.type'),
      required: true,
      span: 8,
      widget: {
        kind: 'select',
        options: visitTypes.map((v) => ({ value: v, label: t(`card.enums.visitType.${v}`) })),
      },
    },
    {
      name: 'amountFen',
      label: t('card.visitForm.amount'),
      span: 8,
      widget: { kind: 'money', max: 10_000_000 },
    },
    {
      name: 'advisor',
      label: t('card.visitForm.advisor'),
      span: 8,
      widget: { kind: 'text', maxLength: 30 },
    },
    {
      name: 'notes',
      label: t('card.visitForm.notes'),
      widget: { kind: 'textarea', rows: 1, maxLength: 500 },
    },
  ];
  const repairFields = repairFieldDescriptors<EditValues>(t, repair, visit.visitDate, today);

  // handleSubmit is called on the event, not in render: the save reads the copy it is made against.
  const save = async (values: EditOutput) => {
    try {
      await api.call('visits.update', { ...values, base: against.current });
      void message.success(t('threeGuarantee.edit.saved'));
      onSaved();
      onClose();
    } catch (error) {
      const stale = conflictDetails<VisitDetail>(error);
      if (stale) {
        const rows = descriptorConflictRows(t, [...fields, ...repairFields], {
          was: formOf(against.current),
          mine: getValues(),
          theirs: formOf(stale.current),
        });
        setConflict({ ...stale, rows });
        return;
      }
      if (!applyServerErrors(error, setError, formFields)) void message.error(errorMessage(error));
    }
  };
  const submit = (e?: BaseSyntheticEvent) => handleSubmit(save)(e);

  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!conflict) return;
    const values = resolveValues(getValues(), formOf(conflict.current), choices);
    against.current = conflict.current;
    reset({ ...values, version: conflict.current.version });
    setConflict(null);
    void submit();
  };
  const loadLatest = () => {
    if (!conflict) return;
    against.current = conflict.current;
    reset(formOf(conflict.current));
    setConflict(null);
    void message.info(t('conflict.loaded'));
  };

  return (
    <Modal
      open
      title={t('threeGuarantee.edit.title')}
      width={660}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: formState.isSubmitting }}
      mask={{ closable: false }}
    >
      <Descriptions
        size="small"
        column={3}
        className="visit-fixed"
        items={[
          { key: 'car', label: t('card.visitForm.vehicle'), children: carLabel },
          { key: 'date', label: t('threeGuarantee.form.inDate'), children: formatDate(visit.visitDate) },
          { key: 'km', label: t('card.visitForm.mileage'), children: formatKm(visit.mileageKm) },
        ]}
      />
      <p className="modal-hint">{t('threeGuarantee.edit.fixed')}</p>
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} className="customer-form">
          <DescriptorFields control={control} fields={fields} />
          {repair.repair && (
            <>
              <Divider titlePlacement="start" plain className="tg-form-divider">
                {t('threeGuarantee.form.section')}
              </Divider>
              <DescriptorFields control={control} fields={repairFields} />
            </>
          )}
        </Form>
      </form>
      <ConflictDialog
        conflict={conflict}
        what={t('card.visitForm.conflictWhat')}
        onResolve={resolve}
        onLoadLatest={loadLatest}
        onCancel={() => setConflict(null)}
      />
    </Modal>
  );
}

/** Edits a recorded visit: loads it fresh (with its version), so a stale copy is refused by main. */
export function VisitEditModal(props: VisitEditModalProps) {
  const visit = useQuery({
    queryKey: ['visit', props.visitId],
    queryFn: () => api.call('visits.get', { id: props.visitId }),
    gcTime: 0,
  });
  if (visit.isSuccess) return <EditForm visit={visit.data} {...props} />;
  return (
    <Modal open footer={null} onCancel={props.onClose} width={660}>
      {visit.isError ? (
        <Result status="error" subTitle={errorMessage(visit.error)} />
      ) : (
        <div className="section-loading">
          <Spin />
        </div>
      )}
    </Modal>
  );
}
