import { randomUUID } from 'node:crypto';
import { KurrentDBClient, jsonEvent } from '@kurrent/kurrentdb-client';
import { GENESIS_HASH, ManualClock, WrongExpectedRevisionError, chainHash, chainedFieldsOf, type RecordedEvent } from '@aftersales/kernel';
import { sampleEvents } from '@aftersales/kernel/testing';
import { startKurrentTestServer, type KurrentTestServer } from '../testing';
import { encodeEvent } from './event-codec';
import { KurrentEventStore } from './kurrent-event-store';

let server: KurrentTestServer;
let client: KurrentDBClient;
const opened: KurrentEventStore[] = [];
const clock = new ManualClock(new Date('2025-03-01T10:00:00.000Z'));

beforeAll(async () => {
  server = await startKurrentTestServer();
  client = KurrentDBClient.connectionString`${server.connectionString}`;
}, 120_000);

afterAll(async () => {
  await client?.dispose();
  await server?.stop();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

const open = async (namespace: string, recentEvents?: number): Promise<KurrentEventStore> => {
  const store = new KurrentEventStore({ connection: server.connectionString, clock, namespace, recentEvents });
  opened.push(store);
  await store.whenReady();
  return store;
};

describe('KurrentEventStore on a shared server', () => {
  it('given two namespaces appending in turns, when each reads its log after reopening, then each has its own positions from 1 and only its own events', async () => {
    const [eu, us] = [`eu-${randomUUID()}`, `us-${randomUUID()}`];
    const first = await open(eu);
    const second = await open(us);
    await first.append('order-1', sampleEvents(2), 'no_stream');
    await second.append('order-1', sampleEvents(3), 'no_stream');
    await first.append('order-2', sampleEvents(1), 'no_stream');

    const reopened = await open(eu, 0);

    const log = await reopened.readAll(0, 10);
    expect(log.map((e) => [e.streamId, e.position])).toEqual([
      ['order-1', 1],
      ['order-1', 2],
      ['order-2', 3],
    ]);
    expect(await reopened.readAll(2, 10)).toEqual([log[2]]);
    expect(await reopened.headPosition()).toBe(3);
    expect((await (await open(us, 0)).readStream('order-1')).map((e) => e.position)).toEqual([1, 2, 3]);
  });

  it('given another writer appended to a stream behind the store, when the store appends at the revision it believed, then the server refuses it as a conflict and the chain names the foreign event', async () => {
    const namespace = `shared-${randomUUID()}`;
    const store = await open(namespace);
    await store.append('order-1', sampleEvents(1), 'no_stream');
    await client.appendToStream(`${namespace}:order-1`, encodeEvent(recorded('order-1', 1, 2), GENESIS_HASH), { streamState: BigInt(0) });

    const outcome = store.append('order-1', sampleEvents(1), 0);

    await expect(outcome).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(outcome).rejects.toMatchObject({ actual: 1 });
    expect(await store.verifyChain()).toEqual({ checked: 2, firstBrokenPosition: 2 }); // its event does not chain
  });

  it('given an audit recorded a command key from its event while the writer was recording it, when the writer records it too, then its append still succeeds', async () => {
    const namespace = `audited-${randomUUID()}`;
    const store = await open(namespace);
    const key = { key: 'consumer:order:ev-9', requestHash: 'h-9' };
    expect(await store.findCommandKey(key.key)).toBeUndefined();
    const record = { ...key, streamId: 'order-1', revision: 0, eventIds: [], recordedAt: clock.now().toISOString() };
    await client.appendToStream(store.commandKeyStreamOf(key.key), jsonEvent({ type: 'CommandKeyRecorded', data: record }), {
      streamState: 'no_stream',
    });

    const result = await store.append('order-1', sampleEvents(1), 'no_stream', { commandKey: key });

    expect(result.revision).toBe(0);
    expect(await store.findCommandKey(key.key)).toMatchObject({ ...key, streamId: 'order-1' });
  });

  it('given a store opened read-only beside the writer, then it refuses appends and repairs nothing', async () => {
    const namespace = `audit-${randomUUID()}`;
    const event = recorded('order-1', 0, 1);
    const commandKey = { key: 'POST /orders:k-2', requestHash: 'h-2', eventIds: [event.eventId] };
    await client.appendToStream(`${namespace}:order-1`, encodeEvent(event, chainHash(GENESIS_HASH, chainedFieldsOf(event)), commandKey), {
      streamState: 'no_stream',
    });
    const audit = new KurrentEventStore({ connection: server.connectionString, clock, namespace, readOnly: true });
    opened.push(audit);

    expect(await audit.verifyChain()).toEqual({ checked: 1 });
    expect(await audit.findCommandKey(commandKey.key)).toBeUndefined();
    await expect(audit.append('order-2', sampleEvents(1), 'no_stream')).rejects.toThrow(/read-only/);
  });

  it('given the process stopped after an append but before its command key was recorded, when the store opens, then the key is recorded from the event', async () => {
    const namespace = `crashed-${randomUUID()}`;
    const event = recorded('order-1', 0, 1);
    const commandKey = { key: 'POST /orders:k-1', requestHash: 'h-1', eventIds: [event.eventId] };
    await client.appendToStream(`${namespace}:order-1`, encodeEvent(event, chainHash(GENESIS_HASH, chainedFieldsOf(event)), commandKey), {
      streamState: 'no_stream',
    });

    const store = await open(namespace);

    expect(await store.findCommandKey('POST /orders:k-1')).toEqual({
      key: 'POST /orders:k-1',
      requestHash: 'h-1',
      streamId: 'order-1',
      revision: 0,
      eventIds: [event.eventId],
      recordedAt: event.recordedAt,
    });
    expect(await store.verifyChain()).toEqual({ checked: 1 });
  });
});

function recorded(streamId: string, revision: number, position: number): RecordedEvent {
  const [event] = sampleEvents(1);
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: 1,
    streamId,
    revision,
    position,
    recordedAt: clock.now().toISOString(),
    ...event.metadata,
    data: event.data,
  };
}
