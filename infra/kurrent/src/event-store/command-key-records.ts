import { BACKWARDS, END, WrongExpectedVersionError, jsonEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { CommandKeyRecord } from '@aftersales/kernel';
import { readServerStream } from './server-reads';
import { RecentSet } from './recent-set';
import type { StreamNames } from './stream-names';

const COMMAND_KEY_RECORDED = 'CommandKeyRecorded';

/**
 * Command keys on the server: the record of key `k` is the one event of its own stream (`ns~key:<sha256(k)>`),
 * appended with `no_stream`, so a second record of the same key fails on the server. Only the namespace's writing
 * process records keys, so a key it found absent stays absent until it records it: the command handler looks a key up
 * just before the append, which then need not read it again.
 */
export class CommandKeyRecords {
  private readonly absentKeys = new RecentSet(10_000);
  private keysRecorded = 0;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
  ) {}

  /** The key's record, from the server; remembered as absent when no record was written while it was read. */
  async find(key: string): Promise<CommandKeyRecord | undefined> {
    const recordedBefore = this.keysRecorded;
    const record = await this.lookUp(key);
    // absent only if this process recorded no key while reading: else the read may predate that very record
    if (!record && this.keysRecorded === recordedBefore) this.absentKeys.add(key);
    return record;
  }

  /** The key's record, read from the server unless this process saw it absent there since it opened. */
  lookUp(key: string): Promise<CommandKeyRecord | undefined> {
    if (this.absentKeys.delete(key)) return Promise.resolve(undefined);
    return this.read(key);
  }

  async read(key: string): Promise<CommandKeyRecord | undefined> {
    const [last] = await readServerStream(this.client, this.names.ofCommandKey(key), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last?.event?.data as CommandKeyRecord | undefined;
  }

  async record(record: CommandKeyRecord): Promise<void> {
    // counted before and after the write: a lookup that overlapped it, whatever it read, does not mark the key absent
    this.keysRecorded++;
    try {
      await this.client.appendToStream(this.names.ofCommandKey(record.key), jsonEvent({ type: COMMAND_KEY_RECORDED, data: { ...record } }), {
        streamState: 'no_stream',
      });
    } catch (error) {
      // recorded already: by a store opening this namespace that repaired the same record from the event (an audit)
      if (!(error instanceof WrongExpectedVersionError) || (await this.read(record.key))?.requestHash !== record.requestHash) throw error;
    } finally {
      this.keysRecorded++;
      this.absentKeys.delete(record.key);
    }
  }
}
