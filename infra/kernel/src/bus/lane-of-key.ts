/** The lane (the log bus's partition) of a key: FNV-1a of its UTF-16 code units, so one key always takes one lane. */
export function laneOfKey(key: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}
