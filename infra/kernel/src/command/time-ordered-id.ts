import { randomFillSync } from 'node:crypto';

const POOL_IDS = 256;
const randomPool = Buffer.alloc(POOL_IDS * 8);
let pooled = POOL_IDS;
let lastMs = 0;
let sequence = 0;

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
  if (pooled === POOL_IDS) {
    randomFillSync(randomPool);
    pooled = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >>> 8);
  bytes[7] = sequence & 0xff;
  randomPool.copy(bytes, 8, pooled * 8, ++pooled * 8);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
