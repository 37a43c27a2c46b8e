import { join } from 'node:path';
import { LogMessageBus, ManualClock, type MessageBus } from '@aftersales/kernel';
import { contractMessageRouting, messageBusContract, publishingToTheLog } from '@aftersales/kernel/testing';
import { inTempFolder } from '../__tests__/temp-store';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { SqliteGroupOffsets } from './sqlite-group-offsets';

const quietLogger = { warn: () => undefined, error: () => undefined };

/** The log bus on a SQLite log and offsets file in a fresh folder; reopen() is a process restart. */
const logBusHarness = () =>
  inTempFolder((folder): MessageBus => {
    const log = new SqliteEventStore({ path: join(folder, 'events.db'), clock: new ManualClock(new Date('2026-11-02T08:00:00.000Z')) });
    const offsets = new SqliteGroupOffsets({ filename: join(folder, 'bus.db') });
    const bus = new LogMessageBus({
      log,
      offsets,
      routing: contractMessageRouting,
      lanes: 4,
      retry: { initialDelayMs: 5, maxDelayMs: 40, drainFailsAfterAttempts: 1000 },
      logger: quietLogger,
    });
    const publishing = publishingToTheLog(bus, log);
    return {
      ...publishing,
      close: async () => {
        await bus.close();
        await log.close();
      },
    };
  });

messageBusContract('LogMessageBus on SQLite', logBusHarness);
