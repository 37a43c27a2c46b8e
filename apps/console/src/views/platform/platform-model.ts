/** The platform view's pure part: what of a review waits for moderation, and the texts to show for it. */

export interface HeldText {
  content: 'review' | 'explanation' | 'follow_up_review' | 'revision';
  text: string;
  rule?: string;
}

interface Hold {
  ruleId?: string;
  [field: string]: unknown;
}

export interface ReviewView {
  id: string;
  orderId: string;
  shopId: string;
  buyerId: string;
  rating: string;
  score: number;
  text: string;
  status: string;
  postedAt?: string;
  moderation?: { hold?: Hold; decision?: string };
  explanation?: { text: string; status: string; hold?: Hold };
  followUpReview?: { text: string; status: string; hold?: Hold };
  revisions?: { text?: string; textStatus?: string; hold?: Hold }[];
  appeal?: { appealId: string; status: string; reason: string; evidence: { kind: string; ref: string }[]; filedAt: string };
}

const ruleOf = (hold: Hold | undefined): string | undefined => hold?.ruleId;

/** The held texts of a review, in the order the platform moderates them (the server's order). */
export function heldTexts(review: ReviewView): HeldText[] {
  const held: (HeldText | undefined)[] = [
    review.status === 'held' ? { content: 'review', text: review.text, rule: ruleOf(review.moderation?.hold) } : undefined,
    review.explanation?.status === 'held' ? { content: 'explanation', text: review.explanation.text, rule: ruleOf(review.explanation.hold) } : undefined,
    review.followUpReview?.status === 'held' ? { content: 'follow_up_review', text: review.followUpReview.text, rule: ruleOf(review.followUpReview.hold) } : undefined,
    ...(review.revisions ?? []).filter((r) => r.textStatus === 'held').map((r): HeldText => ({ content: 'revision', text: r.text ?? '', rule: ruleOf(r.hold) })),
  ];
  return held.filter((text): text is HeldText => text !== undefined);
}
