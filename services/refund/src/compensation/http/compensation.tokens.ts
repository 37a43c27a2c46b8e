/** Nest injection token of the CompensationService facade. */
export const COMPENSATION_SERVICE_TOKEN = Symbol('CompensationService');
