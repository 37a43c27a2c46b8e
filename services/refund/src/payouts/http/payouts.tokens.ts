/** Nest injection token of the PayoutService facade. */
export const PAYOUT_SERVICE_TOKEN = Symbol('PayoutService');
/** Nest injection token of the embedded fake payment provider (only mounted with it). */
export const FAKE_PAYMENT_PROVIDER_TOKEN = Symbol('FakePaymentProvider');
