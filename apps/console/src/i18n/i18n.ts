import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, localeOf, type Language } from './language';
import { resources } from './resources';

/** The viewer's choice, remembered across visits. */
const LANGUAGE_KEY = 'aftersales.console.language';

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? [navigator.language]),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export function switchLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = localeOf(language);
}

document.documentElement.lang = localeOf(i18next.language);

export default i18next;
