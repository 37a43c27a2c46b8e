/** The only source of "now" outside the domain. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to: demos and tests drive time with it. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    if (to.getTime() < this.current) throw new Error('a manual clock never moves backwards');
    this.current = to.getTime();
  }
  advanceBy(ms: number): Date {
    this.set(new Date(this.current + ms));
    return this.now();
  }
}
