import { formatInstant, formatSpan, relativeDeadline, roundSpan, secondsSince } from './time';

describe('formatInstant', () => {
  it("given a UTC instant, when shown to a viewer in Shanghai, then it is that zone's wall time", () => {
    const text = formatInstant('2026-03-01T16:30:00.000Z', 'en-GB', 'Asia/Shanghai');
    expect(text).toContain('02/03/2026');
    expect(text).toContain('00:30');
  });

  it('given the same instant, when shown in UTC, then it keeps its own wall time', () => {
    expect(formatInstant('2026-03-01T16:30:00.000Z', 'en-GB', 'UTC')).toContain('16:30');
  });

  it('given a Chinese viewer, when shown, then the date reads in Chinese order', () => {
    expect(formatInstant('2026-03-01T16:30:00.000Z', 'zh-CN', 'Asia/Shanghai')).toMatch(/^2026\/03\/02/);
  });

  it('given something that is not a time, when shown, then it is shown as it came', () => {
    expect(formatInstant('soon', 'en-GB', 'UTC')).toBe('soon');
  });
});

describe('roundSpan', () => {
  it.each([
    [30_000, { value: 1, unit: 'minute' }],
    [59 * 60_000, { value: 59, unit: 'minute' }],
    [60 * 60_000, { value: 1, unit: 'hour' }],
    [47 * 3_600_000 + 59 * 60_000, { value: 47, unit: 'hour' }],
    [48 * 3_600_000, { value: 2, unit: 'day' }],
    [-3 * 3_600_000, { value: 3, unit: 'hour' }],
  ])('given %d ms, when rounded, then it is %j', (ms, span) => {
    expect(roundSpan(ms)).toEqual(span);
  });
});

describe('relativeDeadline', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');

  it('given a deadline three hours ahead, when described, then it is due in 3 hours', () => {
    expect(relativeDeadline('2026-03-01T15:00:00.000Z', now, 'en')).toEqual({ overdue: false, span: formatSpan(3 * 3_600_000, 'en') });
    expect(formatSpan(3 * 3_600_000, 'en')).toBe('3 hr');
  });

  it('given a deadline two hours past, when described, then it is 2 hours overdue', () => {
    expect(relativeDeadline('2026-03-01T10:00:00.000Z', now, 'en')).toEqual({ overdue: true, span: '2 hr' });
  });

  it('given a deadline reached this instant, when described, then it is overdue', () => {
    expect(relativeDeadline('2026-03-01T12:00:00.000Z', now, 'en').overdue).toBe(true);
  });

  it('given a Chinese viewer, when described, then the span is in Chinese', () => {
    expect(relativeDeadline('2026-03-04T12:00:00.000Z', now, 'zh-CN').span).toBe('3天');
  });
});

describe('secondsSince', () => {
  it('given a stamp 12.5 s ago, when asked, then it is 12 s; a stamp in the future is 0', () => {
    expect(secondsSince(1_000, 13_500)).toBe(12);
    expect(secondsSince(5_000, 1_000)).toBe(0);
  });
});
