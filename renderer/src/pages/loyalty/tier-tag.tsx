import { CrownOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoyaltyTier } from '../../../../electron/contract/loyalty-terms';

const colors: Record<LoyaltyTier, string> = {
  regular: 'default',
  silver: 'geekblue',
  gold: 'gold',
  black: '#1f1f1f',
};

/** 普通 / 银卡 / 金卡 / 黑卡 as one tag, the same wherever a member is shown. */
export function TierTag({ tier }: { tier: LoyaltyTier }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[tier]} icon={tier === 'regular' ? undefined : <CrownOutlined />} className="tier-tag">
      {t(`loyalty.tiers.${tier}`)}
    </Tag>
  );
}
