import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Language, languages, type MessageKey, messages } from './messages.ts';

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey): string;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

const STORAGE_KEY = 'kefu.console.language';
const antdLocales = { 'zh-CN': zhCN, 'en-US': enUS };

/**
 * The console's language (zh-CN unless the person chose English, remembered in this browser) for both our texts and
 * Ant Design's. Button labels are shown as written (Ant Design would space out 登录 to 登 录).
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = messages[language]['app.title'];
  }, [language]);
  const state = useMemo<LanguageState>(
    () => ({ language, setLanguage, t: (key) => messages[language][key] }),
    [language, setLanguage],
  );
  return (
    <LanguageContext.Provider value={state}>
      <ConfigProvider locale={antdLocales[language]} button={{ autoInsertSpace: false }}>
        {children}
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage needs a LanguageProvider');
  return state;
}

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return languages.find((language) => language === stored) ?? 'zh-CN';
}
