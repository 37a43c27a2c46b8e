import type { ServiceRuntime } from '@aftersales/kernel';
import { ledgerProjection } from '../projections/ledger.projection';

/** The ledger is a read side: its projection, no timers. */
export const ledgerRuntime: ServiceRuntime = {
  name: 'ledger',
  projections: [ledgerProjection],
  timerPolicies: [],
  fireTimer: async (timer) => {
    throw new Error(`the ledger has no timers (got ${timer.timerId})`);
  },
};
