import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { hostInfoKey } from './host-keys';
import { HostSwitch } from './host-switch';
import { useStoreDateTime } from './use-store-date-time';
import './host-tab.css';

/** 设置 → 门店主机 (managers, administrators): the switch, and how workstations reach and pair with this PC. */
export function HostTab() {
  const { t } = useTranslation();
  const storeTime = useStoreDateTime();
  const info = useQuery({ queryKey: hostInfoKey, queryFn: () => api.call('host.info', {}) });
  if (info.isError)
    return <Alert type="error" showIcon title={`${t('host.loadFailed')}：${errorMessage(info.error)}`} />;
  if (!info.data) return <Skeleton active />;
  const h = info.data;
  return (
    <div className="host-tab">
      <Typography.Paragraph type="secondary">{t('host.intro')}</Typography.Paragraph>
      {h.switchable && <HostSwitch info={h} />}
      {h.mode === 'local' ? (
        // With the switch there, it says what switching on does; without it (a script), how to start as host.
        h.switchable ? (
          <Alert type="info" showIcon title={t('host.offTitle')} description={t('host.offBody')} />
        ) : (
          <Alert type="info" showIcon title={t('host.localTitle')} description={t('host.localBody')} />
        )
      ) : (
        <>
          <div className="host-pairing">
            <Descriptions
              column={1}
              bordered
              size="small"
              className="host-facts"
              styles={{ label: { width: 168, whiteSpace: 'nowrap' } }}
            >
              <Descriptions.Item label={t('host.addresses')}>
                {h.urls.map((u) => (
                  <Typography.Text key={u} copyable className="host-url">
                    {u}
                  </Typography.Text>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={t('host.pairingCode')}>
                <span className="host-code" data-testid="pairing-code">
                  {h.pairingCode}
                </span>
                <Typography.Text type="secondary" className="host-hint">
                  {t('host.pairingHint')}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('host.fingerprint')}>
                {/* 32 pairs read best as two lines of 16, as Windows' certificate dialog groups them. */}
                {h.fingerprint &&
                  [h.fingerprint.slice(0, 47), h.fingerprint.slice(48)].map((half) => (
                    <Typography.Text key={half} code className="host-fingerprint">
                      {half}
                    </Typography.Text>
                  ))}
                <Typography.Text type="secondary" className="host-hint">
                  {t('host.fingerprintHint')}
                </Typography.Text>
              </Descriptions.Item>
              {h.certificateValidTo && (
                <Descriptions.Item label={t('host.validTo')}>
                  {storeTime(h.certificateValidTo)}
                </Descriptions.Item>
              )}
            </Descriptions>
            {h.qrSvg && (
              <img
                className="host-qr"
                alt={t('host.qrAlt')}
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(h.qrSvg)}`}
              />
            )}
          </div>
          <Typography.Title level={5}>{t('host.browserTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('host.browserBody')}</Typography.Paragraph>
          {h.certificatePath && (
            <Button href={h.certificatePath} download="dealer-crm-host.crt">
              {t('host.download')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
