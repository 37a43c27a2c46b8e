import {
  Server,
  ServerCredentials,
  status,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerWritableStream,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Empty, StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';

/** One event as the double keeps it: what the server would return for it. */
interface StoredRecord {
  streamName: string;
  revision: number;
  id: string;
  metadata: Map<string, string>;
  customMetadata: Uint8Array;
  data: Uint8Array;
  /** The double's `$all` position: commit = prepare, growing by the record's size like a byte offset (not 1, 2, 3…). */
  position: number;
}

/** .NET ticks (100 ns) since the Unix epoch, as the server writes `created`. */
const ticksOf = (millis: number): string => (BigInt(millis) * 10_000n).toString();

const FIRST_POSITION = 1_000;

/**
 * A KurrentDB server as far as the event store adapter uses it, in memory, over real gRPC: the client's own generated
 * service definitions (`StreamsService`) with `Append` (expected revision: a number, no_stream, any, stream_exists) and
 * `Read` of a stream or of `$all` (forwards and backwards, from a position, a count, a stream-name or event-type filter by
 * prefixes or regex). Not there: subscriptions, batch append, deletes, ACLs, links, server features (the client then
 * assumes an unknown server and uses the plain `Append`). A test double: it proves the adapter's use of the wire
 * protocol, not the server's behaviour under load or failure.
 */
export class KurrentWireDouble {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private nextPosition = FIRST_POSITION;
  private server: Server | undefined;
  private port = 0;

  /** Starts listening on 127.0.0.1 (an ephemeral port unless given). */
  async start(port = 0): Promise<this> {
    const server = new Server();
    server.addService(StreamsService, {
      append: (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => this.append(call, callback),
      read: (call: ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
      delete: (_call: unknown, callback: sendUnaryData<never>) => callback({ code: status.UNIMPLEMENTED, details: 'not in the double' }),
      tombstone: (_call: unknown, callback: sendUnaryData<never>) => callback({ code: status.UNIMPLEMENTED, details: 'not in the double' }),
      batchAppend: (call: ServerDuplexStream<unknown, unknown>) =>
        call.emit('error', { code: status.UNIMPLEMENTED, details: 'not in the double' }),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    this.server = server;
    return this;
  }

  /** The connection string a client uses to reach the double. */
  get connectionString(): string {
    return `kurrentdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** How many events the double holds, every stream together. */
  get eventCount(): number {
    return this.log.length;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  }

  private append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
    let options: AppendReq.Options | undefined;
    const proposed: AppendReq.ProposedMessage[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(request.getProposedMessage()!);
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'append without options' });
      callback(null, this.commit(options, proposed));
    });
  }

  /** Checks the expected revision and writes the events together, as one transaction: all or nothing. */
  private commit(options: AppendReq.Options, proposed: AppendReq.ProposedMessage[]): AppendResp {
    const streamName = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const cases = AppendReq.Options.ExpectedStreamRevisionCase;
    const expectedCase = options.getExpectedStreamRevisionCase();
    const holds =
      expectedCase === cases.ANY ||
      (expectedCase === cases.NO_STREAM && current === -1) ||
      (expectedCase === cases.STREAM_EXISTS && current >= 0) ||
      (expectedCase === cases.REVISION && Number(options.getRevision()) === current);
    const response = new AppendResp();
    if (!holds) {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (current >= 0) wrong.setCurrentRevision(String(current));
      else wrong.setCurrentNoStream(new Empty());
      if (expectedCase === cases.REVISION) wrong.setExpectedRevision(options.getRevision());
      else if (expectedCase === cases.NO_STREAM) wrong.setExpectedNoStream(new Empty());
      else if (expectedCase === cases.STREAM_EXISTS) wrong.setExpectedStreamExists(new Empty());
      else wrong.setExpectedAny(new Empty());
      return response.setWrongExpectedVersion(wrong);
    }
    const created = ticksOf(Date.now());
    for (const message of proposed) {
      const data = message.getData_asU8();
      const metadata = new Map<string, string>([...message.getMetadataMap().entries()].map(([key, value]) => [String(key), String(value)]));
      metadata.set('created', created);
      const record: StoredRecord = {
        streamName,
        revision: stream.length,
        id: uuidText(message.getId()),
        metadata,
        customMetadata: message.getCustomMetadata_asU8(),
        data,
        position: this.nextPosition,
      };
      this.nextPosition += 64 + data.length + record.customMetadata.length;
      stream.push(record);
      this.log.push(record);
    }
    this.streams.set(streamName, stream);
    const success = new AppendResp.Success();
    if (stream.length > 0) success.setCurrentRevision(String(stream.length - 1));
    else success.setNoStream(new Empty());
    const last = stream[stream.length - 1];
    if (proposed.length > 0 && last)
      success.setPosition(new AppendResp.Position().setCommitPosition(String(last.position)).setPreparePosition(String(last.position)));
    else success.setNoPosition(new Empty());
    return response.setSuccess(success);
  }

  private read(call: ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions();
    if (!options || options.hasSubscription()) {
      call.emit('error', { code: status.UNIMPLEMENTED, details: 'the double serves reads, not subscriptions' });
      return;
    }
    const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
    const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const selected = options.hasStream() ? this.streamRecords(options.getStream()!, backwards, call) : this.allRecords(options, backwards);
    if (selected === undefined) return;
    for (const record of selected.slice(0, count)) call.write(new ReadResp().setEvent(readEventOf(record, structuredIds)));
    call.end();
  }

  private streamRecords(
    options: ReadReq.Options.StreamOptions,
    backwards: boolean,
    call: ServerWritableStream<ReadReq, ReadResp>,
  ): StoredRecord[] | undefined {
    const identifier = options.getStreamIdentifier()!;
    const stream = this.streams.get(Buffer.from(identifier.getStreamName_asU8()).toString('utf8'));
    if (!stream) {
      call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier)));
      call.end();
      return undefined;
    }
    if (!backwards) return options.hasRevision() ? stream.slice(Number(options.getRevision())) : stream.slice();
    const from = options.hasEnd() || !options.hasRevision() ? stream.length - 1 : Number(options.getRevision());
    return stream.slice(0, from + 1).reverse();
  }

  /** `$all` from a position: forwards from it (inclusive), backwards from before it, as the server reads. */
  private allRecords(options: ReadReq.Options, backwards: boolean): StoredRecord[] {
    const all = options.getAll()!;
    const matches = filterOf(options);
    if (!backwards) {
      const from = all.hasPosition() ? Number(all.getPosition()!.getCommitPosition()) : all.hasEnd() ? Number.MAX_SAFE_INTEGER : 0;
      return this.log.filter((record) => record.position >= from && matches(record));
    }
    const before = all.hasPosition() ? Number(all.getPosition()!.getCommitPosition()) : all.hasStart() ? 0 : Number.MAX_SAFE_INTEGER;
    return this.log.filter((record) => record.position < before && matches(record)).reverse();
  }
}

function filterOf(options: ReadReq.Options): (record: StoredRecord) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  return (record) => {
    const subject = onStream ? record.streamName : (record.metadata.get('type') ?? '');
    return (prefixes.length === 0 || prefixes.some((prefix) => subject.startsWith(prefix))) && (!regex || regex.test(subject));
  };
}

function readEventOf(record: StoredRecord, structuredIds: boolean): ReadResp.ReadEvent {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(record.id, structuredIds))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamName, 'utf8')))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position))
    .setCustomMetadata(record.customMetadata)
    .setData(record.data);
  for (const [key, value] of record.metadata) recorded.getMetadataMap().set(key, value);
  return new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(record.position));
}

function uuidText(uuid: UUID | undefined): string {
  if (!uuid) return '00000000-0000-0000-0000-000000000000';
  if (!uuid.hasStructured()) return uuid.getString();
  const hex = (bits: string) => (BigInt(bits) & ((1n << 64n) - 1n)).toString(16).padStart(16, '0');
  const most = hex(uuid.getStructured()!.getMostSignificantBits());
  const least = hex(uuid.getStructured()!.getLeastSignificantBits());
  return `${most.slice(0, 8)}-${most.slice(8, 12)}-${most.slice(12)}-${least.slice(0, 4)}-${least.slice(4)}`;
}

function uuidMessage(id: string, structured: boolean): UUID {
  if (!structured) return new UUID().setString(id);
  const hex = id.replaceAll('-', '');
  const signed = (part: string) => BigInt.asIntN(64, BigInt(`0x${part}`)).toString();
  return new UUID().setStructured(
    new UUID.Structured().setMostSignificantBits(signed(hex.slice(0, 16))).setLeastSignificantBits(signed(hex.slice(16))),
  );
}
