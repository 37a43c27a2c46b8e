import { chainHash, ChainVerifier, GENESIS_HASH, type ChainedFields } from './chain-hash';

const fields = (position: number, data = '{"orderId":"ord_1"}'): ChainedFields => [
  position, `evt-${position}`, 'order-ord_1', position - 1, 'OrderNoteAdded', 1, data, '2026-11-02T08:00:00.000Z', 'corr', null, 'agent-7', 'agent', null, null, '2026-11-02T08:00:00.000Z',
];

function chainOf(count: number): { fields: ChainedFields; hash: string }[] {
  const links: { fields: ChainedFields; hash: string }[] = [];
  for (let position = 1; position <= count; position++) {
    links.push({ fields: fields(position), hash: chainHash(links[links.length - 1]?.hash ?? GENESIS_HASH, fields(position)) });
  }
  return links;
}

const verify = (links: { fields: ChainedFields; hash: string | null }[]) => {
  const verifier = new ChainVerifier();
  for (const link of links) if (!verifier.check(link.fields, link.hash)) break;
  return verifier.report();
};

describe('the log hash chain', () => {
  it('given the same previous hash and fields, then the hash is the same; given another previous hash, then it differs', () => {
    expect(chainHash(GENESIS_HASH, fields(1))).toBe(chainHash(GENESIS_HASH, fields(1)));
    expect(chainHash(GENESIS_HASH, fields(1))).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('f'.repeat(64), fields(1))).not.toBe(chainHash(GENESIS_HASH, fields(1)));
  });

  it('given a known event, then its hash is sha256 over the previous hash, a newline and the JSON of its fields (the format stored logs are chained with)', () => {
    const known: ChainedFields = [
      1, 'evt-1', 'order-ord_1', 0, 'OrderNoteAdded', 1, '{"orderId":"ord_1","text":"a \\\\ b \\" c"}', '2026-11-02T08:00:00.000Z', 'corr', null, 'agent-7', 'agent', null, null, '2026-11-02T08:00:00.000Z',
    ];

    expect(chainHash(GENESIS_HASH, known)).toBe('4b88bff5f0b3cdf2d107c9e1760a70ed1bd4ae6abaec63f8afaac63b8964b6ac');
  });

  it('given an intact chain, when verified, then every link checks', () => {
    expect(verify(chainOf(5))).toEqual({ checked: 5 });
  });

  it('given an event whose data was edited after it was chained, when verified, then the chain breaks at that event', () => {
    const links = chainOf(5);
    links[2] = { ...links[2], fields: fields(3, '{"orderId":"ord_2"}') };

    expect(verify(links)).toEqual({ checked: 3, firstBrokenPosition: 3 });
  });

  it('given an event removed from the middle, when verified, then the chain breaks at the event after the gap', () => {
    const links = chainOf(5);
    links.splice(1, 1);

    expect(verify(links)).toMatchObject({ firstBrokenPosition: 3 });
  });

  it('given an edited event whose hash was recomputed by the editor, when verified, then the next event breaks', () => {
    const links = chainOf(4);
    const forged = fields(2, '{"orderId":"forged"}');
    links[1] = { fields: forged, hash: chainHash(links[0].hash, forged) };

    expect(verify(links)).toEqual({ checked: 3, firstBrokenPosition: 3 });
  });

  it('given an event without a stored hash, when verified, then the chain breaks there', () => {
    const links: { fields: ChainedFields; hash: string | null }[] = chainOf(3);
    links[1] = { ...links[1], hash: null };

    expect(verify(links)).toEqual({ checked: 2, firstBrokenPosition: 2 });
  });
});
