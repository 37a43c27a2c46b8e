import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Engine, SystemClock, TimeTravel, type Clock, type EventStore, type GroupReplayer, type Platform, type ReadModelStore, type SideConsumer } from '@aftersales/kernel';
import { ServiceNames, topicOf, type ServiceName } from '@aftersales/contracts';
import {
  HEALTH_CHECKS,
  MessageBusTransport,
  OpsModule,
  PROJECTION_ADMIN,
  LOG_AUDIT,
  type LogAudit,
  TIME_TRAVEL,
  createAuthenticator,
  announceHeadersMode,
  registerHttpKit,
  JsonAnswerExpressAdapter,
  type GroupStatus,
  type Middleware,
  type HealthCheck,
  type ProjectionAdmin,
} from '@aftersales/nest';
import type { RuntimeConfig } from './config';
import { resolveAuth, type ResolvedAuth } from './auth/data-dir-secret';

import { openEmbeddedAdapters, type ProcessAdapters } from './adapters/embedded-platform';
import { openKafkaAdapters } from './adapters/kafka-platform';
import { ForeignEventFeed } from './adapters/bus/foreign-event-feed';
import { PersistentManualClock } from './adapters/manual-clock-file';
import { BusController } from './admin/bus.controller';
import { BUYER_ERASURE, ErasureController, type BuyerErasureDeps } from './admin/erasure.controller';
import { BusFedViews } from './admin/bus-fed-views';
import { PROCESS_STATUS, type ProcessStatus } from './admin/process-status';
import { SettleController } from './admin/settle.controller';
import { MANUAL_TIMERS, TimersController, type ManualTimers } from './admin/timers.controller';
import { PEER_LOGISTICS, PeerCommandsController } from './peers/peer-commands.controller';
import { buildServices, selectServices, type BuiltService, type ServiceContext } from './service-catalog';
import { serveConsole } from './console/serve-console';

export interface RunningSystem {
  app: INestApplication;
  engine: Engine;
  url: string;
  clock: Clock;
  /** The services this process runs. */
  services: string[];
  /** How callers are verified (and where the generated HS256 secret is, when the platform made one). */
  auth: { mode: ResolvedAuth['settings']['mode']; secretFile?: string; createdSecret?: boolean };
  close(): Promise<void>;
}

/** The process's own routes (settle, bus lag, erasure, timers, peers), behind the services' routes. */
@Module({})
class ProcessAdminModule {}

@Module({})
class ProcessAppModule {
  static register(parts: {
    engine: Engine;
    manualClock?: { timeTravel: TimeTravel; timers: ManualTimers };
    services: BuiltService[];
    busFedViews: BusFedViews;
    /** Kafka mode: the feeds that apply other services' events to log projections (they are rebuilt together). */
    foreignFeeds: ForeignEventFeed[];
    readModels: ReadModelStore;
    /** The process's own log, whose hash chain POST /admin/audit/log/verify checks. */
    eventStore: EventStore;
    checks: HealthCheck[];
    status: ProcessStatus;
    /** Serve the /internal command other service processes call (Kafka mode: the refund service's reissue parcel). */
    servePeers: boolean;
    erasure: Omit<BuyerErasureDeps, 'projections'>;
  }): DynamicModule {
    const views = parts.busFedViews;
    const projectionAdmin: ProjectionAdmin = {
      names: () => [...parts.engine.projections.map((p) => p.name), ...views.names()],
      rebuild: async (name) => {
        if (views.has(name)) return views.rebuild(name);
        const runner = parts.engine.projection(name);
        if (!runner) throw new Error(`unknown projection ${name}`);
        const feed = parts.foreignFeeds.find((candidate) => candidate.feedsProjection(name));
        if (!feed) return { ...(await runner.rebuild()), source: 'log' };
        // Part of it comes from other services' topics: rebuild from the log with the feed stopped, then re-read those
        // topics; the feed's other projections keep their processed ids and skip what they already applied.
        const fromLog = { name, events: 0, ms: 0 };
        const { messages } = await feed.replay(async () => {
          Object.assign(fromLog, await runner.rebuild());
          await parts.readModels.reset(`${name}@bus`, []);
        });
        return { ...fromLog, events: fromLog.events + messages, source: 'log+bus' };
      },
      checkpoint: (name) => (views.has(name) ? views.checkpoint(name) : parts.engine.projection(name)!.position()),
    };
    const facade = (name: string) => parts.services.find((service) => service.name === name)?.facade ?? null;
    const opsProviders = [
      { provide: HEALTH_CHECKS, useValue: parts.checks },
      { provide: PROJECTION_ADMIN, useValue: projectionAdmin },
      { provide: LOG_AUDIT, useValue: { verify: () => parts.eventStore.verifyChain() } satisfies LogAudit },
      ...(parts.manualClock ? [{ provide: TIME_TRAVEL, useValue: parts.manualClock.timeTravel }] : []),
    ];
    return {
      module: ProcessAppModule,
      imports: [
        ...parts.services.flatMap((service) => service.modules),
        OpsModule.register({ manualClock: Boolean(parts.manualClock), providers: opsProviders }),
        // Last: Nest registers routes module by module and Express tries them in that order, so the API's come first.
        {
          module: ProcessAdminModule,
          controllers: [
            SettleController,
            BusController,
            ErasureController,
            ...(parts.manualClock ? [TimersController] : []),
            ...(parts.servePeers ? [PeerCommandsController] : []),
          ],
          providers: [
            { provide: PEER_LOGISTICS, useValue: facade('logistics') },
            { provide: Engine, useValue: parts.engine },
            { provide: PROCESS_STATUS, useValue: parts.status },
            { provide: BUYER_ERASURE, useValue: { ...parts.erasure, projections: projectionAdmin } satisfies BuyerErasureDeps },
            ...(parts.manualClock ? [{ provide: MANUAL_TIMERS, useValue: parts.manualClock.timers }] : []),
          ],
        },
      ],
    };
  }
}

