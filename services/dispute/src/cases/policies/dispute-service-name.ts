/** The runtime (and timer owner) name of the case capability. */
export const DISPUTE_SERVICE = 'dispute';
