import type { Projection, RecordedEvent } from '@aftersales/kernel';
import { withoutUndefined } from '@aftersales/kernel';
import type { ShopPenaltyEvent } from '../domain';
import { PENALTY_POINTS_COLLECTION, penaltyPointsDocumentId, type PenaltyPointsDocument } from './penalty-points.document';

const handled = new Set(['PenaltyPointsAssessed', 'PenaltyPointsRevoked', 'ShopRestricted', 'ShopRestrictionLifted']);

/** `shop_penalty_points`: one document per shop and year, folded from its penalty stream (rebuildable from the log). */
export const penaltyPointsProjection: Projection = {
  name: 'shop_penalty_points',
  collections: [PENALTY_POINTS_COLLECTION],
  handles: (eventType) => handled.has(eventType),
  reads: 'payload',
  async apply(event, uow) {
    if (!event.streamId.startsWith('shop-penalty-') || (event.type === 'PenaltyPointsAssessed' && event.schemaVersion < 2)) return;
    const { shopId, year } = event.data as { shopId: string; year: number };
    const id = penaltyPointsDocumentId(shopId, year);
    const current = await uow.get<PenaltyPointsDocument>(PENALTY_POINTS_COLLECTION, id);
    if (current && current.revision >= event.revision) return;
    uow.put(PENALTY_POINTS_COLLECTION, nextDocument(current ?? emptyDocument(id, shopId, year), event));
  },
};

const emptyDocument = (id: string, shopId: string, year: number): PenaltyPointsDocument => ({
  id,
  shopId,
  year,
  points: 0,
  restrictions: [],
  violations: [],
  revision: -1,
});

function nextDocument(doc: PenaltyPointsDocument, recorded: RecordedEvent): PenaltyPointsDocument {
  const event = { type: recorded.type, data: recorded.data } as ShopPenaltyEvent;
  const next = { ...doc, revision: recorded.revision };
  switch (event.type) {
    case 'PenaltyPointsAssessed': {
      const d = event.data;
      const violation = withoutUndefined({
        id: d.assessmentId,
        type: d.violation,
        points: d.points,
        at: d.assessedAt,
        orderId: d.orderId,
        disputeId: d.disputeId,
        basedOn: d.basedOn,
        rule: { id: d.ruleId, version: d.rulebookVersion },
      });
      return { ...next, points: d.totalPoints, violations: [...doc.violations, violation] };
    }
    case 'PenaltyPointsRevoked': {
      const d = event.data;
      const revoked = { at: d.revokedAt, rulingId: d.rulingId, basedOn: d.basedOn };
      return { ...next, points: d.totalPoints, violations: doc.violations.map((v) => (v.id === d.assessmentId ? { ...v, revoked } : v)) };
    }
    case 'ShopRestricted': {
      const { kind, from, until } = event.data;
      return { ...next, restrictions: [...doc.restrictions, withoutUndefined({ kind, from, until })] };
    }
    case 'ShopRestrictionLifted': {
      const { kind, restrictionFrom } = event.data;
      return { ...next, restrictions: doc.restrictions.filter((r) => !(r.kind === kind && r.from === restrictionFrom)) };
    }
  }
}
