import type { Db } from 'mongodb';
import { applyOps, type WriteOp } from './write-ops';

const COMMITS = 'rm_journal';
const CHUNKS = 'rm_journal_chunks';

/** Ops per journal document, and their payload: a document stays far below MongoDB's 16 MB. */
const OPS_PER_CHUNK = 2_000;
const CHUNK_BYTES = 4 * 1024 * 1024;

interface CommitRecord {
  _id: string;
  /** Orders the commits left by a crash (at most one, as commits are written one at a time). */
  at: number;
  ops: WriteOp[];
  /** Chunks written before this record, applied after `ops`, by `i`. */
  chunks: number;
}

interface ChunkRecord {
  _id: string;
  commit: string;
  i: number;
  ops: WriteOp[];
}

export interface RecordedCommit {
  id: string;
  chunks: number;
}

const sizeOf = (op: WriteOp): number => 64 + ('j' in op ? op.j.length : 'v' in op ? op.v.length : 0);

function chunked(ops: readonly WriteOp[], opsPerChunk: number): WriteOp[][] {
  const chunks: WriteOp[][] = [[]];
  let bytes = 0;
  for (const op of ops) {
    const size = sizeOf(op);
    const current = chunks[chunks.length - 1];
    if (current.length > 0 && (current.length >= opsPerChunk || bytes + size > CHUNK_BYTES)) {
      chunks.push([op]);
      bytes = size;
    } else {
      current.push(op);
      bytes += size;
    }
  }
  return chunks;
}

/**
 * Makes a commit of many writes all-or-nothing on a server without multi-document transactions (FerretDB, a standalone
 * MongoDB): a redo log. The commit's ops are written first (an op is an end state, so applying it again is a no-op);
 * inserting the one commit record is the commit point; then the ops are applied and the record deleted. A crash before
 * the record leaves nothing (its chunks are deleted by the next recovery); a crash after it is finished by `recover`,
 * which the store runs before it reads or writes anything. Until it is finished, readers of the same database may see
 * part of a commit: read models are eventually consistent anyway; the checkpoint, the last op, moves only after the rest.
 */
export class BatchJournal {
  private sequence = 0;

  constructor(
    private readonly db: Db,
    /** Fewer only to test chunked commits cheaply. */
    private readonly opsPerChunk = OPS_PER_CHUNK,
  ) {}

  /** Writes the commit record (and its chunks): once this resolves, the commit happened, applied or not. */
  async record(ops: readonly WriteOp[]): Promise<RecordedCommit> {
    const id = `${Date.now().toString(36)}-${process.pid.toString(36)}-${(this.sequence++).toString(36)}`;
    const [first, ...rest] = chunked(ops, this.opsPerChunk);
    if (rest.length > 0) {
      const chunks = rest.map((chunk, i): ChunkRecord => ({ _id: `${id}:${i}`, commit: id, i, ops: chunk }));
      await this.db.collection<ChunkRecord>(CHUNKS).insertMany(chunks, { ordered: true });
    }
    await this.db.collection<CommitRecord>(COMMITS).insertOne({ _id: id, at: Date.now() * 1_000 + (this.sequence % 1_000), ops: first, chunks: rest.length });
    return { id, chunks: rest.length };
  }

  async apply(commit: RecordedCommit, ops: readonly WriteOp[]): Promise<void> {
    await applyOps(this.db, ops);
    await this.forget(commit);
  }

  /** Finishes every recorded commit that was not applied, in order, and deletes chunks that never got a record. */
  async recover(): Promise<number> {
    const commits = await this.db.collection<CommitRecord>(COMMITS).find({}).sort({ at: 1 }).toArray();
    for (const commit of commits) {
      const chunks = await this.db.collection<ChunkRecord>(CHUNKS).find({ commit: commit._id }).sort({ i: 1 }).toArray();
      if (chunks.length !== commit.chunks) throw new Error(`read-model journal: commit ${commit._id} has ${chunks.length} of ${commit.chunks} chunks`);
      await applyOps(this.db, [...commit.ops, ...chunks.flatMap((chunk) => chunk.ops)]);
      await this.forget({ id: commit._id, chunks: commit.chunks });
    }
    await this.db.collection(CHUNKS).deleteMany({});
    return commits.length;
  }

  private async forget({ id, chunks }: RecordedCommit): Promise<void> {
    await this.db.collection<CommitRecord>(COMMITS).deleteOne({ _id: id });
    if (chunks > 0) await this.db.collection<ChunkRecord>(CHUNKS).deleteMany({ commit: id });
  }
}
