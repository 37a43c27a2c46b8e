import type { Identity } from './identity';
import { rememberingVerified } from './token-verifier';

const agent: Identity = { id: 'agent-7', role: 'agent', shopIds: ['shop-1'] };

describe('verified tokens, remembered until they expire', () => {
  let now = 1_000_000;
  let calls: string[];
  const verifying = (outcome: (token: string) => { identity: Identity; expiresAtMs: number } | Error) =>
    rememberingVerified(
      async (token) => {
        calls.push(token);
        const result = outcome(token);
        if (result instanceof Error) throw result;
        return result;
      },
      () => now,
    );

  beforeEach(() => {
    now = 1_000_000;
    calls = [];
  });

  it('given a token verified once, when it comes again before it expires, then it is answered without verifying its signature again', async () => {
    const verify = verifying(() => ({ identity: agent, expiresAtMs: now + 60_000 }));

    const first = await verify('token-a');
    const again = await verify('token-a');

    expect([first, again]).toEqual([agent, agent]);
    expect(calls).toEqual(['token-a']);
  });

  it('given a remembered token past its expiry, when it comes again, then it is verified again and its refusal stands', async () => {
    let expired = false;
    const verify = verifying(() => (expired ? new Error('token expired') : { identity: agent, expiresAtMs: now + 60_000 }));
    await verify('token-a');

    now += 60_000;
    expired = true;

    await expect(verify('token-a')).rejects.toThrow('token expired');
    expect(calls).toEqual(['token-a', 'token-a']);
  });

  it('given a token that failed verification, when it comes again, then it is verified again (failures are not remembered)', async () => {
    const verify = verifying(() => new Error('bad signature'));

    await expect(verify('forged')).rejects.toThrow('bad signature');
    await expect(verify('forged')).rejects.toThrow('bad signature');

    expect(calls).toEqual(['forged', 'forged']);
  });

  it('given more distinct tokens than it keeps, then the oldest is forgotten first and verified again when it returns', async () => {
    const verify = verifying(() => ({ identity: agent, expiresAtMs: now + 60_000 }));
    for (let i = 0; i <= 10_000; i++) await verify(`token-${i}`);
    calls = [];

    await verify('token-10000');
    await verify('token-0');

    expect(calls).toEqual(['token-0']);
  });
});
