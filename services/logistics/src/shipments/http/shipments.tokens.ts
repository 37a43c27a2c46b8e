/** Nest injection token of the LogisticsService facade. */
export const LOGISTICS_SERVICE_TOKEN = Symbol('LogisticsService');
