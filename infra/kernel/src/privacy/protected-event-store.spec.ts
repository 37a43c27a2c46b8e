import { InMemoryEventStore } from '../memory/in-memory-event-store';
import { InMemoryKeyStore } from '../memory/in-memory-key-store';
import { sampleEvent } from '../testing/sample-events';
import { Keyring } from './keyring';
import { ProtectedEventStore, sharedTailOf } from './protected-event-store';

const address = {
  name: 'Li Lei',
  phone: '+86 138-0000-0000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Xihu',
  street: '1 Wensan Road',
};
const erasedAddress = {
  name: '[erased]',
  phone: '[erased]',
  province: '[erased]',
  city: '[erased]',
  district: '[erased]',
  street: '[erased]',
  postalCode: '[erased]',
};
const placed = (buyerId = 'buyer-1') => sampleEvent('OrderPlaced', { orderId: 'o-1', buyerId, address, total: 26600 });
const addressChanged = () =>
  sampleEvent('ShippingAddressChanged', { orderId: 'o-1', previousAddress: address, address: { ...address, street: '18 Gudun Road' } });
const refundRequested = () =>
  sampleEvent('RefundRequested', {
    orderId: 'o-1',
    refundId: 'rf-1',
    buyerId: 'buyer-1',
    description: 'Call me on 13800000000',
    evidence: [
      { kind: 'photo', ref: 'media/lid.jpg', description: 'Li Lei holding the lid' },
      { kind: 'photo', ref: 'media/box.jpg' },
    ],
  });
const erasure = { subjectId: 'buyer-1', erasedAt: '2026-11-10T09:00:00.000Z', actor: { id: 'admin-1', role: 'admin' }, reason: 'asked' };

function protectedStore() {
  const raw = new InMemoryEventStore();
  const keyring = new Keyring(new InMemoryKeyStore());
  return { raw, keyring, store: new ProtectedEventStore(raw, keyring) };
}

