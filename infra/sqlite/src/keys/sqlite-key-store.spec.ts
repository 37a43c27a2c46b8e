import { join } from 'node:path';
import { keyStoreContract } from '@aftersales/kernel/testing';
import { inTempFolder } from '../__tests__/temp-store';
import { SqliteKeyStore } from './sqlite-key-store';

keyStoreContract('SqliteKeyStore', () => inTempFolder((folder) => new SqliteKeyStore({ path: join(folder, 'keys.db') })));
