import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@aftersales/kernel';
import { SeededRandom } from './seeded-random';

/** One review's or follow-up's events, appended as one stream. */
export interface ReviewSubject {
  streamId: string;
  events: { type: string; schemaVersion: number; data: Record<string, unknown> }[];
}

export interface ShopCounts {
  positive: number;
  neutral: number;
  negative: number;
  opened: number;
  contactedInTime: number;
  revisedUpward: number;
}

export interface ReviewHistory {
  subjects: ReviewSubject[];
  events: number;
  /** What every shop's rating must read after a rebuild: the generator's own count. */
  expected: Map<string, ShopCounts>;
}

const SHOPS = 200;
const iso = (minutes: number): string => new Date(Date.UTC(2026, 10, 2) + minutes * 60_000).toISOString();
type Rating = 'positive' | 'neutral' | 'negative';

/**
 * About `events` events of a review service's log in the proportions of a marketplace: most reviews positive, one in
 * ten held by moderation (the platform publishes most of them), every published neutral or negative review with its
 * follow-up (contacted, mostly in time; a third revised upwards and closed as revised), a few upheld malicious appeals.
 */
export function generateReviewHistory(events: number, seed = 13): ReviewHistory {
  const prng = new SeededRandom(seed);
  const random = (): number => prng.next();
  const subjects: ReviewSubject[] = [];
  const expected = new Map<string, ShopCounts>();
  const countsOf = (shopId: string): ShopCounts => {
    let counts = expected.get(shopId);
    if (!counts) expected.set(shopId, (counts = { positive: 0, neutral: 0, negative: 0, opened: 0, contactedInTime: 0, revisedUpward: 0 }));
    return counts;
  };
  let count = 0;
  for (let n = 0; count < events; n++) {
    const shopId = `shop-${n % SHOPS}`;
    const reviewId = `rev_b${n}`;
    const orderId = `ord-rv-${n}`;
    const t = n;
    const roll = random();
    const rating: Rating = roll < 0.8 ? 'positive' : roll < 0.9 ? 'neutral' : 'negative';
    const held = random() < 0.1;
    const keys = { reviewId, orderId, shopId };
    const review: ReviewSubject['events'] = [
      {
        type: 'ReviewPosted',
        schemaVersion: 2,
        data: { ...keys, buyerId: `buyer-${n}`, rating, score: rating === 'positive' ? 5 : rating === 'neutral' ? 3 : 1, text: 'ok', images: [], status: held ? 'held' : 'published', postedAt: iso(t), completedAt: iso(t), rulebookVersion: '2026-12-v5', basedOn: ['e'] },
      },
    ];
    let published = !held;
    if (held) {
      published = random() < 0.7;
      review.push({ type: 'ReviewModerated', schemaVersion: 1, data: { ...keys, content: 'review', decision: published ? 'publish' : 'reject', reason: 'checked', hold: { ruleId: 'moderation.contact_details.cn_mobile', category: 'contact_details', rulebookVersion: '2026-12-v5' }, moderatorId: 'xiao-er-1', moderatedAt: iso(t + 30) } });
    }
    let counted: Rating | undefined = published ? rating : undefined;
    const followUp: ReviewSubject['events'] = [];
    if (published && rating !== 'positive') {
      const followUpId = `rfu_b${n}`;
      const fkeys = { followUpId, reviewId, orderId, shopId };
      const counts = countsOf(shopId);
      counts.opened += 1;
      followUp.push({ type: 'ReviewFollowUpOpened', schemaVersion: 2, data: { ...fkeys, buyerId: `buyer-${n}`, rating, deadlines: { firstContactBy: iso(t + 1440), resolveBy: iso(t + 4320) }, ruleIds: { firstContact: 'review_follow_up.first_contact', resolution: 'review_follow_up.resolution' }, rulebookVersion: '2026-12-v5', basedOn: ['e'], openedAt: iso(t) } });
      if (random() < 0.8) {
        const after = Math.floor(random() * 2000);
        counts.contactedInTime += after <= 1440 ? 1 : 0;
        followUp.push({ type: 'ReviewFollowUpBuyerContacted', schemaVersion: 2, data: { ...fkeys, agentId: 'agent-1', channel: 'phone', note: 'called', firstContactBy: iso(t + 1440), withinDeadline: after <= 1440, contactedAt: iso(t + after) } });
        if (random() < 0.33) {
          counts.revisedUpward += 1;
          review.push({ type: 'ReviewRevised', schemaVersion: 2, data: { ...keys, buyerId: `buyer-${n}`, from: { rating, score: 1 }, to: { rating: 'positive', score: 5 }, revisedAt: iso(t + 2500), ruleId: 'review.revision', rulebookVersion: '2026-12-v5' } });
          followUp.push({ type: 'ReviewFollowUpClosed', schemaVersion: 1, data: { ...fkeys, outcome: 'revised', closedBy: 'system', withinDeadline: true, basedOn: ['e'], closedAt: iso(t + 2500) } });
          counted = 'positive';
        }
      }
      if (counted === 'negative' && random() < 0.1) {
        review.push({ type: 'MaliciousReviewAppealDecided', schemaVersion: 1, data: { appealId: `apl_${reviewId}`, reviewId, orderId, upheld: true, reviewRemoved: true, arbitratorId: 'xiao-er-1', explanation: 'extortion', decidedAt: iso(t + 3000) } });
        counted = undefined;
      }
    }
    if (counted) countsOf(shopId)[counted] += 1;
    subjects.push({ streamId: `review-${reviewId}`, events: review });
    count += review.length;
    if (followUp.length > 0) {
      subjects.push({ streamId: `review-follow-up-rfu_b${n}`, events: followUp });
      count += followUp.length;
    }
  }
  return { subjects, events: count, expected };
}

/** Appends every subject's stream, `chunk` streams per group commit. */
export async function seedReviewLog(store: EventStore, history: ReviewHistory, chunk = 2000): Promise<void> {
  const actor = { id: 'system', role: 'system' as const };
  for (let start = 0; start < history.subjects.length; start += chunk) {
    await Promise.all(
      history.subjects.slice(start, start + chunk).map((subject) => {
        const events: NewEvent[] = subject.events.map((event) => ({
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: { occurredAt: iso(0), correlationId: randomUUID(), causationId: null, actor },
        }));
        return store.append(subject.streamId, events, 'no_stream');
      }),
    );
  }
}
