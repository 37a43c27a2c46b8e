/** A data key of one data subject (a buyer): personal data in events is encrypted under it (crypto-shredding). */
export interface DataKey {
  /** Recorded in every envelope the key sealed; a subject erased and seen again gets a new key id. */
  keyId: string;
  subjectId: string;
  /** 32 bytes (AES-256). */
  key: Buffer;
}

/** Who erased a subject's data, when and why: kept with the erasure, never with the personal data. */
export interface ErasureRequest {
  subjectId: string;
  erasedAt: string;
  actor: { id: string; role: string };
  reason: string;
}

export interface ErasureRecord extends ErasureRequest {
  /** 1-based number of this erasure on the subject's own erasure stream. */
  sequence: number;
  /** Keys deleted by this erasure (0: nothing was left to erase). */
  keysShredded: number;
}

/**
 * The per-subject data keys, kept outside the event log: deleting a subject's keys makes every envelope they sealed
 * unreadable for good, in the log, its copies and its backups.
 */
export interface KeyStore {
  /** The subject's current key, created on first use (and again after an erasure, for data seen after it). */
  keyFor(subjectId: string): Promise<DataKey>;
  /** The key with that id; undefined once shredded (or never made). */
  key(keyId: string): Promise<DataKey | undefined>;
  /**
   * Deletes every key of the subject and records the erasure on the subject's erasure stream, atomically. An erasure
   * that finds no key and follows an earlier one records nothing and answers that earlier record (idempotent).
   */
  shred(request: ErasureRequest): Promise<{ record: ErasureRecord; repeated: boolean }>;
  /** The subject's erasures, oldest first. */
  erasures(subjectId: string): Promise<ErasureRecord[]>;
  close(): Promise<void>;
}
