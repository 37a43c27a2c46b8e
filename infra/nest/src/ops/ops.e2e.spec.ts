import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { localHeadersAuthenticator } from '../auth';
import { registerHttpKit } from '../http';
import { OpsModule } from './ops.module';
import { HEALTH_CHECKS, LOG_AUDIT, PROJECTION_ADMIN, TIME_TRAVEL, type HealthCheck, type LogAudit, type ProjectionAdmin, type TimeTravel } from './tokens';

class FakeTimeTravel implements TimeTravel {
  current = new Date('2024-03-01T00:00:00.000Z');
  readonly advances: number[] = [];
  now(): Date {
    return this.current;
  }
  async advance(ms: number) {
    this.advances.push(ms);
    this.current = new Date(this.current.getTime() + ms);
    return { now: this.current.toISOString(), firedTimers: 2 };
  }
}

class FakeProjections implements ProjectionAdmin {
  readonly rebuilt: string[] = [];
  names() {
    return ['order-summary', 'shipment-tracking'];
  }
  async rebuild(name: string) {
    this.rebuilt.push(name);
    return { name, events: 42, ms: 3 };
  }
  async checkpoint(name: string) {
    return name.length;
  }
}

const healthy = (name: string): HealthCheck => ({ name, check: async () => undefined });
const broken = (name: string): HealthCheck => ({
  name,
  check: async () => {
    throw new Error('SQLITE_CANTOPEN');
  },
});

async function opsApp(options: { manualClock: boolean; checks?: HealthCheck[]; timeTravel?: TimeTravel; projections?: ProjectionAdmin; logAudit?: LogAudit }) {
  const app = await NestFactory.create(
    OpsModule.register({
      manualClock: options.manualClock,
      providers: [
        { provide: HEALTH_CHECKS, useValue: options.checks ?? [] },
        { provide: TIME_TRAVEL, useValue: options.timeTravel ?? new FakeTimeTravel() },
        { provide: PROJECTION_ADMIN, useValue: options.projections ?? new FakeProjections() },
        { provide: LOG_AUDIT, useValue: options.logAudit ?? { verify: async () => ({ checked: 0 }) } },
      ],
    }),
    { logger: false },
  );
  registerHttpKit(app, { title: 'Ops', version: '1', authenticator: localHeadersAuthenticator() });
  await app.init();
  return app;
}

