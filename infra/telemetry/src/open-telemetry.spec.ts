import {
  CommandHandler,
  EventPublisher,
  InMemoryCheckpointStore,
  InMemoryEventStore,
  ManualClock,
  inSpan,
  type Decider,
  type MessageBus,
  type OutgoingMessage,
} from '@aftersales/kernel';
import { startInMemoryTracing, type InMemoryTracing } from './in-memory-tracing';
import { telemetryConfigured } from './start-telemetry';

type Cmd = { type: 'Ship'; orderId: string };
type Ev = { type: 'OrderShipped'; data: { orderId: string } };
const decider: Decider<Cmd, { shipped: boolean }, Ev> = {
  initialState: { shipped: false },
  decide: (command) => [{ type: 'OrderShipped', data: { orderId: command.orderId } }],
  evolve: () => ({ shipped: true }),
};
const actor = { id: 'agent-7', role: 'agent' as const };
const callerTrace = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };

let tracing: InMemoryTracing;
beforeAll(async () => (tracing = await startInMemoryTracing()));
afterEach(() => tracing.reset());
afterAll(() => tracing.stop());

const world = () => {
  const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
  const store = new InMemoryEventStore(clock);
  return { store, handler: new CommandHandler(store, clock, { decider, schemaVersionOf: () => 1 }) };
};
const spanNamed = (name: string) => tracing.span(name);
const parentIdOf = (span: { parentSpanId?: string }) => span.parentSpanId;
const traceparentOf = (span: { traceId: string; spanId: string }) => `00-${span.traceId}-${span.spanId}-01`;

describe('OpenTelemetry behind the Telemetry port', () => {
  it('given a request span, when a command is handled in it, then the command span is its child, the append the command span\'s, and the events carry the command span', async () => {
    const { store, handler } = world();
    await inSpan('POST /orders/:orderId/shipment', { kind: 'server', parent: callerTrace }, () => handler.handle('order-o1', { type: 'Ship', orderId: 'o1' }, { actor, trace: callerTrace }));

    const request = spanNamed('POST /orders/:orderId/shipment');
    const command = spanNamed('command Ship');
    const append = spanNamed('append');
    expect(request.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(parentIdOf(request)).toBe('00f067aa0ba902b7');
    expect(parentIdOf(command)).toBe(request.spanId);
    expect(parentIdOf(append)).toBe(command.spanId);
    const [event] = await store.readStream('order-o1');
    expect(event.trace?.traceparent).toBe(traceparentOf(command));
  });

  it('given a command with its cause\'s trace and no active span, when handled, then its span continues that trace', async () => {
    const { handler } = world();
    await handler.handle('order-o2', { type: 'Ship', orderId: 'o2' }, { actor, trace: callerTrace });
    const command = spanNamed('command Ship');
    expect(command.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(parentIdOf(command)).toBe('00f067aa0ba902b7');
  });

  it('given a traced event, when the publisher puts it on the bus, then a producer span follows the event\'s context and the message headers name that span', async () => {
    const { store, handler } = world();
    await handler.handle('order-o3', { type: 'Ship', orderId: 'o3' }, { actor, trace: callerTrace });
    const published: OutgoingMessage[] = [];
    const bus = { publish: async (_topic: string, messages: OutgoingMessage[]) => void published.push(...messages) } as unknown as MessageBus;
    await new EventPublisher({ eventStore: store, bus, checkpoints: new InMemoryCheckpointStore(), topicFor: () => 'aftersales.order.events.v1', messagingSystem: 'kafka' }).catchUp();

    const command = spanNamed('command Ship');
    const send = spanNamed('send aftersales.order.events.v1');
    expect(parentIdOf(send)).toBe(command.spanId);
    expect(send.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': 'aftersales.order.events.v1', 'messaging.operation.type': 'send' });
    expect(published[0].headers.traceparent).toBe(traceparentOf(send));
    expect(JSON.parse(published[0].value).trace.traceparent).toBe(traceparentOf(command));
  });

  it('given a handler that fails, when it runs in a span, then the span is marked failed and the error still reaches the caller', async () => {
    await expect(inSpan('work', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(spanNamed('work').status).toMatchObject({ code: 2, message: 'boom' });
  });
});

describe('telemetryConfigured', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }, false],
  ])('given %j, then tracing on is %s', (env, on) => {
    expect(telemetryConfigured(env as NodeJS.ProcessEnv)).toBe(on);
  });
});
