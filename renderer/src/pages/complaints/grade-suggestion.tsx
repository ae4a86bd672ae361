import { BulbOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Radio, Skeleton, Typography } from 'antd';
import type { Control } from 'react-hook-form';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import type { ComplaintGrade } from '../../../../electron/contract/complaints';
import { complaintGrades } from '../../../../electron/contract/complaints';
import { useAuth } from '../../auth/use-auth';
import { FormField } from '../../forms/form-field';
import { StoreTime } from './store-time';
import { GradeBadge } from './ticket-tags';
import type { TicketFormValues } from './ticket-form-fields';

type Suggestion = ChannelOutput<'complaints.suggest'>;

interface GradeSuggestionProps {
  control: Control<TicketFormValues>;
  suggestion: Suggestion | undefined;
  loading: boolean;
  /** Nothing to suggest from yet (no customer chosen). */
  idle: boolean;
  /** Opens the earlier ticket (the drawer asks first whether to drop what was typed). */
  onOpenTicket: (id: number) => void;
  /** Back on the suggested grade, a reason typed for another one no longer applies. */
  onClearReason: () => void;
}

/**
 * The grade main suggests from the facts, live, with why; staff may choose another with a reason. Below it the
 * earlier ticket this one repeats and the deadlines the grade gives.
 */
export function GradeSuggestion({
  control,
  suggestion,
  loading,
  idle,
  onOpenTicket,
  onClearReason,
}: GradeSuggestionProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const grade = useController({ control, name: 'grade' });
  const suggested = suggestion?.grade ?? null;
  const chosen: ComplaintGrade | null = grade.field.value ?? suggested;
  const overridden = Boolean(grade.field.value && suggested && grade.field.value !== suggested);

  if (idle) {
    return (
      <section className="cp-suggest is-idle" aria-label={t('complaints.form.grade.title')}>
        <Typography.Text type="secondary">{t('complaints.form.grade.idle')}</Typography.Text>
      </section>
    );
  }
  return (
    <section className="cp-suggest" aria-label={t('complaints.form.grade.title')} aria-busy={loading}>
      <div className="cp-suggest-head">
        <BulbOutlined />
        <span className="cp-suggest-title">{t('complaints.form.grade.title')}</span>
        {suggested && (
          <span className="cp-suggest-value" data-testid="suggested-grade">
            {t('complaints.form.grade.suggested')} <GradeBadge grade={suggested} withLabel />
          </span>
        )}
      </div>
      {!suggestion ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : (
        <>
          <ul className="cp-suggest-reasons">
            {suggestion.reasons.length === 0 ? (
              <li>{t('complaints.form.grade.noReasons')}</li>
            ) : (
              suggestion.reasons.map((r) => (
                <li key={r.fact}>
                  <GradeBadge grade={r.grade} /> {r.label}
                </li>
              ))
            )}
          </ul>
          <Form.Item label={t('complaints.form.grade.choose')} className="cp-suggest-choose">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="small"
              value={chosen}
              onChange={(e) => {
                const g = e.target.value as ComplaintGrade;
                // The suggestion itself is sent as "no choice", so a later change of facts keeps following it.
                grade.field.onChange(g === suggested ? null : g);
                if (g === suggested) onClearReason();
              }}
              options={complaintGrades.map((g) => ({
                value: g,
                label: g === suggested ? t('complaints.form.grade.optionSuggested', { grade: g }) : g,
              }))}
            />
          </Form.Item>
          {overridden && (
            <FormField
              control={control}
              name="gradeReason"
              label={t('complaints.form.grade.reason')}
              required
              render={(field, id) => (
                <Input.TextArea
                  id={id}
                  ref={field.ref}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  maxLength={500}
                  placeholder={t('complaints.form.grade.reasonPlaceholder')}
                />
              )}
            />
          )}
          {suggestion.repeatOf && (
            <Alert
              type="warning"
              showIcon
              className="cp-repeat-alert"
              data-testid="repeat-warning"
              title={t('complaints.form.repeat.title')}
              description={
                <span>
                  {t('complaints.form.repeat.body', {
                    category: t(`complaints.categories.${suggestion.repeatOf.category}`),
                    state: t(`complaints.states.${suggestion.repeatOf.state}`),
                  })}{' '}
                  {can('complaints.work') ? (
                    <Button
                      type="link"
                      size="small"
                      className="cp-inline-link"
                      onClick={() => onOpenTicket(suggestion.repeatOf!.id)}
                    >
                      {suggestion.repeatOf.ticketNo}
                    </Button>
                  ) : (
                    <span className="cell-mono">{suggestion.repeatOf.ticketNo}</span>
                  )}{' '}
                  (<StoreTime iso={suggestion.repeatOf.receivedAt} />)
                </span>
              }
            />
          )}
          <dl className="cp-suggest-deadlines">
            {suggestion.deadlines.map((d) => (
              <div key={d.timer}>
                <dt>{t(`complaints.timers.${d.timer}`)}</dt>
                <dd>
                  <StoreTime iso={d.dueAt} className="cell-mono" />
                </dd>
              </div>
            ))}
          </dl>
          {suggestion.department && (
            <Typography.Text type="secondary" className="cp-suggest-route">
              {t('complaints.form.grade.routeTo', {
                department: suggestion.department.name,
                manager: suggestion.manager
                  ? t('complaints.form.grade.withManager', { name: suggestion.manager.name })
                  : '',
              })}
            </Typography.Text>
          )}
        </>
      )}
    </section>
  );
}
