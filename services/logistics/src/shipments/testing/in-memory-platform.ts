import {
  InMemoryEventStore,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ManualClock,
  type NewEvent,
  type Platform,
  type RecordedEvent,
  type ServiceRuntime,
} from '@aftersales/kernel';
import { inMemoryTestPlatform } from '@aftersales/kernel/testing';

/** An event store that keeps what was appended through it in `log`, for plain assertions, and says when it grew. */
class ObservedEventStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  constructor(
    private readonly inner: EventStore,
    private readonly onAppend: () => void,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, expected, options);
    this.log.push(...result.events);
    if (result.events.length > 0) this.onAppend();
    return result;
  }
  readStream = (streamId: string, fromRevision?: number) => this.inner.readStream(streamId, fromRevision);
  readAll = (afterPosition: number, limit: number) => this.inner.readAll(afterPosition, limit);
  readAllOfTypes = (types: readonly string[], afterPosition: number, limit: number) => this.inner.readAllOfTypes(types, afterPosition, limit);
  headPosition = () => this.inner.headPosition();
  verifyChain = () => this.inner.verifyChain();
  findCommandKey = (key: string) => this.inner.findCommandKey(key);
  waitForAppend = (afterPosition: number, signal?: AbortSignal) => this.inner.waitForAppend(afterPosition, signal);
  close = () => this.inner.close();
}

/**
 * The kernel's in-memory test platform as the logistics facade sees it: the platform itself, with the log at hand,
 * and projections that run on demand (`project()`) or shortly after every append (`autoProject`), as the embedded
 * runtime's runner would.
 */
export interface TestPlatform extends Platform {
  clock: ManualClock;
  eventStore: ObservedEventStore;
  /** Wires the service's projections and timer policies. */
  attach(runtime: ServiceRuntime): void;
  /** Runs the attached projections over what the log holds beyond their checkpoints. */
  project(): Promise<void>;
  /** Whether projections follow appends on their own (like the runtime's runner), or only on project(). */
  autoProject: boolean;
}

export function inMemoryPlatform(start = new Date('2026-11-02T09:00:00.000Z')): TestPlatform {
  const followAppend = () => {
    if (platform.autoProject) setTimeout(() => void env.settle(), 1);
  };
  const env = inMemoryTestPlatform({ start, eventStore: (clock) => new ObservedEventStore(new InMemoryEventStore(clock), followAppend) });
  const platform: TestPlatform = {
    ...env.platform,
    clock: env.clock,
    eventStore: env.eventStore as ObservedEventStore,
    attach: (runtime) => env.attach(runtime),
    project: env.settle,
    autoProject: true,
  };
  return platform;
}