describe('ProtectedEventStore', () => {
  it('given an order placed with an address, then the log keeps cipher text and every read opens it', async () => {
    const { raw, store } = protectedStore();

    const appended = await store.append('order-o-1', [placed()], 'no_stream');

    const [stored] = await raw.readStream('order-o-1');
    expect(JSON.stringify(stored.data)).not.toMatch(/Li Lei|138-0000/);
    expect(stored.data).toMatchObject({ buyerId: 'buyer-1', total: 26600, address: { enc: 'v1' } });
    expect(appended.events[0].data).toMatchObject({ address });
    expect((await store.readStream('order-o-1'))[0].data).toMatchObject({ address });
    expect((await store.readAll(0, 10))[0].data).toMatchObject({ address });
    expect((await store.readAllOfTypes(['OrderPlaced'], 0, 10))[0].data).toMatchObject({ address });
  });

  it('given a payload read that does not need sealed events, then they pass through without data and unopened; needed ones open', async () => {
    const raw = new InMemoryEventStore();
    const payloads = Object.assign(raw, {
      readAllPayloads: async (after: number, limit: number, needs?: (type: string) => boolean) =>
        (await raw.readAll(after, limit)).map((event) => (needs?.(event.type) === false ? { ...event, data: undefined } : event)),
    });
    const store = new ProtectedEventStore(payloads, new Keyring(new InMemoryKeyStore()));
    await store.append('order-o-1', [placed(), addressChanged()], 'no_stream');

    const read = await store.readAllPayloads!(0, 10, (type) => type === 'ShippingAddressChanged');

    expect(read.map((event) => [event.type, event.data === undefined])).toEqual([
      ['OrderPlaced', true],
      ['ShippingAddressChanged', false],
    ]);
    expect(read[1].data).toMatchObject({ address: { street: '18 Gudun Road' } });
  });

  it("given a later event without buyerId, then it is sealed under the buyer of the stream's first event", async () => {
    const { raw, store } = protectedStore();
    await store.append('order-o-1', [placed()], 'no_stream');

    await store.append('order-o-1', [addressChanged()], 0);

    const [, stored] = await raw.readStream('order-o-1');
    expect(JSON.stringify(stored.data)).not.toMatch(/Gudun|Li Lei/);
    expect((await store.readStream('order-o-1', 1))[0].data).toMatchObject({
      previousAddress: address,
      address: { street: '18 Gudun Road' },
    });
  });

  it('given buyer text in a refund, then the description and each evidence description are sealed, the rest stays clear', async () => {
    const { raw, store } = protectedStore();

    await store.append('refund-rf-1', [refundRequested()], 'no_stream');

    const [stored] = await raw.readStream('refund-rf-1');
    expect(JSON.stringify(stored.data)).not.toMatch(/13800000000|Li Lei/);
    expect(stored.data).toMatchObject({ evidence: [{ ref: 'media/lid.jpg' }, { ref: 'media/box.jpg' }] });
    expect((await store.readStream('refund-rf-1'))[0].data).toEqual(refundRequested().data);
  });

  it('given the buyer erased, then every read shows [erased] in the same shape and the amounts are kept', async () => {
    const { store, keyring } = protectedStore();
    await store.append('order-o-1', [placed(), addressChanged()], 'no_stream');
    await store.append('refund-rf-1', [refundRequested()], 'no_stream');

    await keyring.erase(erasure);

    const [order, changed, refund] = await store.readAll(0, 10);
    expect(order.data).toMatchObject({ buyerId: 'buyer-1', total: 26600, address: erasedAddress });
    expect(changed.data).toMatchObject({ previousAddress: erasedAddress, address: erasedAddress });
    expect(refund.data).toMatchObject({
      description: '[erased]',
      evidence: [{ ref: 'media/lid.jpg', description: '[erased]' }, { ref: 'media/box.jpg' }],
    });
  });

  it("given followers' shared window of recent events, when the buyer is erased, then the window's next read shows [erased]", async () => {
    const { store, keyring } = protectedStore();
    await store.append('order-o-1', [placed()], 'no_stream');
    const window = sharedTailOf(store);
    expect((await window.readAll(0, 10))[0].data).toMatchObject({ address }); // now held in the window

    await keyring.erase(erasure);

    expect((await window.readAll(0, 10))[0].data).toMatchObject({ address: erasedAddress });
  });

  it("given one buyer erased, then another buyer's data still reads clear", async () => {
    const { store, keyring } = protectedStore();
    await store.append('order-o-1', [placed('buyer-1')], 'no_stream');
    await store.append(
      'order-o-2',
      [{ ...placed('buyer-2'), data: { ...(placed('buyer-2').data as object), orderId: 'o-2' } }],
      'no_stream',
    );

    await keyring.erase(erasure);

    const [first, second] = await store.readAll(0, 10);
    expect(first.data).toMatchObject({ address: erasedAddress });
    expect(second.data).toMatchObject({ address });
  });

  it('given an event written in clear before sealing existed, then it reads as it was', async () => {
    const { raw, store } = protectedStore();
    await raw.append('order-o-1', [placed()], 'no_stream');

    expect((await store.readStream('order-o-1'))[0].data).toMatchObject({ address });
  });

  it('given an event whose protected text was left out, then nothing is sealed and no buyer is looked up', async () => {
    const { raw, store } = protectedStore();
    const closed = sampleEvent('OrderClosed', { orderId: 'o-1', reason: 'unpaid_timeout' });

    await store.append('order-o-1', [closed], 'no_stream'); // a stream with no buyer: sealing would have nothing to key on

    expect((await raw.readStream('order-o-1'))[0].data).toEqual(closed.data);
  });

  it('given protected text on a stream whose buyer cannot be found, then the append is refused rather than stored in clear', async () => {
    const { raw, store } = protectedStore();
    const cancelled = sampleEvent('RefundCancelled', { orderId: 'o-1', refundId: 'rf-9', reason: 'Call 13800000000' });

    await expect(store.append('refund-rf-9', [cancelled], 'no_stream')).rejects.toThrow('no buyerId');
    expect(await raw.readStream('refund-rf-9')).toEqual([]);
  });

  it('given events with nothing to seal, then they are appended and read as they are', async () => {
    const { raw, store } = protectedStore();
    const paid = sampleEvent('OrderPaid', { orderId: 'o-1', amount: 26600 });

    await store.append('order-o-1', [paid], 'no_stream');

    expect((await raw.readStream('order-o-1'))[0].data).toEqual(paid.data);
    expect((await store.readStream('order-o-1'))[0].data).toEqual(paid.data);
  });
  it('given an event just appended, when followers read it, then it opens from what was appended, without a decryption; an erasure still shows at once', async () => {
    const { keyring, store } = protectedStore();
    const followers = sharedTailOf(store);
    await store.append('order-o-1', [placed()], 'no_stream');
    const decryptions = jest.spyOn(keyring, 'key');

    const [first] = await followers.readAll(0, 10);
    const [second] = await store.readAll(0, 10);
    const decryptedBeforeErasure = decryptions.mock.calls.length;
    await keyring.erase(erasure);
    const [afterErasure] = await followers.readAll(0, 10);

    expect([(first.data as { address: unknown }).address, (second.data as { address: unknown }).address]).toEqual([address, address]);
    expect(decryptedBeforeErasure).toBe(0);
    expect((afterErasure.data as { address: unknown }).address).toEqual(erasedAddress);
  });

  it("given followers of the shared window, when they read a sealed event, then they all get the same opened object (built once for all), and a new one after an erasure", async () => {
    const { keyring, store } = protectedStore();
    const followers = sharedTailOf(store);
    await store.append('order-o-1', [placed()], 'no_stream');

    const [first] = await followers.readAll(0, 10);
    const [second] = await followers.readAll(0, 10);
    await keyring.erase(erasure);
    const [afterErasure] = await followers.readAll(0, 10);

    expect(second).toBe(first);
    expect(afterErasure).not.toBe(first);
    expect((afterErasure.data as { address: unknown }).address).toEqual(erasedAddress);
  });
});
