import { runtimeWithoutTimers } from '@aftersales/kernel';
import { ledgerProjection } from '../projections/ledger.projection';

/** The ledger is a read side: its projection, no timers. */
export const ledgerRuntime = runtimeWithoutTimers('ledger', 'the ledger', [ledgerProjection]);
