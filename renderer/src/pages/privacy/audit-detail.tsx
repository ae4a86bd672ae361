import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../electron/contract/audit';
import { auditChangeLines, auditDetailFacts } from '../../../../electron/contract/audit-fields';
import { useAuditValueLabel } from './audit-value-labels';

/** The expanded row: each changed field before → after (personal values already masked by main), then the rest. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = auditChangeLines(entry.entity, entry.detail, useAuditValueLabel());
  const facts = auditDetailFacts(entry.detail);
  if (!changes.length && !facts.length)
    return <div className="audit-detail-empty">{t('auditLog.noDetail')}</div>;
  return (
    <div className="audit-detail">
      {changes.length > 0 && (
        <table className="audit-changes">
          <thead>
            <tr>
              <th>{t('auditLog.changeField')}</th>
              <th>{t('auditLog.changeBefore')}</th>
              <th aria-hidden />
              <th>{t('auditLog.changeAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.label}</th>
                <td className="audit-before">{c.before}</td>
                <td className="audit-arrow" aria-hidden>
                  <ArrowRightOutlined />
                </td>
                <td className="audit-after">{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {facts.length > 0 && (
        <dl className="audit-facts">
          {facts.map((f) => (
            <div key={f.label} className="audit-fact">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** One line for the table: which fields changed, or the detail's first facts. */
export function auditSummary(entry: AuditEntry): string {
  const changes = auditChangeLines(entry.entity, entry.detail);
  if (changes.length) {
    const names = changes.slice(0, 4).map((c) => c.label);
    return changes.length > 4 ? `${names.join('、')} 等 ${changes.length} 项` : names.join('、');
  }
  return auditDetailFacts(entry.detail)
    .slice(0, 3)
    .map((f) => `${f.label}：${f.value}`)
    .join('；');
}
