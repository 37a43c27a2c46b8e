import type { Decider, DomainEvent } from '../decider';
import { DomainError, illegalTransition, ruleViolation } from '../errors';
import type { RecordedEvent } from '../ports/event-store';
import { asRecorded, deciderSpec } from './decider-spec';
import { givenDecider } from './given-decider';

// A toy tab: drinks are added until it is closed; nothing over the limit, nothing after closing.
type TabCommand = { type: 'AddDrink'; price: number } | { type: 'CloseTab' };
type TabEvent = { type: 'DrinkAdded'; data: { price: number } } | { type: 'TabClosed'; data: { total: number } };
type TabState = { total: number; open: boolean };

const LIMIT = 20;
const tab: Decider<TabCommand, TabState, TabEvent> = {
  initialState: { total: 0, open: true },
  decide(command, state) {
    if (!state.open) throw illegalTransition(command.type, 'closed', 'tab.closed');
    if (command.type === 'CloseTab') return [{ type: 'TabClosed', data: { total: state.total } }];
    if (command.price === 0) return [];
    if (state.total + command.price > LIMIT) throw ruleViolation('tab.limit', `a tab holds at most ${LIMIT}`);
    return [{ type: 'DrinkAdded', data: { price: command.price } }];
  },
  evolve(state, event) {
    return event.type === 'DrinkAdded' ? { ...state, total: state.total + event.data.price } : { ...state, open: false };
  },
};

const added = (price: number): TabEvent => ({ type: 'DrinkAdded', data: { price } });
const spec = deciderSpec(tab);

describe('deciderSpec', () => {
  it('given past events, when a command is decided, then it asserts the new events and hands back the outcome', () => {
    const outcome = spec.given([added(5), added(3)]).when({ type: 'CloseTab' }).then([{ type: 'TabClosed', data: { total: 8 } }]);

    expect(outcome.state).toEqual({ total: 8, open: false });
  });

  it('given no history, then the command is decided on the initial state', () => {
    spec.given().when({ type: 'AddDrink', price: 4 }).then([added(4)]);
  });

  it('when the command yields other events than expected, then `then` fails with the difference', () => {
    const when = spec.given([added(5)]).when({ type: 'AddDrink', price: 2 });

    expect(() => when.then([added(3)])).toThrow(/"price": 3/);
    expect(() => when.then([])).toThrow();
    expect(() => when.then([added(2), added(2)])).toThrow();
  });

  it('when the command is refused, then `then` fails with the refusal', () => {
    expect(() => spec.given([added(15)]).when({ type: 'AddDrink', price: 10 }).then([added(10)])).toThrow(DomainError);
  });

  it('when the command changes nothing, then `thenNothing` passes, and fails when it does decide events', () => {
    spec.given([added(5)]).when({ type: 'AddDrink', price: 0 }).thenNothing();

    expect(() => spec.given().when({ type: 'AddDrink', price: 1 }).thenNothing()).toThrow();
  });

  it('when the command breaks a rule, then `thenRefuses` returns the DomainError with that code', () => {
    const error = spec.given([added(15)]).when({ type: 'AddDrink', price: 10 }).thenRefuses('tab.limit');

    expect(error).toMatchObject({ kind: 'rule', details: { rule: 'tab.limit' } });
  });

  it('when the refusal has another code, or there is none, then `thenRefuses` fails and says so', () => {
    const overLimit = spec.given([added(15)]).when({ type: 'AddDrink', price: 10 });
    const accepted = spec.given().when({ type: 'AddDrink', price: 1 });

    expect(() => overLimit.thenRefuses('tab.closed')).toThrow(/tab\.closed/);
    expect(() => accepted.thenRefuses('tab.limit')).toThrow('AddDrink was expected to be refused, but it decided [{"type":"DrinkAdded","data":{"price":1}}]');
  });

  it('when the decider throws something else than a DomainError, then `thenRefuses` lets it through', () => {
    const broken: Decider<TabCommand, TabState, TabEvent> = {
      ...tab,
      decide: () => {
        throw new TypeError('bug');
      },
    };

    expect(() => deciderSpec(broken).given().when({ type: 'CloseTab' }).thenRefuses()).toThrow(TypeError);
  });

  it('then `thenState` checks the state after the command, by value or by a function of it', () => {
    const when = spec.given([added(5)]).when({ type: 'AddDrink', price: 2 });

    when.thenState({ total: 7, open: true });
    when.thenState((state) => expect(state.total).toBe(7));
    expect(() => when.thenState({ total: 5, open: true })).toThrow();
  });

  describe('with an upcast hook', () => {
    // Version 1 of DrinkAdded carried the price in cents.
    const upcast = (event: RecordedEvent): DomainEvent =>
      event.type === 'DrinkAdded' && event.schemaVersion === 1
        ? { type: 'DrinkAdded', data: { price: (event.data as { cents: number }).cents / 100 } }
        : { type: event.type, data: event.data };
    const upcasting = deciderSpec(tab, { upcast });

    it('given stored events of an old schema version, then the history is folded in the current shape', () => {
      const given = upcasting.given([
        { type: 'DrinkAdded', data: { cents: 500 }, schemaVersion: 1 },
        asRecorded({ type: 'DrinkAdded', data: { cents: 1200 }, schemaVersion: 1 }, 1),
        { type: 'DrinkAdded', data: { price: 1 }, schemaVersion: 2 },
        added(2),
      ]);

      expect(given.state.total).toBe(20);
      given.when({ type: 'AddDrink', price: 1 }).thenRefuses('tab.limit');
    });

    it('given no hook, then stored events are read as written', () => {
      const given = spec.given([{ type: 'DrinkAdded', data: { cents: 500 }, schemaVersion: 1 }]);

      expect(given.state.total).toBeNaN();
    });
  });
});

describe('givenDecider (history as commands)', () => {
  it('given past commands, when one more is decided, then its events and state come back', () => {
    const given = givenDecider(tab, [
      { type: 'AddDrink', price: 5 },
      { type: 'AddDrink', price: 3 },
    ]);

    expect(given.events).toEqual([added(5), added(3)]);
    expect(given.state).toEqual({ total: 8, open: true });
    expect(given.when({ type: 'CloseTab' })).toEqual({ events: [{ type: 'TabClosed', data: { total: 8 } }], state: { total: 8, open: false } });
  });

  it('when the next command is refused, then whenRefused returns the DomainError, and fails when it is not refused', () => {
    const given = givenDecider(tab, [{ type: 'CloseTab' }]);

    expect(given.whenRefused({ type: 'AddDrink', price: 1 })).toMatchObject({ code: 'tab.closed', kind: 'conflict' });
    expect(() => givenDecider(tab, []).whenRefused({ type: 'CloseTab' })).toThrow('CloseTab was expected to be refused');
  });
});
