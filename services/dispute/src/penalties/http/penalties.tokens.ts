/** Nest injection token of the PenaltiesService. */
export const PENALTIES_SERVICE_TOKEN = Symbol('PenaltiesService');
