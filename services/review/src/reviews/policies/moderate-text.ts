import type { ModerationCategory, ModerationRulebook } from '@aftersales/contracts';
import { firstModerationMatch } from './moderation-matcher';

/** What the moderation rules say about a text: it may be published, or it is held naming the rule that matched. */
export type ModerationVerdict =
  { verdict: 'pass' } | { verdict: 'hold'; ruleId: string; category: ModerationCategory; rulebookVersion: string };

/**
 * The first rule of the rulebook's moderation section (in its order) with a pattern matching the text holds it; no
 * match passes. The text is read as a person reads it (see normaliseForModeration); the rules are compiled once per
 * rulebook section.
 */
export function moderateText(text: string, moderation: ModerationRulebook, rulebookVersion: string): ModerationVerdict {
  const match = firstModerationMatch(text, moderation);
  return match ? { verdict: 'hold', ruleId: match.ruleId, category: match.category, rulebookVersion } : { verdict: 'pass' };
}
