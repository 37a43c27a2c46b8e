import { initialLanguage, localeOf } from './language';

describe('initialLanguage', () => {
  it('given a remembered choice, when the console opens, then it wins over the browser', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
  });

  it("given no choice, when the console opens, then the browser's first zh or en preference decides", () => {
    expect(initialLanguage(null, ['fr-FR', 'en-US', 'zh-CN'])).toBe('en');
    expect(initialLanguage(null, ['zh-TW', 'en'])).toBe('zh');
  });

  it('given neither a choice nor a zh/en preference, when the console opens, then it is Chinese', () => {
    expect(initialLanguage('fr', ['fr-FR'])).toBe('zh');
    expect(initialLanguage(null, [])).toBe('zh');
  });

  it('given a language, when formatting, then Intl gets its locale', () => {
    expect(localeOf('zh')).toBe('zh-CN');
    expect(localeOf('en')).toBe('en-GB');
  });
});
