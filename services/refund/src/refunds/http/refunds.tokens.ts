/** Nest injection token of the Refunds facade (refund requests). */
export const REFUNDS_TOKEN = Symbol('Refunds');
