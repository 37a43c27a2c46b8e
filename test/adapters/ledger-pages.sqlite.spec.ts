import { SqliteReadModelStore } from '@aftersales/sqlite';
import { ledgerPagesSuite } from '../../services/refund/src/ledger/testing/ledger-pages.suite';

// The ledger's range queries on the real embedded read-model store (the service's own spec runs them in memory).
ledgerPagesSuite('SQLite', () => new SqliteReadModelStore({ path: ':memory:' }));
