import { parse } from 'yaml';
import { toYaml } from './yaml';

describe('toYaml', () => {
  it('writes nested objects and arrays in block style that a YAML parser reads back to the same value', () => {
    // given a value with every JSON shape, nested both ways
    const value = {
      asyncapi: '3.0.0',
      info: { title: 'After-sales events', version: '0.1.0' },
      list: [1, 'two', { three: 3, four: [4, { five: null }] }, [6, 7], [], {}],
      flags: { yes: true, no: false },
      empty: {},
      none: [],
    };
    // when it is written
    const yaml = toYaml(value);
    // then it parses back to the same value, and reads as block YAML
    expect(parse(yaml)).toEqual(value);
    expect(yaml).toContain('info:\n  title: After-sales events\n  version: "0.1.0"\n');
    expect(yaml).toContain('list:\n  - 1\n  - two\n  - three: 3\n    four:\n      - 4\n      - five: null\n');
  });

  it.each([
    ['a YAML boolean word', 'yes'],
    ['null', 'null'],
    ['a number', '42'],
    ['a version', '1.0'],
    ['a JSON pointer', '#/components/schemas/EventEnvelope'],
    ['a key: value lookalike', 'orderId: 1'],
    ['a date', '2026-11-05T08:00:00.000Z'],
    ['a leading dash', '-1'],
    ['a trailing space', 'abc '],
    ['an empty string', ''],
    ['newlines and quotes', 'line 1\n"line" 2'],
    ['unicode and a line separator', '工号 \u2028 end'],
    ['a regex', '^[A-Z]{3}$'],
    ['a flow indicator', '[not a list]'],
  ])('keeps %s a string', (_label, text) => {
    const yaml = toYaml({ text, list: [text], [text]: 'as key' });
    expect(parse(yaml)).toEqual({ text, list: [text], [text]: 'as key' });
  });

  it('leaves identifier-like strings unquoted', () => {
    expect(toYaml({ type: 'string', $ref: 'EventEnvelope', topic: 'aftersales.order.events.v1' })).toBe(
      'type: string\n$ref: EventEnvelope\ntopic: aftersales.order.events.v1\n',
    );
  });

  it('drops undefined properties like JSON and refuses values without a JSON form', () => {
    expect(toYaml({ a: 1, b: undefined })).toBe('a: 1\n');
    expect(() => toYaml(undefined)).toThrow(TypeError);
  });
});
