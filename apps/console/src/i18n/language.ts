export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** The remembered choice, else the browser's first zh/en preference, else Chinese (the seeds' users work in Chinese). */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const preferred = browserLanguages.find((tag) => /^(zh|en)(-|$)/i.test(tag));
  return preferred === undefined || preferred.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The BCP 47 tag Intl formats with (money, times, spans). */
export const localeOf = (language: string): string => (language === 'en' ? 'en-GB' : 'zh-CN');
