const BITS_PER_ID = 10; // about 1 % false positives per filter at its capacity, with HASHES_PER_ID probes
const HASHES_PER_ID = 7;
const FIRST_CAPACITY = 65_536;

/**
 * The ids a rebuild committed to the store, remembered in Bloom filters: about 10 bits (1.25 bytes) per id, whatever
 * the size of the documents. `mayContain` is never false for an id added; it may be true for one never added (about
 * 1 % per filter), which only costs a read from the store. When a filter holds its capacity a new one twice as large
 * is started, so memory follows the number of ids and the false positives grow with the logarithm of it.
 */
export class WrittenIds {
  private readonly filters: BloomFilter[] = [new BloomFilter(FIRST_CAPACITY)];

  add(collection: string, id: string): void {
    let newest = this.filters[this.filters.length - 1];
    if (newest.isFull) {
      newest = new BloomFilter(newest.capacity * 2);
      this.filters.push(newest);
    }
    newest.add(hashes(collection, id));
  }

  mayContain(collection: string, id: string): boolean {
    const probes = hashes(collection, id);
    for (const filter of this.filters) if (filter.mayContain(probes)) return true;
    return false;
  }
}

class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly bitCount: number;
  private added = 0;

  constructor(readonly capacity: number) {
    this.bitCount = capacity * BITS_PER_ID;
    this.bits = new Uint32Array(Math.ceil(this.bitCount / 32));
  }

  get isFull(): boolean {
    return this.added >= this.capacity;
  }

  add([h1, h2]: Probes): void {
    this.added++;
    for (let i = 0; i < HASHES_PER_ID; i++) {
      const bit = (h1 + i * h2) % this.bitCount;
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  mayContain([h1, h2]: Probes): boolean {
    for (let i = 0; i < HASHES_PER_ID; i++) {
      const bit = (h1 + i * h2) % this.bitCount;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

type Probes = readonly [number, number];

/** Two independent 32-bit FNV-1a style hashes of collection and id; the probes are h1 + i·h2. */
function hashes(collection: string, id: string): Probes {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < collection.length; i++) {
    const code = collection.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x01000193) ^ (h2 >>> 15);
  }
  h1 = Math.imul(h1 ^ 0xff, 0x01000193); // separates collection from id: ("ab", "c") ≠ ("a", "bc")
  h2 = Math.imul(h2 ^ 0xff, 0x01000193);
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x01000193) ^ (h2 >>> 15);
  }
  return [h1 >>> 0, (h2 | 1) >>> 0]; // h2 odd, both unsigned: every probe lands in [0, bitCount)
}
