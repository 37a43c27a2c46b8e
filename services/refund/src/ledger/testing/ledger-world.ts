import { compensationWorld } from '../../compensation/testing/compensation-world';
import { createLedger } from '../application/ledger.queries';
import { ledgerRuntime } from '../application/ledger-runtime';

/** The compensation world with the ledger following its log: money moved by compensations, booked. */
export function ledgerWorld() {
  const w = compensationWorld({}, [ledgerRuntime]);
  return { ...w, ledger: createLedger(w.env.readModels) };
}
