/** Nest injection token of the Ledger queries. */
export const LEDGER_TOKEN = Symbol('Ledger');
