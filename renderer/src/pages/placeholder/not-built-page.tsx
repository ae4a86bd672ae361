import { ToolOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export type NotBuiltSection = 'callbacks' | 'complaints' | 'events' | 'reports';

/** Says plainly that a section is not there yet, instead of showing invented numbers. */
export function NotBuiltPage({ section }: { section: NotBuiltSection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page page-centered">
      <Result
        icon={<ToolOutlined className="not-built-icon" />}
        title={t(`notBuilt.${section}`)}
        subTitle={t('notBuilt.hint')}
        extra={<Button onClick={() => void navigate('/customers')}>{t('notBuilt.back')}</Button>}
      />
    </div>
  );
}
