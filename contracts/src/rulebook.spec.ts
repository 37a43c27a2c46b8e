import { Value } from '@sinclair/typebox/value';
import { registerContractFormats } from './formats';
import { currentRulebook, draftRulebooks, publishedOrDraftRulebook, rulebookVersion, rulebooks, RulebookSchema } from './rulebook';

registerContractFormats();

describe('rulebooks', () => {
  it('every published and draft rulebook matches the schema, and versions are unique', () => {
    const all = [...rulebooks, ...draftRulebooks];
    for (const book of all) expect([...Value.Errors(RulebookSchema, book)].map((e) => `${book.version}${e.path}: ${e.message}`)).toEqual([]);
    expect(new Set(all.map((b) => b.version)).size).toBe(all.length);
  });

  it('a draft is not in force: never current, not found as published, found for what-if replays', () => {
    const [draft] = draftRulebooks;
    expect(currentRulebook().version).not.toBe(draft.version);
    expect(rulebookVersion(draft.version)).toBeUndefined();
    expect(publishedOrDraftRulebook(draft.version)).toBe(draft);
    expect(publishedOrDraftRulebook(currentRulebook().version)).toBe(currentRulebook());
  });

  it('the draft differs from the current rulebook only where it says (late-shipment cap, approval threshold)', () => {
    const [draft] = draftRulebooks;
    const current = currentRulebook();
    expect(draft.compensation.lateShipment.capMinor).not.toBe(current.compensation.lateShipment.capMinor);
    expect({ ...draft.order, ...draft.refund }).toEqual({ ...current.order, ...current.refund });
  });

  it('since 2026-12-v5 the current rulebook has the review windows, the follow-up deadlines and moderation rules that compile', () => {
    const current = currentRulebook();
    expect(current.version).toBe('2026-12-v5');
    expect(current.review).toMatchObject({ windowDays: 15, reviseWithinDays: 30, explanationWithinDays: 30, followUpReviewWithinDays: 180, textMaxLength: 500 });
    expect(current.reviewFollowUp).toMatchObject({ firstContactHours: 24, resolveHours: 72, goodwillApprovalAboveMinor: current.compensation.supervisorApprovalAboveMinor });
    const rules = current.moderation?.rules ?? [];
    expect(rules.map((rule) => rule.category)).toEqual(expect.arrayContaining(['contact_details', 'link']));
    for (const rule of rules) for (const pattern of rule.patterns) expect(() => new RegExp(pattern, rule.flags)).not.toThrow();
  });
});
