import type { Actor } from '@aftersales/contracts';
import { CommandHandler, type AggregateDefinition } from './command-handler';
import type { Decider } from '../decider';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { ManualClock } from '../ports/clock';

type Cmd = { type: 'Open' } | { type: 'Note'; text: string };
type Ev = { type: 'Opened'; data: Record<string, never> } | { type: 'Noted'; data: { text: string } };
type State = { notes: string[]; count: number } | null;

const board: Decider<Cmd, State, Ev> = {
  initialState: null,
  decide: (command, state) => (command.type === 'Open' ? (state ? [] : [{ type: 'Opened', data: {} }]) : [{ type: 'Noted', data: { text: command.text } }]),
  evolve: (state, event) => (event.type === 'Opened' ? { notes: [], count: 0 } : { notes: [...state!.notes, event.data.text], count: state!.count + 1 }),
};

/** The same fold, changing the state it is given: the list is the state's own. */
const inPlace = (state: State, event: Ev): State => {
  if (state === null || event.type === 'Opened') return board.evolve(state, event);
  state.notes.push(event.data.text);
  state.count += 1;
  return state;
};

const aggregate: AggregateDefinition<Cmd, State, Ev> = {
  decider: board,
  schemaVersionOf: () => 1,
  ownedState: { evolve: inPlace, copy: (state) => (state === null ? null : { ...state, notes: state.notes.slice() }) },
};

const actor: Actor = { id: 'agent-7', role: 'agent' };
const setup = () => {
  const clock = new ManualClock(new Date('2026-11-01T00:00:00Z'));
  const store = new InMemoryEventStore(clock);
  return { store, clock, handler: new CommandHandler(store, clock, aggregate) };
};
const note = (text: string): Cmd => ({ type: 'Note', text });

describe('CommandHandler with an aggregate whose cached state it folds in place', () => {
  it('given a result, when later commands land on the stream, then the result still shows its own revision', async () => {
    const { handler } = setup();
    await handler.handle('board-1', { type: 'Open' }, { actor });

    const first = await handler.handle('board-1', note('a'), { actor });
    const second = await handler.handle('board-1', note('b'), { actor });
    await handler.handle('board-1', note('c'), { actor });

    expect(first.state).toEqual({ notes: ['a'], count: 1 });
    expect(second.state).toEqual({ notes: ['a', 'b'], count: 2 });
  });

  it('given a loaded state and a command with no events, when later commands land, then neither changes', async () => {
    const { handler } = setup();
    await handler.handle('board-1', { type: 'Open' }, { actor });
    await handler.handle('board-1', note('a'), { actor });

    const loaded = await handler.load('board-1');
    const unchanged = await handler.handle('board-1', { type: 'Open' }, { actor });
    await handler.handle('board-1', note('b'), { actor });

    expect(loaded).toEqual({ revision: 1, state: { notes: ['a'], count: 1 } });
    expect(unchanged.state).toEqual({ notes: ['a'], count: 1 });
    expect((await handler.load('board-1')).state).toEqual({ notes: ['a', 'b'], count: 2 });
  });

  it('given another writer appended since the state was cached, when a command lands, then it folds from the log and equals the pure fold', async () => {
    const { store, clock, handler } = setup();
    const other = new CommandHandler(store, clock, aggregate);
    await handler.handle('board-1', { type: 'Open' }, { actor });
    await handler.handle('board-1', note('a'), { actor });

    await other.handle('board-1', note('from elsewhere'), { actor });
    const result = await handler.handle('board-1', note('b'), { actor });

    expect(result.state).toEqual({ notes: ['a', 'from elsewhere', 'b'], count: 3 });
    const events = await store.readStream('board-1');
    expect(events.map((event) => event.type)).toEqual(['Opened', 'Noted', 'Noted', 'Noted']);
  });

  it('given a new stream, when it is opened, then the decider’s initial state is not what is changed', async () => {
    const initial = { notes: [] as string[], count: 0 };
    const { store, clock } = setup();
    const shared: AggregateDefinition<Cmd, State, Ev> = { ...aggregate, decider: { ...board, initialState: initial, decide: (c) => (c.type === 'Note' ? [{ type: 'Noted', data: { text: c.text } }] : []) } };
    const handler = new CommandHandler(store, clock, shared);

    await handler.handle('board-1', note('a'), { actor });
    await handler.handle('board-2', note('b'), { actor });

    expect(initial).toEqual({ notes: [], count: 0 });
    expect((await handler.load('board-2')).state).toEqual({ notes: ['b'], count: 1 });
  });
});
