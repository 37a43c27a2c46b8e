import { compiledModeration, firstModerationMatch, normaliseForModeration, unboundedQuantifierIn, type ModerationRulesData } from './moderation-matcher';

const phoneRule: ModerationRulesData = {
  rules: [{ ruleId: 'moderation.contact_details.phone', category: 'contact_details', description: 'mobile', patterns: ['(?<!\\d)1[3-9]\\d{9}(?!\\d)'], flags: 'iu' }],
};

describe('normaliseForModeration', () => {
  it('reads full-width characters as half-width and lower-cases', () => {
    expect(normaliseForModeration('ＶＸ：ＡＢＣ１２３＠ｑｑ．ｃｏｍ')).toBe('vx:abc123@qq.com');
  });

  it('joins a digit run split by spaces, dashes, dots or invisible characters', () => {
    expect(normaliseForModeration('138 0013-8000 / 139.1234\u200b5678')).toBe('13800138000 / 13912345678');
  });

  it('reads five or more Chinese numerals in a row as digits, and leaves shorter runs as words', () => {
    expect(normaliseForModeration('一三八零零一三八零零零，一个')).toBe('13800138000,一个');
  });

  it('keeps colons and slashes, so times and dates stay apart from what follows', () => {
    expect(normaliseForModeration('13:45 签收 2026/11/05')).toBe('13:45 签收 2026/11/05');
  });
});

describe('compiling the rulebook section', () => {
  it('compiles a rulebook section once and reuses it', () => {
    expect(compiledModeration(phoneRule)).toBe(compiledModeration(phoneRule));
  });

  it('refuses an unbounded quantifier, so no rule can backtrack without bound', () => {
    const greedy: ModerationRulesData = { rules: [{ ...phoneRule.rules[0], patterns: ['(a+)+b'] }] };
    expect(() => compiledModeration(greedy)).toThrow(/unbounded quantifier \+ at 2/);
    expect(unboundedQuantifierIn('a{2,}')).toBe('{2,} at 1');
    expect(unboundedQuantifierIn('[*+]\\d{1,3}\\+')).toBeUndefined();
  });

  it('names the first matching rule with the fragment it matched, and nothing for clean text', () => {
    expect(firstModerationMatch('call 138 0013 8000', phoneRule)).toEqual({ ruleId: 'moderation.contact_details.phone', category: 'contact_details', fragment: '13800138000' });
    expect(firstModerationMatch('5 stars', phoneRule)).toBeUndefined();
  });
});
