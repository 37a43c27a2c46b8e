import { noPenaltyPoints, PENALTY_POINTS_COLLECTION, penaltyPointsDocumentId, penaltyPointsView, type PenaltyPointsDocument, type PenaltyPointsView } from '../projections';
import { penaltyYearOf } from '../domain';
import type { PenaltiesDeps } from './penalties.types';

/** The shop's points in a calendar year (default: the clock's year); a year without assessments has none. */
export async function getPenaltyPoints({ platform }: Pick<PenaltiesDeps, 'platform'>, shopId: string, year?: number): Promise<PenaltyPointsView> {
  const wanted = year ?? penaltyYearOf(platform.clock.now().toISOString());
  const doc = await platform.readModels.get<PenaltyPointsDocument>(PENALTY_POINTS_COLLECTION, penaltyPointsDocumentId(shopId, wanted));
  return doc ? penaltyPointsView(doc) : noPenaltyPoints(shopId, wanted);
}
