import { Result } from 'antd';
import { useLocation } from 'react-router';
import { useLanguage } from '../i18n/language-context.tsx';
import { sections } from '../shell/sections.tsx';

/** The parts of the console not built yet (issue 7): the section's name and a plain "coming soon". */
export default function PlaceholderScreen() {
  const { t } = useLanguage();
  const { pathname } = useLocation();
  const section = sections.find((candidate) => pathname.startsWith(candidate.path));
  return (
    <Result
      status="info"
      title={section ? t(section.title) : t('placeholder.title')}
      subTitle={`${t('placeholder.title')} — ${t('placeholder.hint')}`}
    />
  );
}
