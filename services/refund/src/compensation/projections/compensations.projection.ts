import { toDomainEvent, type Projection } from '@aftersales/kernel';
import { compensationDecider, compensationPayoutId, type CompensationEvent, type CompensationState } from '../domain';
import { COMPENSATIONS_COLLECTION, compensationView, type CompensationView } from './compensation.document';

type StoredCompensation = CompensationView & { revision: number; state: CompensationState };

const types = new Set(['CompensationDecided', 'CompensationApproved', 'CompensationRejected', 'CompensationPaidOut']);

/** The `compensations` read model, folded with the decider's own evolve so it matches command responses. */
export const compensationsProjection: Projection = {
  name: 'compensations',
  collections: [COMPENSATIONS_COLLECTION],
  handles: (type) => types.has(type),
  async apply(event, uow) {
    if (!event.streamId.startsWith('compensation-')) return;
    const id = (event.data as { compensationId: string }).compensationId;
    const current = await uow.get<StoredCompensation>(COMPENSATIONS_COLLECTION, id);
    if (current && current.revision >= event.revision) return;
    const state = compensationDecider.evolve(current?.state ?? compensationDecider.initialState, toDomainEvent(event) as CompensationEvent);
    uow.put(COMPENSATIONS_COLLECTION, { ...compensationView(state, compensationPayoutId), revision: event.revision, state });
  },
};

/** The stored document without its folded state. */
export const publicCompensation = (doc: StoredCompensation | undefined): (CompensationView & { revision: number }) | undefined => {
  if (!doc) return undefined;
  const { state: _state, ...view } = doc;
  return view;
};
export type { StoredCompensation };
