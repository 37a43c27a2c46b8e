import { ManualClock } from '../ports/clock';
import type { MessageBus } from '../ports/message-bus';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { contractMessageRouting, publishingToTheLog } from '../testing/log-bus-harness';
import { messageBusContract } from '../testing/message-bus.contract';
import type { StoreHarness } from '../testing/store-harness';
import { InMemoryGroupOffsets } from './group-offsets';
import { LogMessageBus } from './log-message-bus';

const quietLogger = { warn: () => undefined, error: () => undefined };

/** The log bus on an in-memory log and offsets; reopen() keeps both, as a restart keeps the files. */
async function inMemoryLogBus(): Promise<StoreHarness<MessageBus>> {
  const log = new InMemoryEventStore(new ManualClock(new Date('2026-11-02T08:00:00.000Z')));
  const offsets = new InMemoryGroupOffsets();
  const open = (): MessageBus =>
    publishingToTheLog(
      new LogMessageBus({ log, offsets, routing: contractMessageRouting, lanes: 4, retry: { initialDelayMs: 5, maxDelayMs: 40, drainFailsAfterAttempts: 1000 }, logger: quietLogger }),
      log,
    );
  let current = open();
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = open();
      return current;
    },
    dispose: () => current.close(),
  };
}

messageBusContract('LogMessageBus in memory', inMemoryLogBus);
