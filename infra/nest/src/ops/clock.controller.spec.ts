import { ProblemException } from '../http/problem';
import { advanceMillis } from './clock.controller';
import { manualClockFromEnv } from './ops.module';

describe('advanceMillis', () => {
  it('given days, hours and minutes, when converted, then their sum in milliseconds', () => {
    expect(advanceMillis({ days: 7 })).toBe(7 * 24 * 3_600_000);
    expect(advanceMillis({ hours: 1.5, minutes: 15 })).toBe(105 * 60_000);
  });

  it('given nothing to move, when converted, then 400', () => {
    expect(() => advanceMillis({})).toThrow(ProblemException);
    expect(() => advanceMillis({ days: 0, hours: 0 })).toThrow(ProblemException);
  });

  it('given more than ten years, when converted, then 400', () => {
    expect(() => advanceMillis({ days: 5_000 })).toThrow(ProblemException);
  });
});

describe('manualClockFromEnv', () => {
  it('given AFTERSALES_CLOCK, when read, then manual only for "manual"', () => {
    expect(manualClockFromEnv({ AFTERSALES_CLOCK: 'manual' })).toBe(true);
    expect(manualClockFromEnv({ AFTERSALES_CLOCK: 'system' })).toBe(false);
    expect(manualClockFromEnv({})).toBe(false);
  });
});
