import { formatMoney, parseMoney } from './money';

describe('formatMoney', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1230, '¥12.30'],
    [123450, '¥1,234.50'],
    [100000000, '¥1,000,000.00'],
    [-5, '-¥0.05'],
    [9007199254740991, '¥90,071,992,547,409.91'],
  ])('given %d fen, when formatted, then it reads %s', (minor, text) => {
    expect(formatMoney(minor)).toBe(text);
  });

  it('given a currency without minor units, when formatted, then no decimals are shown', () => {
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
  });

  it('given a fraction of a fen, when formatted, then it is refused', () => {
    expect(() => formatMoney(12.5)).toThrow(RangeError);
  });
});

describe('parseMoney', () => {
  it.each([
    ['12.3', 1230],
    ['12.30', 1230],
    ['0.01', 1],
    ['0.1', 10],
    ['1,234.50', 123450],
    ['¥8', 800],
    [' 19.99 ', 1999],
    ['007', 700],
    ['0.29', 29],
    ['1.00', 100],
  ])('given the text %s, when parsed, then it is %d fen exactly', (text, minor) => {
    expect(parseMoney(text)).toEqual({ ok: true, minor });
  });

  it('given amounts floats would round wrongly, when parsed, then the fen stay exact', () => {
    // 0.29 * 100 = 28.999999999999996 and 1.15 * 100 = 114.99999999999999 in floating point
    expect(parseMoney('0.29')).toEqual({ ok: true, minor: 29 });
    expect(parseMoney('1.15')).toEqual({ ok: true, minor: 115 });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['12.345', 'too_many_decimals'],
    ['-3', 'format'],
    ['abc', 'format'],
    ['1e3', 'format'],
    ['99999999999999999', 'too_large'],
  ])('given the text %j, when parsed, then it is refused as %s', (text, reason) => {
    expect(parseMoney(text)).toEqual({ ok: false, reason });
  });

  it('given any amount, when formatted and parsed back, then it is the same number of fen', () => {
    for (const minor of [0, 1, 99, 100, 101, 123456789, 1999]) {
      expect(parseMoney(formatMoney(minor))).toEqual({ ok: true, minor });
    }
  });
});