describe('ops endpoints', () => {
  const apps: INestApplication[] = [];
  /** Calls as the admin (headers mode), whose the /admin routes are. */
  const start = async (options: Parameters<typeof opsApp>[0], role = 'admin') => {
    const app = await opsApp(options);
    apps.push(app);
    const http = request(app.getHttpServer());
    const as = { 'x-actor-id': 'ops-1', 'x-actor-role': role };
    return { get: (path: string) => http.get(path).set(as), post: (path: string) => http.post(path).set(as) };
  };
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  describe('GET /health', () => {
    it('given every check passes, when asked, then 200 ok with each check', async () => {
      const http = await start({ manualClock: false, checks: [healthy('eventStore'), healthy('readModels'), healthy('bus')] });

      const res = await http.get('/health');

      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(Object.keys(res.body.checks)).toEqual(['eventStore', 'readModels', 'bus']);
      expect(res.body.checks.bus.status).toBe('ok');
    });

    it('given one check fails, when asked, then 503 down naming the failed check', async () => {
      const http = await start({ manualClock: false, checks: [healthy('eventStore'), broken('readModels')] });

      const res = await http.get('/health');

      expect(res.status).toBe(503);
      expect(res.body.status).toBe('down');
      expect(res.body.checks.readModels).toMatchObject({ status: 'down', error: 'SQLITE_CANTOPEN' });
      expect(res.body.checks.eventStore.status).toBe('ok');
    });
  });

  describe('who may call', () => {
    it('given a buyer, when it reads or advances the clock or rebuilds a projection, then 403 naming the admin rule', async () => {
      const http = await start({ manualClock: true }, 'buyer');

      const answers = [await http.get('/admin/clock'), await http.post('/admin/clock/advance').send({ hours: 1 }), await http.post('/admin/projections/x/rebuild')];

      expect(answers.map((res) => res.status)).toEqual([403, 403, 403]);
      expect(answers.map((res) => res.body.rule)).toEqual(['admin.clock_by_admin', 'admin.clock_by_admin', 'admin.projections_by_admin']);
    });

    it("given a finance caller, when it verifies the log's hash chain, then 403 naming the admin rule and nothing is verified", async () => {
      let verified = 0;
      const http = await start({ manualClock: false, logAudit: { verify: async () => ({ checked: ++verified }) } }, 'finance');

      const res = await http.post('/admin/audit/log/verify');

      expect(res.status).toBe(403);
      expect(res.body.rule).toBe('admin.log_audit_by_admin');
      expect(verified).toBe(0);
    });

    it('given no caller at all, when it advances the clock, then 401; the health check needs none', async () => {
      const app = await opsApp({ manualClock: true });
      apps.push(app);

      const advance = await request(app.getHttpServer()).post('/admin/clock/advance').send({ hours: 1 });
      const health = await request(app.getHttpServer()).get('/health');

      expect(advance.status).toBe(401);
      expect(health.status).toBe(200);
    });
  });

  describe('/admin/clock', () => {
    it('given the system clock, when the clock is asked for or advanced, then 404 problem', async () => {
      const http = await start({ manualClock: false });

      const read = await http.get('/admin/clock');
      const advance = await http.post('/admin/clock/advance').send({ hours: 1 });

      expect(read.status).toBe(404);
      expect(advance.status).toBe(404);
      expect(advance.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('given a manual clock, when read, then its time', async () => {
      const http = await start({ manualClock: true });

      const res = await http.get('/admin/clock');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ now: '2024-03-01T00:00:00.000Z', mode: 'manual' });
    });

    it('given a manual clock, when advanced by days, hours and minutes, then time travel moves the sum and reports fired timers', async () => {
      const timeTravel = new FakeTimeTravel();
      const http = await start({ manualClock: true, timeTravel });

      const res = await http.post('/admin/clock/advance').send({ days: 1, hours: 2, minutes: 30 });

      expect(res.status).toBe(200);
      expect(timeTravel.advances).toEqual([(26 * 60 + 30) * 60_000]);
      expect(res.body).toEqual({ now: '2024-03-02T02:30:00.000Z', firedTimers: 2, advancedMs: (26 * 60 + 30) * 60_000 });
    });

    it.each([
      [{}, '/'],
      [{ hours: 0 }, '/'],
      [{ hours: -1 }, '/hours'],
      [{ hours: 'two' }, '/hours'],
      [{ weeks: 1 }, '/weeks'],
    ])('given %j, when advanced, then 400 naming %s and time does not move', async (body, field) => {
      const timeTravel = new FakeTimeTravel();
      const http = await start({ manualClock: true, timeTravel });

      const res = await http.post('/admin/clock/advance').send(body);

      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(timeTravel.advances).toEqual([]);
    });
  });

  describe('/admin/projections', () => {
    it('given projections with checkpoints, when listed, then names and checkpoints', async () => {
      const http = await start({ manualClock: false });

      const res = await http.get('/admin/projections');

      expect(res.body).toEqual({
        projections: [
          { name: 'order-summary', checkpoint: 13 },
          { name: 'shipment-tracking', checkpoint: 17 },
        ],
      });
    });

    it('given a known projection, when rebuilt, then 200 with what the rebuild did', async () => {
      const projections = new FakeProjections();
      const http = await start({ manualClock: false, projections });

      const res = await http.post('/admin/projections/order-summary/rebuild');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ name: 'order-summary', events: 42, ms: 3 });
      expect(projections.rebuilt).toEqual(['order-summary']);
    });

    it('given an unknown projection, when rebuilt, then 404 problem and nothing is rebuilt', async () => {
      const projections = new FakeProjections();
      const http = await start({ manualClock: false, projections });

      const res = await http.post('/admin/projections/nope/rebuild');

      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(projections.rebuilt).toEqual([]);
    });
  });

  describe('POST /admin/audit/log/verify', () => {
    it("given a log whose chain breaks at an event, when verified, then 200 with what was checked and the first broken position", async () => {
      const http = await start({ manualClock: false, logAudit: { verify: async () => ({ checked: 12, firstBrokenPosition: 12 }) } });

      const res = await http.post('/admin/audit/log/verify');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ checked: 12, firstBrokenPosition: 12 });
    });
  });

  describe('OpenAPI', () => {
    it('given a manual clock, when the document is read, then it lists the ops paths', async () => {
      const http = await start({ manualClock: true });

      const res = await http.get('/openapi.json');

      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining(['/health', '/admin/clock', '/admin/clock/advance', '/admin/projections', '/admin/projections/{name}/rebuild', '/admin/audit/log/verify']),
      );
    });
  });
});
