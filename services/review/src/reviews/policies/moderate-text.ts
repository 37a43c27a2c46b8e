import type { ModerationCategory, ModerationRulebook } from '@aftersales/contracts';

/** What the moderation rules say about a text: it may be published, or it is held naming the rule that matched. */
export type ModerationVerdict =
  | { verdict: 'pass' }
  | { verdict: 'hold'; ruleId: string; category: ModerationCategory; rulebookVersion: string };

const compiled = new WeakMap<ModerationRulebook['rules'][number], RegExp[]>();

const patternsOf = (rule: ModerationRulebook['rules'][number]): RegExp[] => {
  let patterns = compiled.get(rule);
  if (!patterns) {
    patterns = rule.patterns.map((source) => new RegExp(source, rule.flags.replace(/[gy]/g, '')));
    compiled.set(rule, patterns);
  }
  return patterns;
};

/** The first rule of the rulebook's moderation section with a pattern matching the text holds it; no match passes. */
export function moderateText(text: string, moderation: ModerationRulebook, rulebookVersion: string): ModerationVerdict {
  for (const rule of moderation.rules) {
    if (patternsOf(rule).some((pattern) => pattern.test(text))) {
      return { verdict: 'hold', ruleId: rule.ruleId, category: rule.category, rulebookVersion };
    }
  }
  return { verdict: 'pass' };
}
