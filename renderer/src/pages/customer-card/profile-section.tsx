import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { salutation } from '../../../../electron/common/salutation';
import { formatDate } from '../../format/date';
import { PersonalValue } from '../../personal-data/personal-value';
import { InfoList } from './info-list';

/** The person: how to reach them, where they live and work, what they like. */
export function ProfileSection({ customer: c }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const p = c.preferences;
  return (
    <Card size="small" className="card-section" title={t('card.profile.title')}>
      <InfoList
        items={[
          ...(c.isCompany
            ? [
                { label: t('card.profile.contactPerson'), value: c.contactPerson },
                { label: t('card.profile.contactTitle'), value: c.contactTitle },
              ]
            : []),
          // How call-backs greet this customer: the same words the scripts use.
          { label: t('card.profile.salutation'), value: `${salutation(c)}您好`, wide: c.isCompany },
          // Masked unless this user may see them; each offers 查看 with a reason (PersonalValue).
          {
            label: t('card.profile.mobile'),
            value: <PersonalValue customerId={c.id} field="mobile" value={c.mobile} mono copyable compact />,
          },
          {
            label: t('card.profile.mobile2'),
            value: (
              <PersonalValue customerId={c.id} field="mobile2" value={c.mobile2} mono copyable compact />
            ),
          },
          {
            label: t('card.profile.wechat'),
            value: <PersonalValue customerId={c.id} field="wechat" value={c.wechat} copyable compact />,
          },
          { label: t('card.profile.birthday'), value: c.birthday && formatDate(c.birthday) },
          {
            label: t('card.profile.idNumber'),
            value: c.idNumber && (
              <PersonalValue customerId={c.id} field="idNumber" value={c.idNumber} className="mono" compact />
            ),
          },
          { label: t('card.profile.district'), value: c.district },
          {
            label: t('card.profile.address'),
            value: c.address && <PersonalValue customerId={c.id} field="address" value={c.address} compact />,
            wide: true,
          },
          { label: t('card.profile.occupation'), value: c.occupation },
          { label: t('card.profile.industry'), value: c.industry },
          { label: t('card.profile.employer'), value: c.employer, wide: true },
        ]}
      />
      <div className="info-subtitle">{t('card.profile.preferences')}</div>
      <InfoList
        items={[
          {
            label: t('card.profile.contactChannel'),
            value: p.contactChannel && t(`card.enums.contactChannel.${p.contactChannel}`),
          },
          { label: t('card.profile.contactTime'), value: p.contactTime },
          { label: t('card.profile.color'), value: p.color },
          { label: t('card.profile.preferenceNote'), value: p.note },
          {
            label: t('card.profile.notes'),
            value: c.notes && <span className="pre-wrap">{c.notes}</span>,
            wide: true,
          },
        ]}
      />
    </Card>
  );
}
