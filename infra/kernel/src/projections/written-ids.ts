const BITS_PER_ID = 10; // about 1 % false positives at the sized capacity, with HASHES_PER_ID probes
const HASHES_PER_ID = 7;

/**
 * The ids a rebuild wrote to the store, remembered in a Bloom filter: a fixed number of bits whatever the length of
 * the log (10 bits per id it was sized for, ~1.2 MB for a million). `mayContain` is never false for an id added; it
 * may be true for one never added (about 1 % at capacity, more beyond it), which only costs a read from the store.
 */
export class WrittenIds {
  private readonly bits: Uint32Array;
  private readonly bitCount: number;

  constructor(capacity: number) {
    this.bitCount = Math.max(64, Math.ceil(capacity * BITS_PER_ID));
    this.bits = new Uint32Array(Math.ceil(this.bitCount / 32));
  }

  add(collection: string, id: string): void {
    const [h1, h2] = hashes(collection, id);
    for (let i = 0; i < HASHES_PER_ID; i++) {
      const bit = (h1 + i * h2) % this.bitCount;
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  mayContain(collection: string, id: string): boolean {
    const [h1, h2] = hashes(collection, id);
    for (let i = 0; i < HASHES_PER_ID; i++) {
      const bit = (h1 + i * h2) % this.bitCount;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit FNV-1a hashes (different offset bases) of collection and id; probes are h1 + i·h2. */
function hashes(collection: string, id: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x01000193) ^ (h2 >>> 15);
    }
  };
  mix(collection);
  h1 = Math.imul(h1 ^ 0xff, 0x01000193); // separates collection from id: ("ab", "c") ≠ ("a", "bc")
  h2 = Math.imul(h2 ^ 0xff, 0x01000193);
  mix(id);
  return [h1 >>> 0, (h2 | 1) >>> 0]; // h2 odd, both unsigned: every probe lands in [0, bitCount)
}
