/**
 * The moderation matcher: the rulebook's patterns compiled once per rulebook, run against a normalised copy of the text.
 * Pure: no clock, no I/O. The patterns are data (the rulebook's `moderation` section); this file only knows how to read
 * text the way a person reads it (full-width digits are digits, "138 0013 8000" is one number).
 */
import type { ModerationCategory, ModerationRulebook } from '@aftersales/contracts';

/** The rulebook's moderation section, as far as the matcher reads it. */
export type ModerationRulesData = Pick<ModerationRulebook, 'rules'>;
type ModerationRuleData = ModerationRulesData['rules'][number];

export interface ModerationMatch {
  readonly ruleId: string;
  readonly category: ModerationCategory;
  /** The fragment of the normalised text that matched, for the moderator. */
  readonly fragment: string;
}

interface CompiledRule {
  readonly ruleId: string;
  readonly category: ModerationCategory;
  readonly patterns: readonly RegExp[];
}

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0', 零: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9',
};
/** Five or more numerals in a row spell a number ("一三八…"); shorter runs are words ("一个", "三四天"). */
const CHINESE_DIGIT_RUN = /[〇零一幺二两三四五六七八九壹贰叁肆伍陆柒捌玖]{5,24}/gu;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/gu;
/** Spaces, dashes, dots and the like between two digits are separators of one number: "138-0013 8000" → 13800138000. */
const DIGIT_SEPARATOR = /(?<=\d)[\s\-.·_—–~]{1,3}(?=\d)/gu;

/**
 * What the patterns see: NFKC (full-width → half-width, ① → 1, ℡ → tel), lower case, no invisible characters, Chinese
 * numeral runs as digits, and digit runs without their separators.
 */
export function normaliseForModeration(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(CHINESE_DIGIT_RUN, (run) => [...run].map((c) => CHINESE_DIGITS[c] ?? c).join(''))
    .replace(DIGIT_SEPARATOR, '');
}

/**
 * Quantifiers must be bounded (`{m,n}`, `?`): with review text at most 500 characters that bounds every pattern's work,
 * so no rulebook entry can backtrack catastrophically. `*`, `+` and `{m,}` outside a character class are refused.
 */
export function unboundedQuantifierIn(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return `${c} at ${i}`;
    else if (c === '{') {
      const quantifier = /^\{\d+,\}/.exec(source.slice(i));
      if (quantifier) return `${quantifier[0]} at ${i}`;
    }
  }
  return undefined;
}

function compileRule(rule: ModerationRuleData): CompiledRule {
  const patterns = rule.patterns.map((source) => {
    const unbounded = unboundedQuantifierIn(source);
    if (unbounded) throw new Error(`moderation rule ${rule.ruleId}: unbounded quantifier ${unbounded} in /${source}/`);
    return new RegExp(source, rule.flags.replace(/[gy]/g, ''));
  });
  return { ruleId: rule.ruleId, category: rule.category, patterns };
}

const compiled = new WeakMap<ModerationRulesData, readonly CompiledRule[]>();

/** The rulebook's rules as regular expressions, compiled the first time a rulebook's section is used. */
export function compiledModeration(moderation: ModerationRulesData): readonly CompiledRule[] {
  let rules = compiled.get(moderation);
  if (!rules) {
    rules = moderation.rules.map(compileRule);
    compiled.set(moderation, rules);
  }
  return rules;
}

/** The first rule, in rulebook order, one of whose patterns matches the normalised text; undefined when none does. */
export function firstModerationMatch(text: string, moderation: ModerationRulesData): ModerationMatch | undefined {
  const normalised = normaliseForModeration(text);
  for (const rule of compiledModeration(moderation)) {
    for (const pattern of rule.patterns) {
      const match = pattern.exec(normalised);
      if (match) return { ruleId: rule.ruleId, category: rule.category, fragment: match[0] };
    }
  }
  return undefined;
}
