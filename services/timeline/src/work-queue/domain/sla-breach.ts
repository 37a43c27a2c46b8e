import { text, type WorkEvent } from './work-source';

/**
 * One deadline that passed while it still ran, as a breach event recorded it: a case's (first response, resolution,
 * evidence, awaiting the buyer) or a bad-review follow-up's (first contact, resolution). `metric` names the source and
 * the deadline (`dispute.first_response`, `review_follow_up.first_contact`), so the two sources' `resolution` differ.
 */
export interface SlaBreach {
  metric: string;
  /** The case or follow-up whose deadline passed. */
  subjectId: string;
  orderId: string;
  shopId: string;
  dueAt: string;
  breachedAt: string;
  /** The evidence request, for an evidence deadline. */
  requestId?: string;
}

const SOURCES: Record<string, { prefix: string; subject: string }> = {
  DisputeSlaBreached: { prefix: 'dispute', subject: 'disputeId' },
  ReviewFollowUpSlaBreached: { prefix: 'review_follow_up', subject: 'followUpId' },
};

export const SLA_BREACH_EVENT_TYPES: readonly string[] = Object.keys(SOURCES);

/** The breach an event records; undefined for any other event (or one missing what a breach needs). */
export function slaBreachOf({ type, data }: WorkEvent): SlaBreach | undefined {
  const source = SOURCES[type];
  if (!source) return undefined;
  const [subjectId, orderId, shopId, metric, breachedAt] = [source.subject, 'orderId', 'shopId', 'metric', 'breachedAt'].map((field) => text(data, field));
  if (!subjectId || !orderId || !shopId || !metric || !breachedAt) return undefined;
  const requestId = text(data, 'requestId');
  return {
    metric: `${source.prefix}.${metric}`,
    subjectId,
    orderId,
    shopId,
    dueAt: text(data, 'dueAt') ?? breachedAt,
    breachedAt,
    ...(requestId ? { requestId } : {}),
  };
}
