import { commandBodyJson, JsonAnswer } from './json-answer';

const spreadJson = (view: object, revision: number, eventIds: string[]): string => JSON.stringify({ ...view, revision, eventIds });

describe('commandBodyJson', () => {
  const views: Array<[string, object]> = [
    [
      'an order-like state',
      { id: 'o-1', total: 100, paid: true, closeReason: null, items: [{ sku: 'tea', quantity: 1 }], address: { city: 'Hangzhou' } },
    ],
    ['no fields', {}],
    ['undefined, functions and symbols, left out as JSON.stringify does', { a: undefined, b: () => 1, c: Symbol('c'), d: 'kept' }],
    ['numbers JSON cannot hold, and -0', { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, negativeZero: -0, small: 1e-7, big: 1e21 }],
    ['text that needs escaping, in keys too', { 'quo"te': 'line\nbreak "quoted" \\ \u0000 \u2028 😀', [`tab\tkey`]: '\ud800' }],
    ['arrays with holes, nulls, undefined and nested arrays', { list: [1, null, undefined, [2, [3]], 'x', { y: undefined }], empty: [] }],
    [
      'arrays of objects before and after other fields',
      { items: [{ sku: 'a' }, { sku: 'b', note: 'a "quoted" \u0000 text' }], mid: 1, notes: [{ n: 1 }, null, [2], 'x'], last: [] },
    ],
    ['an array of objects in a nested object', { address: { lines: [{ l: 1 }] }, tags: [{ t: 'x' }] }],
    ['a Date (toJSON of a value)', { at: new Date('2026-11-02T08:00:00.000Z') }],
    ['its own revision and eventIds (the command result wins, as in a spread)', { revision: 1, eventIds: ['old'], name: 'x' }],
    ['its own toJSON', { name: 'x', toJSON: () => ({ other: true }) }],
  ];

  it.each(views)('given a view with %s, when serialized, then the text of the spread body', (_, view) => {
    const text = commandBodyJson(view, 7, ['e-1', 'e-2'], false);

    expect(text).toBe(spreadJson(view, 7, ['e-1', 'e-2']));
  });

  it.each(views)('given a state with %s, when serialized with its array texts reused, then the text of the spread body', (_, view) => {
    const first = commandBodyJson(view, 7, ['e-1', 'e-2'], true);
    const again = commandBodyJson(view, 7, ['e-1', 'e-2'], true);

    expect(first).toBe(spreadJson(view, 7, ['e-1', 'e-2']));
    expect(again).toBe(first);
  });

  it('given a bigint in a view, when serialized, then it throws as JSON.stringify does', () => {
    expect(() => commandBodyJson({ n: BigInt(1) }, 1, [], false)).toThrow(TypeError);
  });

  it('given a state whose array elements were serialized before, when the next state shares them, then each element reads as it is', () => {
    const notes = [{ noteNo: 1, text: 'first' }];
    const first = { id: 'o-1', notes };
    commandBodyJson(first, 1, ['e-1'], true);
    const second = { id: 'o-1', notes: [...notes, { noteNo: 2, text: 'second' }] };

    const text = commandBodyJson(second, 2, ['e-2'], true);

    expect(text).toBe(spreadJson(second, 2, ['e-2']));
  });

  it('given a state whose nested objects were serialized before, when the next state shares them, then each reads as it is', () => {
    const address = { city: 'Hangzhou', street: 'West Lake 1' };
    const first = { id: 'o-1', status: 'awaiting_payment', address, deadlines: { payBy: 'tomorrow' } };
    commandBodyJson(first, 1, ['e-1'], true);
    const second = { ...first, status: 'awaiting_shipment', deadlines: { ...first.deadlines, shipBy: 'later' } };

    const text = commandBodyJson(second, 2, ['e-2'], true);

    expect(text).toBe(spreadJson(second, 2, ['e-2']));
  });

  it('given a view built afresh (not the state), when an element changes in place, then the text shows the change', () => {
    const note = { noteNo: 1, text: 'first' };
    commandBodyJson({ notes: [note] }, 1, [], false);
    note.text = 'changed';

    const text = commandBodyJson({ notes: [note] }, 1, [], false);

    expect(JSON.parse(text).notes[0].text).toBe('changed');
  });
});

describe('JsonAnswer', () => {
  it('given an answer, when serialized by JSON.stringify (Nest without our adapter), then the same document as its text', () => {
    const document = { id: 'w-1', notes: [{ text: 'a' }], revision: 3, eventIds: ['e-3'] };
    const answer = new JsonAnswer(JSON.stringify(document), () => document);

    expect(JSON.parse(JSON.stringify(answer))).toEqual(JSON.parse(answer.text));
    expect(answer.value).toEqual(document);
  });
});
