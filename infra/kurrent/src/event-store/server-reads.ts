import { StreamNotFoundError, type BACKWARDS, type END, type FORWARDS, type KurrentDBClient, type ResolvedEvent, type START } from '@kurrent/kurrentdb-client';

export interface StreamReadOptions {
  direction?: typeof FORWARDS | typeof BACKWARDS;
  fromRevision?: bigint | typeof START | typeof END;
  maxCount?: number;
}

/** The events of one server stream as the options ask; none when the stream does not exist. */
export async function readServerStream(client: KurrentDBClient, streamName: string, options: StreamReadOptions): Promise<ResolvedEvent[]> {
  try {
    return await collect(client.readStream(streamName, options));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
