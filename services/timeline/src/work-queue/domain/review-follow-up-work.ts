import type { WorkItem } from './work-item';
import { subjectId, text, type SubjectState, type WorkSource } from './work-source';

/** An open bad-review follow-up: its two deadlines, and which of them a breach event said passed. */
export interface FollowUpWork extends SubjectState {
  followUpId: string;
  orderId: string;
  shopId: string;
  firstContactBy: string;
  resolveBy: string;
  contacted: boolean;
  breached: string[];
  /** The refund service refused the partial refund the shop granted, and the shop has offered nothing since. */
  remedyRefused?: boolean;
}

const FOLLOW_UP_EVENTS = [
  'ReviewFollowUpOpened',
  'ReviewFollowUpBuyerContacted',
  'ReviewFollowUpSlaBreached',
  'ReviewFollowUpRemedyRefused',
  'ReviewFollowUpRemedyProposed',
  'ReviewFollowUpClosed',
] as const;

/**
 * Bad-review follow-ups from their opening until closed, due at their next running deadline (first contact until the
 * buyer is contacted, then resolution), overdue once `ReviewFollowUpSlaBreached` recorded a breach of a deadline still
 * running. A follow-up whose granted partial refund the refund service refused shows `remedy_refused` until the shop
 * offers another remedy (a closed follow-up takes none, so it stays off the queue).
 */
export const reviewFollowUpWork: WorkSource<FollowUpWork> = {
  name: 'review_follow_up',
  service: 'review',
  eventTypes: FOLLOW_UP_EVENTS,
  subjectOf: (event) => {
    const followUpId = text(event.data, 'followUpId');
    return followUpId ? subjectId('review_follow_up', followUpId) : undefined;
  },
  evolve(state, { type, data }) {
    if (type === 'ReviewFollowUpOpened') {
      const deadlines = data.deadlines as { firstContactBy?: string; resolveBy?: string } | undefined;
      if (!deadlines?.firstContactBy || !deadlines.resolveBy) return undefined; // v1 carried no deadlines: nothing to queue
      return {
        id: subjectId('review_follow_up', String(data.followUpId)),
        followUpId: String(data.followUpId),
        orderId: String(data.orderId),
        shopId: String(data.shopId),
        firstContactBy: deadlines.firstContactBy,
        resolveBy: deadlines.resolveBy,
        contacted: false,
        breached: [],
      };
    }
    if (!state) return undefined;
    switch (type) {
      case 'ReviewFollowUpBuyerContacted':
        return { ...state, contacted: true };
      case 'ReviewFollowUpSlaBreached':
        return { ...state, breached: [...new Set([...state.breached, String(data.metric)])] };
      case 'ReviewFollowUpRemedyRefused':
        return { ...state, remedyRefused: true };
      case 'ReviewFollowUpRemedyProposed':
        return state.remedyRefused ? { ...state, remedyRefused: false } : state;
      case 'ReviewFollowUpClosed':
        return undefined;
      default:
        return state;
    }
  },
  itemsOf(state): WorkItem[] {
    const running = state.contacted ? ['resolution'] : ['first_contact', 'resolution'];
    return [
      {
        kind: 'review_follow_up',
        id: state.followUpId,
        orderId: state.orderId,
        shopId: state.shopId,
        status: state.remedyRefused ? 'remedy_refused' : state.contacted ? 'contacted' : 'open',
        dueAt: state.contacted ? state.resolveBy : state.firstContactBy,
        overdue: state.breached.some((metric) => running.includes(metric)),
      },
    ];
  },
};
