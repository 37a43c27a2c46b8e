import { Coordinator, type ProcessAdmin } from './coordinator';

/** A process with a manual clock and timers; firing a timer appends an event, and `onSettle` can react to others. */
class FakeProcess implements ProcessAdmin {
  head = 0;
  lag = 0;
  clock: number;
  timers: Array<{ dueAt: number; id: string }> = [];
  readonly fired: Array<{ id: string; at: number }> = [];
  onSettle: () => void = () => undefined;

  constructor(
    readonly name: string,
    start: string,
  ) {
    this.clock = Date.parse(start);
  }
  async settle() {
    this.onSettle();
    return { head: this.head, lag: this.lag };
  }
  async nextTimer() {
    const [next] = [...this.timers].sort((a, b) => a.dueAt - b.dueAt);
    return next ? new Date(next.dueAt).toISOString() : null;
  }
  async now() {
    return new Date(this.clock).toISOString();
  }
  async setClock(to: string) {
    if (Date.parse(to) < this.clock) throw new Error('backwards');
    this.clock = Date.parse(to);
  }
  async fireDue() {
    const due = this.timers.filter((timer) => timer.dueAt <= this.clock);
    this.timers = this.timers.filter((timer) => timer.dueAt > this.clock);
    for (const timer of due) {
      this.fired.push({ id: timer.id, at: this.clock });
      this.head += 1;
    }
    return due.length;
  }
}

const START = '2026-11-02T08:00:00.000Z';
const HOUR = 3_600_000;

describe('Coordinator', () => {
  it('given timers in two processes, when advanced, then each fires at its own due time and every clock ends at the target', async () => {
    const order = new FakeProcess('order', START);
    const logistics = new FakeProcess('logistics', START);
    order.timers.push({ dueAt: Date.parse(START) + 12 * HOUR, id: 'reminder' }, { dueAt: Date.parse(START) + 72 * HOUR, id: 'close' });
    logistics.timers.push({ dueAt: Date.parse(START) + 24 * HOUR, id: 'expire' });
    const coordinator = new Coordinator(() => [order, logistics]);

    const result = await coordinator.advance(48 * HOUR);

    expect(result).toEqual({ now: '2026-11-04T08:00:00.000Z', firedTimers: 2 });
    expect(order.fired).toEqual([{ id: 'reminder', at: Date.parse(START) + 12 * HOUR }]);
    expect(logistics.fired).toEqual([{ id: 'expire', at: Date.parse(START) + 24 * HOUR }]);
    expect([order.clock, logistics.clock]).toEqual([Date.parse(START) + 48 * HOUR, Date.parse(START) + 48 * HOUR]);
  });

  it('given a fired timer whose consequence schedules another within the jump, then that one fires too', async () => {
    const order = new FakeProcess('order', START);
    const logistics = new FakeProcess('logistics', START);
    order.timers.push({ dueAt: Date.parse(START) + HOUR, id: 'first' });
    logistics.onSettle = () => {
      if (order.fired.length === 1 && logistics.timers.length === 0 && logistics.fired.length === 0) {
        logistics.timers.push({ dueAt: order.clock + HOUR, id: 'reaction' });
      }
    };
    const coordinator = new Coordinator(() => [order, logistics]);

    const result = await coordinator.advance(3 * HOUR);

    expect(result.firedTimers).toBe(2);
    expect(logistics.fired).toEqual([{ id: 'reaction', at: Date.parse(START) + 2 * HOUR }]);
  });

  it('given a process whose log grows during a round, when settled, then rounds go on until a round changed nothing and no lag is left', async () => {
    const order = new FakeProcess('order', START);
    const logistics = new FakeProcess('logistics', START);
    let reactions = 3;
    logistics.onSettle = () => {
      if (reactions > 0) {
        reactions -= 1;
        logistics.head += 1;
      }
    };
    order.lag = 1;
    order.onSettle = () => void (order.lag = reactions > 1 ? 1 : 0);

    const { rounds } = await new Coordinator(() => [order, logistics]).settle();

    expect(reactions).toBe(0);
    expect(rounds).toBe(4); // three rounds that grew the log, one that changed nothing
  });
});
