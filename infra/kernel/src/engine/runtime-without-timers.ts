import type { ServiceRuntime } from '../platform';
import type { Projection } from '../ports/projection';

/**
 * The runtime of a part of a service that only projects (a read side, or one with no deadlines): no timer policies,
 * and a fired timer is a wiring mistake that says whose it was (`${what} has no timers (got <timerId>)`).
 */
export function runtimeWithoutTimers(name: string, what: string, projections: Projection[]): ServiceRuntime {
  return {
    name,
    projections,
    timerPolicies: [],
    fireTimer: async (timer) => {
      throw new Error(`${what} has no timers (got ${timer.timerId})`);
    },
  };
}
