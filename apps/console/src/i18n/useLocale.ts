import { useTranslation } from 'react-i18next';
import { localeOf, type Language } from './language';

/** The current language and the Intl locale to format with; re-renders when the viewer switches. */
export function useLocale(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh';
  return { language, locale: localeOf(language) };
}
