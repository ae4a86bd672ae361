import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from './query-client';
import { appTheme } from './theme';

/** antd, dayjs and the document follow the i18n language, so one switch changes every string and date. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const english = i18n.language === 'en';

  useEffect(() => {
    document.documentElement.lang = english ? 'en' : 'zh-CN';
    document.title = t('app.name');
  }, [english, t]);

  // dayjs must switch before antd renders pickers, so set it during render too (it is idempotent).
  dayjs.locale(english ? 'en' : 'zh-cn');

  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp className="app-root">
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
