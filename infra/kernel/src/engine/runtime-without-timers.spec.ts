import type { Projection } from '../ports/projection';
import type { Timer } from '../ports/timer-store';
import { runtimeWithoutTimers } from './runtime-without-timers';

describe('runtimeWithoutTimers', () => {
  it('projects, has no timer policies, and refuses a fired timer naming whose it was', async () => {
    const projection = { name: 'some-view' } as unknown as Projection;

    const runtime = runtimeWithoutTimers('ledger', 'the ledger', [projection]);

    expect(runtime).toMatchObject({ name: 'ledger', projections: [projection], timerPolicies: [] });
    await expect(runtime.fireTimer({ timerId: 't-1' } as Timer)).rejects.toThrow('the ledger has no timers (got t-1)');
  });
});
