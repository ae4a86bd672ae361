import type { ThemeConfig } from 'antd';

/** Chinese first: the CJK faces come before the generic fallbacks on every platform staff use. */
const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const brand = {
  primary: '#1d5fa8',
  header: '#12304f',
  page: '#f3f5f8',
};

/** Calm and low-contrast in the chrome, clear in the data: the app is on screen all day. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorInfo: brand.primary,
    colorLink: brand.primary,
    colorBgLayout: brand.page,
    colorTextBase: '#1f2733',
    borderRadius: 6,
    fontFamily,
    fontSize: 14,
    wireframe: false,
  },
  components: {
    Layout: {
      headerBg: brand.header,
      headerHeight: 52,
      headerPadding: '0 16px 0 20px',
      siderBg: '#ffffff',
      bodyBg: brand.page,
    },
    Menu: {
      itemBg: '#ffffff',
      itemSelectedBg: '#e7eff9',
      itemSelectedColor: brand.primary,
      itemHeight: 42,
      itemMarginInline: 8,
      iconSize: 16,
    },
    Table: {
      headerBg: '#f6f8fb',
    },
  },
};
