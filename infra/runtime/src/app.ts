import 'reflect-metadata';
import { Controller, HttpCode, Module, Post, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SystemClock, TimeTravel, type Clock, type ReadModelStore, type ServiceRuntime } from '@aftersales/kernel';
import { EmbeddedBusTransport, HEALTH_CHECKS, OpsModule, PROJECTION_ADMIN, TIME_TRAVEL, registerHttpKit, type HealthCheck, type ProjectionAdmin } from '@aftersales/nest';
import { OrderModule, createOrderService } from '@aftersales/order';
import { LogisticsModule, createLogisticsService } from '@aftersales/logistics';
import type { RuntimeConfig } from './config';
import { Engine } from './engine';
import { openEmbeddedAdapters } from './embedded-platform';
import { PersistentManualClock } from './manual-clock-file';
import { TIMELINE_READ_MODELS, TimelineController } from './timeline/timeline.controller';
import { timelineProjection } from './timeline/timeline-projection';

export interface RunningSystem {
  app: INestApplication;
  engine: Engine;
  url: string;
  clock: Clock;
  close(): Promise<void>;
}

@ApiTags('operations')
@Controller('admin')
class SettleController {
  constructor(private readonly engine: Engine) {}

  @Post('settle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Returns once every committed event is published, consumed, projected and its timers scheduled' })
  async settle(): Promise<{ settled: true }> {
    await this.engine.settle();
    return { settled: true };
  }
}

@Module({})
class EmbeddedAppModule {
  static register(parts: {
    engine: Engine;
    manualClock?: TimeTravel;
    services: DynamicModule[];
    checks: HealthCheck[];
    readModels: ReadModelStore;
  }): DynamicModule {
    const projectionAdmin: ProjectionAdmin = {
      names: () => parts.engine.projections.map((p) => p.name),
      rebuild: async (name) => {
        const runner = parts.engine.projection(name);
        if (!runner) throw new Error(`unknown projection ${name}`);
        return runner.rebuild();
      },
      checkpoint: (name) => parts.engine.projection(name)!.position(),
    };
    const opsProviders = [
      { provide: HEALTH_CHECKS, useValue: parts.checks },
      { provide: PROJECTION_ADMIN, useValue: projectionAdmin },
      ...(parts.manualClock ? [{ provide: TIME_TRAVEL, useValue: parts.manualClock }] : []),
    ];
    return {
      module: EmbeddedAppModule,
      imports: [...parts.services, OpsModule.register({ manualClock: Boolean(parts.manualClock), providers: opsProviders })],
      controllers: [SettleController, TimelineController],
      providers: [
        { provide: Engine, useValue: parts.engine },
        { provide: TIMELINE_READ_MODELS, useValue: parts.readModels },
      ],
    };
  }
}

/** Starts every service in one process on the embedded adapters: what `pnpm start` runs. */
export async function startEmbedded(config: RuntimeConfig): Promise<RunningSystem> {
  const clock = config.clock === 'manual' ? new PersistentManualClock(config.dataDir, config.manualClockStart) : new SystemClock();
  const adapters = openEmbeddedAdapters(config.dataDir, clock, () => engine.settle());
  const { platform } = adapters;

  const order = createOrderService(platform);
  const logistics = createLogisticsService(platform);
  const timeline: ServiceRuntime = { name: 'timeline', projections: [timelineProjection], timerPolicies: [], fireTimer: async () => undefined };
  const runtimes: ServiceRuntime[] = [order.runtime, logistics.runtime, timeline];
  const engine = new Engine(platform, runtimes, adapters.publisher);

  const timeTravel =
    clock instanceof PersistentManualClock ? new TimeTravel(clock, platform.timers, engine.scheduler, () => engine.settle()) : undefined;
  const checks: HealthCheck[] = [
    { name: 'eventStore', check: async () => void (await platform.eventStore.headPosition()) },
    { name: 'readModels', check: async () => void (await platform.readModels.checkpoint('health')) },
    { name: 'timers', check: async () => void (await platform.timers.checkpoint()) },
    { name: 'bus', check: async () => void (await adapters.publisher.position()) },
  ];

  const app = await NestFactory.create(
    EmbeddedAppModule.register({
      engine,
      manualClock: timeTravel,
      services: [OrderModule.register(order), LogisticsModule.register(logistics)],
      checks,
      readModels: platform.readModels,
    }),
    { logger: ['error', 'warn'], abortOnError: false },
  );
  const express = app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void; disable(setting: string): void };
  express.set('etag', false); // our ETag is the resource revision, set by the HTTP kit
  express.disable('x-powered-by');
  registerHttpKit(app, { title: 'After-sales platform', version: '1.0.0', description: 'Orders, shipments and after-sales, event-sourced.' });
  const transport = new EmbeddedBusTransport(platform.bus);
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  engine.addConsumer(transport);

  await engine.start({ pollTimers: config.clock === 'system', timerPollMs: config.timerPollMs });
  await app.startAllMicroservices();
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };

  let closed = false;
  return {
    app,
    engine,
    clock,
    url: `http://${config.host}:${address.port}`,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await engine.stop();
      await adapters.close();
    },
  };
}
