import { createHash } from 'node:crypto';

/**
 * Where one store's streams live on a server that several stores (processes, test runs) may share: every event stream
 * of namespace `ns` is `ns:<streamId>` (so `$all` filtered by the prefix `ns:` is this store's log), and the record of
 * command key `k` is the stream `ns~key:<sha256(k)>`, outside that prefix.
 */
export class StreamNames {
  readonly eventPrefix: string;
  private readonly keyPrefix: string;

  constructor(readonly namespace: string) {
    if (!/^[A-Za-z0-9_.-]+$/.test(namespace))
      throw new Error(`a KurrentDB namespace holds letters, digits, '_', '.' and '-' only, not ${namespace}`);
    this.eventPrefix = `${namespace}:`;
    this.keyPrefix = `${namespace}~key:`;
  }

  ofStream(streamId: string): string {
    return `${this.eventPrefix}${streamId}`;
  }

  /** The stream id of one of this store's event streams, undefined for another namespace's. */
  streamIdOf(streamName: string): string | undefined {
    return streamName.startsWith(this.eventPrefix) ? streamName.slice(this.eventPrefix.length) : undefined;
  }

  ofCommandKey(key: string): string {
    return `${this.keyPrefix}${createHash('sha256').update(key).digest('hex')}`;
  }
}
