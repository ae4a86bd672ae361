import { DatabaseOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Result, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { customerKeys, systemInfoKey } from './customer-keys';

interface DemoDataPromptProps {
  canCreate: boolean;
  onCreate: () => void;
}

/** First run on an empty database: one click to a realistic dealership to try things on. */
export function DemoDataPrompt({ canCreate, onCreate }: DemoDataPromptProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const generate = useMutation({
    mutationFn: () => api.call('demo.generate', { scale: 'S' }),
    onSuccess: async (result) => {
      void message.success(t('demo.done', { customers: result.customers, vehicles: result.vehicles }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: systemInfoKey }),
        queryClient.resetQueries({ queryKey: customerKeys.all }),
      ]);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (generate.isPending) {
    return (
      <div role="status" aria-live="polite">
        <Result
          icon={<Spin size="large" />}
          title={t('demo.generating')}
          subTitle={t('demo.generatingHint')}
        />
      </div>
    );
  }

  return (
    <Result
      icon={<DatabaseOutlined className="demo-icon" />}
      title={t('demo.title')}
      subTitle={t('demo.subtitle')}
      extra={
        <Space wrap>
          <Button type="primary" size="large" onClick={() => generate.mutate()}>
            {t('demo.generate')}
          </Button>
          {canCreate && (
            <Button size="large" icon={<PlusOutlined />} onClick={onCreate}>
              {t('customers.create')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
