import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, InMemoryReadModelStore, ProjectionRunner, type NewEvent, type ReadModelStore } from '@aftersales/kernel';
import { SHOP_RATING_FOLLOW_UPS_COLLECTION, SHOP_RATING_REVIEWS_COLLECTION, SHOP_RATINGS_COLLECTION, shopRatingsProjection } from '../projections';

/** Stored review and follow-up events for the ratings read model's tests, in the shapes the review service writes. */

export const minute = (n: number): string => new Date(Date.UTC(2026, 10, 20, 8) + n * 60_000).toISOString();

export interface LoggedEvent {
  streamId: string;
  event: NewEvent;
}

const logged = (streamId: string, type: string, schemaVersion: number, data: Record<string, unknown>, at: string): LoggedEvent => ({
  streamId,
  event: { eventId: randomUUID(), type, schemaVersion, data, metadata: { occurredAt: at, correlationId: randomUUID(), causationId: null, actor: { id: 'tester', role: 'system' } } },
});

type Rating = 'positive' | 'neutral' | 'negative';

export const reviewPosted = (reviewId: string, shopId: string, rating: Rating, status: 'published' | 'held' = 'published', at = minute(0)) =>
  logged(`review-${reviewId}`, 'ReviewPosted', 2, {
    reviewId,
    orderId: `ord-${reviewId}`,
    shopId,
    buyerId: 'buyer-1',
    rating,
    score: rating === 'positive' ? 5 : rating === 'neutral' ? 3 : 1,
    text: 'text',
    images: [],
    status,
    ...(status === 'held' ? { hold: { ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion: '2026-12-v5' } } : {}),
    postedAt: at,
    completedAt: at,
    rulebookVersion: '2026-12-v5',
    basedOn: ['e-1'],
  }, at);

/** A v1 review: published at once, no status field. */
export const reviewPostedV1 = (reviewId: string, shopId: string, rating: Rating) =>
  logged(`review-${reviewId}`, 'ReviewPosted', 1, { reviewId, orderId: `ord-${reviewId}`, shopId, buyerId: 'buyer-1', rating, score: 3, text: 't', skus: [], postedAt: minute(0), rulebookVersion: '2026-12-v4' }, minute(0));

export const reviewModerated = (reviewId: string, shopId: string, decision: 'publish' | 'reject', content = 'review') =>
  logged(`review-${reviewId}`, 'ReviewModerated', 1, {
    reviewId,
    orderId: `ord-${reviewId}`,
    shopId,
    content,
    decision,
    reason: 'checked',
    hold: { ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion: '2026-12-v5' },
    moderatorId: 'xiao-er-1',
    moderatedAt: minute(30),
  }, minute(30));

export const reviewRevised = (reviewId: string, shopId: string, from: Rating, to: Rating) =>
  logged(`review-${reviewId}`, 'ReviewRevised', 2, {
    reviewId,
    orderId: `ord-${reviewId}`,
    shopId,
    buyerId: 'buyer-1',
    from: { rating: from, score: 1 },
    to: { rating: to, score: 5 },
    revisedAt: minute(600),
    ruleId: 'review.revision',
    rulebookVersion: '2026-12-v5',
  }, minute(600));

export const appealDecided = (reviewId: string, _shopId: string, upheld: boolean) =>
  logged(`review-${reviewId}`, 'MaliciousReviewAppealDecided', 1, { appealId: `apl_${reviewId}`, reviewId, orderId: `ord-${reviewId}`, upheld, reviewRemoved: upheld, arbitratorId: 'xiao-er-1', explanation: 'extortion', decidedAt: minute(900) }, minute(900));

const followUpStream = (followUpId: string) => `review-follow-up-${followUpId}`;

export const followUpOpened = (followUpId: string, shopId: string, openedAtMinute: number) =>
  logged(followUpStream(followUpId), 'ReviewFollowUpOpened', 2, {
    followUpId,
    reviewId: `rev-${followUpId}`,
    orderId: `ord-${followUpId}`,
    shopId,
    buyerId: 'buyer-1',
    rating: 'negative',
    deadlines: { firstContactBy: minute(openedAtMinute + 24 * 60), resolveBy: minute(openedAtMinute + 72 * 60) },
    ruleIds: { firstContact: 'review_follow_up.first_contact', resolution: 'review_follow_up.resolution' },
    rulebookVersion: '2026-12-v5',
    basedOn: ['e-1'],
    openedAt: minute(openedAtMinute),
  }, minute(openedAtMinute));

export const buyerContacted = (followUpId: string, shopId: string, openedAtMinute: number, contactedAtMinute: number) =>
  logged(followUpStream(followUpId), 'ReviewFollowUpBuyerContacted', 2, {
    followUpId,
    reviewId: `rev-${followUpId}`,
    orderId: `ord-${followUpId}`,
    shopId,
    agentId: 'agent-1',
    channel: 'phone',
    note: 'called',
    firstContactBy: minute(openedAtMinute + 24 * 60),
    withinDeadline: contactedAtMinute <= openedAtMinute + 24 * 60,
    contactedAt: minute(contactedAtMinute),
  }, minute(contactedAtMinute));

export const followUpClosed = (followUpId: string, shopId: string, outcome: 'explained' | 'unresolved' | 'appealed' | 'revised') =>
  logged(followUpStream(followUpId), 'ReviewFollowUpClosed', 1, {
    followUpId,
    reviewId: `rev-${followUpId}`,
    orderId: `ord-${followUpId}`,
    shopId,
    outcome,
    closedBy: 'agent-1',
    withinDeadline: true,
    basedOn: [],
    closedAt: minute(3000),
  }, minute(3000));

/** Every document of the ratings read model, for comparing a live fold with a rebuild. */
export async function ratingDocuments(readModels: ReadModelStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const collection of [SHOP_RATINGS_COLLECTION, SHOP_RATING_REVIEWS_COLLECTION, SHOP_RATING_FOLLOW_UPS_COLLECTION]) {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await readModels.find(collection, { limit: 500, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    out[collection] = items.sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)));
  }
  return out;
}

/** The ratings read model folded live (caught up after every append), over an in-memory log. */
export async function liveRatings(events: readonly LoggedEvent[]) {
  const store = new InMemoryEventStore();
  const readModels = new InMemoryReadModelStore();
  const runner = new ProjectionRunner(store, readModels, shopRatingsProjection);
  for (const { streamId, event } of events) {
    await store.append(streamId, [event], 'any');
    await runner.catchUp();
  }
  return { store, readModels, runner };
}
