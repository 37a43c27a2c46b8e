import { orderEvents, type Actor } from '@aftersales/contracts';
import { CommandHandler, SystemClock, type AggregateDefinition, type CommandContext } from '@aftersales/kernel';
import * as orderPackage from '@aftersales/order';
import { orderDecider, orderStreamId, type OrderCommand, type OrderState } from '@aftersales/order';
import type { OrderEvent } from '@aftersales/contracts';
import { SqliteEventStore, type SqliteEventStoreOptions } from '@aftersales/sqlite';
import { addNoteCommand, benchOrderId, placeOrderCommand } from '../workload/sample-orders';
import { SeededRandom } from '../workload/seeded-random';

const agent: Actor = { id: 'agent-17', role: 'agent' };
const buyer: Actor = { id: 'buyer-1', role: 'buyer' };
const schemaVersions = new Map(orderEvents.map((d) => [d.type, d.version]));
/** An older checkout's order package has no orderAggregate. */
const order = orderPackage as { orderAggregate?: () => AggregateDefinition<OrderCommand, OrderState, OrderEvent> };

/**
 * Runs in a child process with BENCH_TARGET's packages (sections/write-section.ts). Internal API used:
 * SqliteEventStore({path, clock}), new CommandHandler(store, clock, orderAggregate() ?? {decider, schemaVersionOf}).handle(…),
 * orderDecider, orderStreamId, orderEvents.
 *
 * The write path under test: the kernel CommandHandler with the order decider on a SqliteEventStore
 * (its own durable file), plus a pool of placed orders to add notes to.
 */
export class CommandRig {
  readonly store: SqliteEventStore;
  readonly handler: CommandHandler<OrderCommand, OrderState, OrderEvent>;
  readonly orderIds: string[] = [];
  private notes = 0;

  /** `storeOptions` beyond path and clock (an older checkout's store ignores those it does not know). */
  constructor(path: string, storeOptions: Partial<SqliteEventStoreOptions> = {}) {
    const clock = new SystemClock();
    this.store = new SqliteEventStore({ ...storeOptions, path, clock });
    // the order service's own aggregate definition where the checkout has one, else its decider as the handler's
    this.handler = new CommandHandler(this.store, clock, order.orderAggregate?.() ?? { decider: orderDecider, schemaVersionOf: (type) => schemaVersions.get(type) ?? 1 });
  }

  /** Places `count` orders (64 at a time, not measured) so notes have somewhere to go. */
  async placeOrders(count: number): Promise<void> {
    const random = new SeededRandom(7);
    const ctx: CommandContext = { actor: buyer };
    const first = this.orderIds.length;
    for (let start = first; start < first + count; start += 64) {
      const ids = Array.from({ length: Math.min(64, first + count - start) }, (_, i) => benchOrderId(start + i));
      await Promise.all(ids.map((id) => this.handler.handle(orderStreamId(id), (at) => placeOrderCommand(id, at, random), ctx)));
      this.orderIds.push(...ids);
    }
  }

  /** One command: load the order, decide AddNote, append its event durably. Resolves to the events appended. */
  async addNote(orderId: string): Promise<number> {
    const sequence = ++this.notes;
    const result = await this.handler.handle(orderStreamId(orderId), (at) => addNoteCommand(orderId, at, sequence), { actor: agent });
    return result.events.length;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
