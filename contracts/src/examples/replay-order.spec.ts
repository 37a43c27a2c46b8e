import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActorRoles, EnvelopeSchema, type EventEnvelope as PlatformEnvelope } from '../envelope';
import { ServiceNames, topicOf } from '../define-event';
import { EventHeaders } from '../topics';
import { AFTERSALES_TOPICS, type EventEnvelope as IntegratorEnvelope } from './replay-order';

const guide = readFileSync(join(__dirname, '..', '..', 'INTEGRATORS.md'), 'utf8');
const example = readFileSync(join(__dirname, 'replay-order.ts'), 'utf8');

/** Compile-time: the example's own envelope type has exactly the platform's fields, and accepts what it sends. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const envelopeKeys: SameKeys<IntegratorEnvelope, PlatformEnvelope> = true;
const actorKeys: SameKeys<IntegratorEnvelope['actor'], PlatformEnvelope['actor']> = true;
const traceKeys: SameKeys<NonNullable<IntegratorEnvelope['trace']>, NonNullable<PlatformEnvelope['trace']>> = true;
const asReceived = (sent: PlatformEnvelope<string, { orderId: string }>): IntegratorEnvelope => sent;

describe('the integrators guide and its replay example', () => {
  it('the example declares the envelope the platform sends (checked by the compiler)', () => {
    expect([envelopeKeys, actorKeys, traceKeys]).toEqual([true, true, true]);
    expect(typeof asReceived).toBe('function');
  });

  it('the example reads every service topic', () => {
    expect(AFTERSALES_TOPICS).toEqual(ServiceNames.map(topicOf));
  });

  it('the guide shows the example file verbatim', () => {
    const block = /<!-- replay-order\.ts: begin[^>]*-->\n```ts\n([\s\S]*?)```\n<!-- replay-order\.ts: end -->/.exec(guide);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(example);
  });

  it('the guide names every topic, header and envelope field, and every actor role', () => {
    for (const topic of ServiceNames.map(topicOf)) expect(guide).toContain(`\`${topic}\``);
    for (const header of EventHeaders)
      expect(guide).toMatch(new RegExp(`^\\| \`${header.name}\` \\| ${header.always ? 'yes' : 'no'} \\|`, 'm'));
    for (const field of Object.keys(EnvelopeSchema.properties)) expect(guide).toMatch(new RegExp(`^\\| \`${field}\` \\|`, 'm'));
    for (const role of ActorRoles) expect(guide).toContain(role);
  });
});
