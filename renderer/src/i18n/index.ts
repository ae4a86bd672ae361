import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-cn';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'dealer-crm.language';

function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(storageKey);
    return languages.find((l) => l === v) ?? 'zh-CN';
  } catch {
    // Storage can be unavailable (privacy mode, file:// quirks); Chinese is the store's language anyway.
    return 'zh-CN';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is harmless.
  }
}

export function currentLanguage(): Language {
  return languages.find((l) => l === i18n.language) ?? 'zh-CN';
}

// Resources are bundled, so init is synchronous and the first render already has its strings.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
