/** The shop view's pure part: the rating, follow-up and penalty figures as chart data. */

export interface ShopRating {
  shopId: string;
  positive: number;
  neutral: number;
  negative: number;
  score: number;
  positiveRate: number | null;
  followUps: { opened: number; contactedInTime: number; revisedUpward: number; revisionRate: number | null; medianMinutesToContact: number | null };
}

export interface PenaltyPoints {
  shopId: string;
  year: number;
  points: number;
  restrictions: { kind: string; from: string; until?: string }[];
  violations: {
    id: string;
    type: string;
    points: number;
    at: string;
    orderId: string;
    disputeId?: string;
    basedOn: string[];
    rule: { id: string; version: string };
    /** The ruling on appeal that no longer found the violation: its points no longer count. */
    revoked?: { at: string; rulingId: string; basedOn: string[] };
  }[];
}

export const RATINGS = ['positive', 'neutral', 'negative'] as const;

/** One bar per rating (好评/中评/差评). */
export const ratingBars = (rating: ShopRating) => RATINGS.map((key) => ({ key, count: rating[key] }));

/** The follow-ups as bars: opened, contacted in time, revised upward. */
export const followUpBars = (rating: ShopRating) =>
  (['opened', 'contactedInTime', 'revisedUpward'] as const).map((key) => ({ key, count: rating.followUps[key] }));

/** A rate of 0..1 as a percentage with one decimal; a dash when there is nothing to rate. */
export const percent = (rate: number | null, locale: string): string =>
  rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);

/**
 * The points accumulated over the year in time order (the line of the points chart): a step up per violation, and a
 * step down when a ruling on appeal revoked one.
 */
export function pointsOverTime(points: PenaltyPoints): { at: string; points: number; type: string }[] {
  const changes = points.violations.flatMap((violation) => [
    { at: violation.at, delta: violation.points, type: violation.type },
    ...(violation.revoked ? [{ at: violation.revoked.at, delta: -violation.points, type: violation.type }] : []),
  ]);
  let total = 0;
  return changes
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((change) => ({ at: change.at, points: (total += change.delta), type: change.type }));
}
