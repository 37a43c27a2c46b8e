import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in bulk: one call into the crypto module per 256 ids. */
const POOL_BYTES = 256 * 16;
const randomPool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;
let lastMs = 0;
let sequence = 0;

/** The next `count` unused bytes of the pool, as an offset into it. */
function randomBytesAt(count: number): number {
  if (poolOffset + count > POOL_BYTES) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  const offset = poolOffset;
  poolOffset += count;
  return offset;
}

/** ASCII codes of the hex digits, and where each of a UUID's 16 bytes goes in its 36-character text. */
const HEX_CODES = Buffer.from('0123456789abcdef', 'latin1');
const TEXT_OFFSETS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const text = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');
const bytes = Buffer.alloc(16);

/**
 * `bytes` as a UUID's text: the digits are written into one ASCII buffer and read out as a single string (no
 * intermediate hex string, slices and concatenation per id: ids are made on every command's path).
 */
function formatted(): string {
  for (let i = 0; i < 16; i++) {
    const byte = bytes[i];
    const at = TEXT_OFFSETS[i];
    text[at] = HEX_CODES[byte >>> 4];
    text[at + 1] = HEX_CODES[byte & 0x0f];
  }
  return text.toString('latin1');
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit sequence, 62 random bits. Ids made later
 * sort later (monotonic within the process), so a unique index on them grows at its right edge: a group commit
 * of 64 events touches one page of that index instead of 64 random ones, which is most of what a durable commit
 * writes. The timestamp only orders ids; it is not business time (that comes from the Clock).
 */
export function timeOrderedUuid(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // 4096 ids in one millisecond: borrow the next millisecond rather than break the order.
    lastMs += 1;
    sequence = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >>> 8);
  bytes[7] = sequence & 0xff;
  randomPool.copy(bytes, 8, randomBytesAt(8));
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  return formatted();
}

/** A random UUID (version 4) from the pooled random bytes: what crypto.randomUUID makes, with less garbage per id. */
export function randomUuid(): string {
  randomPool.copy(bytes, 0, randomBytesAt(16));
  bytes[6] = 0x40 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  return formatted();
}