/**
 * Starts the chosen services (default all) in this process: `pnpm start` runs all of them on the embedded adapters;
 * with `bus: 'kafka'` a process runs its services on its own stores and shares events over Kafka (see multi-process.ts).
 */
export async function startSystem(config: RuntimeConfig, remote?: ServiceContext['remote']): Promise<RunningSystem> {
  const auth = resolveAuth(config.auth, config.dataDir);
  const authenticator = createAuthenticator(auth.settings, { host: config.host, serviceKey: config.serviceKey });
  if (auth.settings.mode === 'headers') announceHeadersMode();
  const bus = config.bus ?? 'embedded';
  const definitions = selectServices(config.services);
  const clock = config.clock === 'manual' ? new PersistentManualClock(config.dataDir, config.manualClockStart) : new SystemClock();
  const settle = () => engine.settle();
  let adapters: ProcessAdapters;
  if (bus === 'kafka') {
    if (!config.kafka) throw new Error('bus kafka needs the kafka configuration (KAFKA_BROKERS)');
    const clientId = `aftersales-${definitions.map((d) => d.name).join('+')}`;
    adapters = await openKafkaAdapters(config.dataDir, clock, settle, config.kafka, clientId, config.keysPath, config.eventStore, config.readModels);
  } else {
    adapters = openEmbeddedAdapters(config.dataDir, clock, settle, config.keysPath, config.eventStore, config.readModels);
  }
  const { platform } = adapters;

  let services: BuiltService[];
  try {
    services = buildServices(definitions, { platform, clock, bus, dataDir: config.dataDir, remote });
  } catch (error) {
    await adapters.close();
    throw error;
  }
  const engine = new Engine(
    platform,
    services.flatMap((service) => service.runtimes),
    adapters.publisher,
  );
  const transport = new MessageBusTransport(platform.bus, { messagingSystem: bus === 'kafka' ? 'kafka' : 'aftersales_log' });
  engine.addConsumer(transport);
  const foreignFeeds = bus === 'kafka' ? foreignEventFeeds(services, platform) : [];
  const sideConsumers: SideConsumer[] = [...services.flatMap((service) => service.sideConsumers), ...foreignFeeds];
  for (const consumer of sideConsumers) engine.addConsumer(consumer);
  for (const drainable of services.flatMap((service) => service.drainables ?? [])) engine.addConsumer(drainable);
  const replayers: GroupReplayer[] = [
    { consumesGroup: (group) => transport.subscriptions().some((s) => s.group === group), replay: (group, whileStopped) => transport.replayGroup(group, whileStopped) },
    ...sideConsumers.flatMap((consumer) => (consumer.replayer ? [consumer.replayer] : [])),
  ];
  const busFedViews = new BusFedViews(
    services.flatMap((service) => service.runtimes.flatMap((runtime) => runtime.busFedViews ?? [])),
    platform.readModels,
    replayers,
  );

  const status: ProcessStatus = {
    head: () => platform.eventStore.headPosition(),
    groups: async (): Promise<GroupStatus[]> => [...(await transport.groupStatus()), ...(await Promise.all(sideConsumers.map((c) => c.status())))],
  };
  const manualClock =
    clock instanceof PersistentManualClock
      ? {
          timeTravel: new TimeTravel(clock, platform.timers, engine.scheduler, settle),
          timers: { clock, timers: platform.timers, scheduler: engine.scheduler },
        }
      : undefined;
  const checks: HealthCheck[] = [
    // who answers on this port: the gateway checks it is the process its supervisor started, not a stranger on the port
    {
      name: 'process',
      check: async () => ({ services: definitions.map((definition) => definition.name), ...(config.processInstance ? { instance: config.processInstance } : {}) }),
    },
    { name: 'eventStore', check: async () => void (await platform.eventStore.headPosition()) },
    { name: 'readModels', check: async () => void (await platform.readModels.checkpoint('health')) },
    { name: 'timers', check: async () => void (await platform.timers.checkpoint()) },
    {
      name: 'bus',
      check: async () => {
        const published = await adapters.publisher?.position();
        if (bus === 'embedded') return undefined;
        const groups = await status.groups();
        return { published, lag: groups.reduce((sum, group) => sum + group.lag, 0), groups: Object.fromEntries(groups.map((g) => [g.group, g.lag])) };
      },
    },
  ];

  const app = await NestFactory.create(
    ProcessAppModule.register({
      engine,
      manualClock,
      services,
      busFedViews,
      foreignFeeds,
      readModels: platform.readModels,
      eventStore: platform.eventStore,
      checks,
      status,
      servePeers: bus === 'kafka',
      erasure: { keyring: adapters.keyring, clock },
    }),
    // Express, writing the answers the handlers serialized as they are (see JsonAnswer)
    new JsonAnswerExpressAdapter(),
    {
      logger: ['error', 'warn'],
      abortOnError: false,
      // The HTTP kit registers the JSON parser; the API takes no form bodies (415), so no urlencoded parser runs per request.
      bodyParser: false,
    },
  );
  const express = app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void; disable(setting: string): void };
  express.set('etag', false); // our ETag is the resource revision, set by the HTTP kit
  express.disable('x-powered-by');
  registerHttpKit(app, {
    title: 'After-sales platform',
    version: '1.0.0',
    description: 'Orders, shipments and after-sales, event-sourced.',
    authenticator,
    // The console (a static page) first: none of the API's edge (authentication, 405s, JSON-only bodies) applies to it.
    ahead: [serveConsole() as unknown as Middleware],
  });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });

  await engine.start({ pollTimers: config.clock === 'system', timerPollMs: config.timerPollMs });
  await app.startAllMicroservices();
  for (const consumer of sideConsumers) await consumer.start();
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };

  let closed = false;
  return {
    app,
    engine,
    clock,
    services: services.map((service) => service.name),
    auth: { mode: auth.settings.mode, secretFile: auth.secretFile, createdSecret: auth.createdSecret },
    url: `http://${config.host}:${address.port}`,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      for (const consumer of sideConsumers) await consumer.stop();
      await engine.stop();
      await adapters.close();
    },
  };
}

/** Kafka mode: the projections that read other services' events get them from the bus (group `<service>.read-models`). */
function foreignEventFeeds(services: BuiltService[], platform: Platform): ForeignEventFeed[] {
  return services.flatMap((service) => {
    if (!(ServiceNames as readonly string[]).includes(service.name)) return [];
    const feed = ForeignEventFeed.of({
      bus: platform.bus,
      readModels: platform.readModels,
      group: `${service.name}.read-models`,
      projections: service.runtimes.flatMap((runtime) => runtime.projections),
      localTopic: topicOf(service.name as ServiceName),
    });
    return feed ? [feed] : [];
  });
}

/** Every service in one process on the embedded adapters (the name the tests and `pnpm start` know). */
export const startEmbedded = (config: RuntimeConfig): Promise<RunningSystem> => startSystem(config);
