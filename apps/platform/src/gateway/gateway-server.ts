import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  AdvanceClockSchema,
  AuthenticationError,
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  SERVICE_KEY_HEADER,
  advanceMillis,
  badRequest,
  httpServerSpans,
  isInternalPath,
  isPublicPath,
  problem,
  validate,
  wwwAuthenticateOf,
  type Authenticator,
  type HttpRequestLike,
  type Identity,
} from '@aftersales/nest';
import { telemetry } from '@aftersales/kernel';
import { isConsolePath, serveConsole, type ConsoleHandler } from '../console/serve-console';
import { Coordinator } from './coordinator';
import { eraseOnEveryProcess } from './erasure-fan-out';
import { httpProcessAdmin } from './http-admin';
import { callJson, expectJson, type ServiceProcess } from './process-client';
import { strangerOnPort, type ProcessHealth } from './process-identity';
import { RouteTemplates, templatePattern } from './route-templates';
import type { RouteTable } from './routes';

export interface GatewayOptions {
  routes: RouteTable;
  /**
   * Verifies the caller of every request but the public ones, as the service processes do again (the Authorization
   * header, or the X-Actor-* headers in headers mode, go along); the gateway's own /admin routes need `admin`.
   */
  authenticator: Authenticator;
  /** The service processes now (the supervisor's view: urls stay, pids change across restarts). */
  processes: () => ServiceProcess[];
  /** Extra facts for GET /admin/processes (pids, restarts). */
  describeProcesses?: () => unknown[];
  /**
   * Read your writes across services: after a write (any non-GET request), the next GET, and the next write to another
   * service, first wait until the whole system settled, as one process with the in-process bus practically always has
   * by then (a write to the same service is ordered by that service's own log and goes at once). For tests and demos
   * (manual clock); a production gateway leaves it off and clients live with eventual consistency.
   */
  consistentReads?: boolean;
  log?: (line: string) => void;
  /** Where the built console is (default apps/console/dist, or AFTERSALES_CONSOLE_DIR): served at /console. */
  consoleDirectory?: string;
}

/** How long a request waits for the system to settle after a write before it goes on regardless. */
const CONSISTENCY_BUDGET_MS = 10_000;

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>;
type OpenApi = { paths?: Record<string, unknown>; components?: { schemas?: Record<string, unknown> } & Record<string, unknown> };

/** `rule`: the access rule an operator's route answers a 403 with, the one its process's access table names. */
interface OwnRoute {
  method: string;
  template: string;
  pattern: RegExp;
  handle: Handler;
  rule?: string;
}

const ownRoute = (method: string, template: string, handle: Handler, rule?: string): OwnRoute => ({
  method,
  template,
  pattern: templatePattern(template),
  handle,
  ...(rule ? { rule } : {}),
});

/** The gateway's own routes that need no caller; every other own route is an operator's (`admin`). */
const PUBLIC_OWN_ROUTES = new Set(['/health', '/openapi.json']);

/**
 * The one address clients use when the services run as separate processes: each request goes to the process of the
 * service that owns its path; the operations endpoints (settle, clock, health, projections, lag) fan out to all.
 */
export class Gateway {
  private readonly coordinator: Coordinator;
  private readonly own: OwnRoute[];
  /** Tracing on: server spans are named after the route template (own routes', or the processes' OpenAPI paths). */
  private readonly traced: boolean;
  private serviceRoutes: Promise<RouteTemplates> | undefined;
  /** Writes answered so far, and how many of them the last finished settle covered. */
  private writes = 0;
  private settledWrites = 0;
  private settling: Promise<void> | undefined;
  private lastWrittenService: string | undefined;
  private readonly console: ConsoleHandler;
  readonly server: Server;

  constructor(private readonly options: GatewayOptions) {
    this.coordinator = new Coordinator(() => options.processes().map(httpProcessAdmin));
    this.console = serveConsole(options.consoleDirectory);
    this.own = [
      ownRoute('GET', '/health', (_req, res) => this.health(res)),
      ownRoute('POST', '/admin/settle', async (_req, res) => send(res, 200, { settled: true, ...(await this.coordinator.settle()) }), 'admin.settle_by_admin'),
      ownRoute('GET', '/admin/clock', async (_req, res) => send(res, 200, { now: await this.coordinator.now(), mode: 'manual' }), 'admin.clock_by_admin'),
      ownRoute('POST', '/admin/clock/advance', (req, res) => this.advance(req, res), 'admin.clock_by_admin'),
      ownRoute('GET', '/admin/projections', (_req, res) => this.projections(res), 'admin.projections_by_admin'),
      ownRoute('POST', '/admin/projections/{name}/rebuild', (_req, res, [name]) => this.rebuild(res, decodeURIComponent(name)), 'admin.projections_by_admin'),
      ownRoute('GET', '/admin/bus/lag', (_req, res) => this.lag(res), 'admin.bus_by_admin'),
      ownRoute('POST', '/admin/audit/log/verify', (_req, res) => this.verifyLogs(res), 'admin.log_audit_by_admin'),
      ownRoute(
        'GET',
        '/admin/processes',
        async (_req, res) => send(res, 200, { processes: options.describeProcesses?.() ?? options.processes().map(({ serviceKey: _key, ...process }) => process) }),
        'admin.processes_by_admin',
      ),
      ownRoute('GET', '/openapi.json', (_req, res) => this.openApi(res)),
      ownRoute('POST', '/admin/buyers/{buyerId}/erasure', (req, res) => this.erase(req, res), 'admin.erasure_by_admin'),
    ];
    // With tracing on, a server span per request; the proxied request carries its context on (see proxy()).
    const traced = telemetry().enabled ? httpServerSpans() : undefined;
    this.traced = traced !== undefined;
    this.server = createServer((req, res) =>
      traced ? traced(req as HttpRequestLike, res, () => void this.handle(req, res)) : void this.handle(req, res),
    );
  }

  listen(port: number, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address() as { port: number };
        resolve(`http://${host}:${address.port}`);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://gateway').pathname;
    // Only the platform's own processes hold the service key; from outside it is never taken, /internal never served.
    delete req.headers[SERVICE_KEY_HEADER];
    try {
      if (isInternalPath(pathname)) return sendProblem(res, problem(404, 'not_found', `No service serves ${req.method} ${pathname}`));
      // The console is the gateway's own static page, public like /docs: every call it makes carries the viewer's token.
      if (isConsolePath(pathname)) return this.console(req, res, () => sendProblem(res, problem(404, 'not_found', `No page ${pathname}`)));
      const caller = isPublicPath(pathname) ? null : await this.authenticate(pathname, req, res);
      if (caller === undefined) return; // answered 401
      for (const route of this.own) {
        const match = route.pattern.exec(pathname);
        if (!match || route.method !== req.method) continue;
        (req as IncomingMessage & HttpRequestLike).route = { path: route.template };
        if (!PUBLIC_OWN_ROUTES.has(pathname) && caller?.role !== 'admin') {
          return sendProblem(
            res,
            problem(403, 'forbidden', `${req.method} ${pathname} is an operator's route: it needs the role admin; the request acts as ${caller?.role}`, {
              rule: route.rule ?? 'admin.gateway_by_admin',
              requiredRoles: ['admin'],
            }),
          );
        }
        return await route.handle(req, res, match.slice(1));
      }
      const service = this.options.routes.serviceOf(pathname);
      const target = service && this.options.processes().find((process) => process.services.includes(service));
      if (!target) return sendProblem(res, problem(404, 'not_found', `No service serves ${req.method} ${pathname}`));
      if (this.traced) await this.nameRoute(req, pathname);
      const write = req.method !== 'GET' && req.method !== 'HEAD';
      if (this.options.consistentReads && (!write || service !== this.lastWrittenService)) await this.afterEarlierWrites();
      try {
        await proxy(req, res, target);
      } finally {
        if (write) {
          this.writes += 1;
          this.lastWrittenService = service;
        }
      }
    } catch (error) {
      if (error instanceof ProblemException) return sendProblem(res, error.problem);
      const detail = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendProblem(res, problem(502, 'upstream_failed', detail, {}, 'Bad gateway'));
      else res.destroy();
    }
  }

  /** Sets the request's route template (the span's name) from the processes' OpenAPI paths, fetched once. */
  private async nameRoute(req: IncomingMessage, pathname: string): Promise<void> {
    this.serviceRoutes ??= this.fetchPaths().then(
      (paths) => new RouteTemplates(paths),
      (error: unknown) => {
        // a process not up yet: this span keeps the method alone; the next request tries again
        this.serviceRoutes = undefined;
        this.options.log?.(`[gateway] route templates unavailable: ${error instanceof Error ? error.message : String(error)}`);
        return new RouteTemplates([]);
      },
    );
    const template = (await this.serviceRoutes).match(pathname);
    if (template) (req as IncomingMessage & HttpRequestLike).route = { path: template };
  }

  /** The verified caller, or undefined once a 401 problem was sent. */
  private async authenticate(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<Identity | undefined> {
    try {
      return await this.options.authenticator.authenticate(pathname, req.headers);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      res.setHeader('WWW-Authenticate', wwwAuthenticateOf(error));
      sendProblem(res, problem(401, error.code, error.message));
      return undefined;
    }
  }

  /** Waits (bounded) until a settle that started after every write answered so far has finished. */
  private async afterEarlierWrites(): Promise<void> {
    const deadline = Date.now() + CONSISTENCY_BUDGET_MS;
    const needed = this.writes;
    while (this.settledWrites < needed && Date.now() < deadline) {
      if (!this.settling) {
        const covers = this.writes;
        this.settling = this.coordinator
          .settle()
          .then(
            () => void (this.settledWrites = Math.max(this.settledWrites, covers)),
            (error: unknown) => {
              // a process is down or a consumer is stuck: the request goes on, as without the option
              this.options.log?.(`[gateway] settling after a write failed: ${error instanceof Error ? error.message : String(error)}`);
              this.settledWrites = Math.max(this.settledWrites, covers);
            },
          )
          .finally(() => (this.settling = undefined));
      }
      await this.settling;
    }
  }

  private async health(res: ServerResponse): Promise<void> {
    const reports = await Promise.all(
      this.options.processes().map(async (process) => {
        try {
          const answer = await callJson<ProcessHealth>(process, 'GET', '/health');
          const checks: Record<string, unknown> = answer.body?.checks ?? {};
          const stranger = strangerOnPort(process, answer.body);
          if (stranger) return { process, status: 'down', checks: { ...checks, identity: { status: 'down', error: stranger } } };
          return { process, status: answer.status === 200 ? 'ok' : 'down', checks };
        } catch (error) {
          return { process, status: 'down', checks: { process: { status: 'down', error: error instanceof Error ? error.message : String(error) } } };
        }
      }),
    );
    const status = reports.every((report) => report.status === 'ok') ? 'ok' : 'down';
    const checks = Object.fromEntries(reports.flatMap((report) => Object.entries(report.checks).map(([name, outcome]) => [`${report.process.name}.${name}`, outcome])));
    res.setHeader('Cache-Control', 'no-store');
    send(res, status === 'ok' ? 200 : 503, {
      status,
      checks,
      processes: Object.fromEntries(reports.map((report) => [report.process.name, { status: report.status, services: report.process.services }])),
    });
  }

  private async advance(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const valid = validate(AdvanceClockSchema, body);
    if (!valid.ok) throw badRequest('The request body is not valid', valid.errors);
    const ms = advanceMillis(valid.value);
    const { now, firedTimers } = await this.coordinator.advance(ms);
    send(res, 200, { now, firedTimers, advancedMs: ms });
  }

  private async projectionsByProcess(): Promise<Array<{ process: ServiceProcess; projections: Array<{ name: string; checkpoint?: number }> }>> {
    return Promise.all(
      this.options.processes().map(async (process) => ({
        process,
        projections: (await expectJson<{ projections: Array<{ name: string; checkpoint?: number }> }>(process, 'GET', '/admin/projections')).projections,
      })),
    );
  }

  private async projections(res: ServerResponse): Promise<void> {
    const all = await this.projectionsByProcess();
    send(res, 200, { projections: all.flatMap(({ process, projections }) => projections.map((projection) => ({ ...projection, process: process.name }))) });
  }

  private async rebuild(res: ServerResponse, name: string): Promise<void> {
    const owner = (await this.projectionsByProcess()).find(({ projections }) => projections.some((projection) => projection.name === name));
    if (!owner) return sendProblem(res, problem(404, 'not_found', `Projection ${name} was not found`));
    const answer = await callJson(owner.process, 'POST', `/admin/projections/${encodeURIComponent(name)}/rebuild`);
    send(res, answer.status, answer.body);
  }

  private async erase(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.stringify(await readJson(req));
    const answer = await eraseOnEveryProcess(this.options.processes(), new URL(req.url ?? '/', 'http://gateway').pathname, req.headers, body);
    res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  }

  private async lag(res: ServerResponse): Promise<void> {
    const all = await Promise.all(
      this.options.processes().map(async (process) => ({
        process,
        answer: await expectJson<{ lag: number; groups: Array<Record<string, unknown>> }>(process, 'GET', '/admin/bus/lag'),
      })),
    );
    send(res, 200, {
      lag: all.reduce((sum, { answer }) => sum + answer.lag, 0),
      groups: all.flatMap(({ process, answer }) => answer.groups.map((group) => ({ ...group, process: process.name }))),
    });
  }

  /** Every process verifies its own log's chain; the answer adds them up and names the first process whose chain broke. */
  private async verifyLogs(res: ServerResponse): Promise<void> {
    const logs = await Promise.all(
      this.options.processes().map(async (process) => ({
        process: process.name,
        ...(await expectJson<{ checked: number; firstBrokenPosition?: number }>(process, 'POST', '/admin/audit/log/verify', {})),
      })),
    );
    const broken = logs.find((log) => log.firstBrokenPosition !== undefined);
    send(res, 200, {
      checked: logs.reduce((sum, log) => sum + log.checked, 0),
      ...(broken ? { firstBrokenPosition: broken.firstBrokenPosition, brokenProcess: broken.process } : {}),
      logs,
    });
  }

  private async fetchPaths(): Promise<string[]> {
    const documents = await this.openApiDocuments();
    return documents.flatMap((document) => Object.keys(document.paths ?? {}));
  }

  private openApiDocuments(): Promise<OpenApi[]> {
    return Promise.all(this.options.processes().map((process) => expectJson<OpenApi>(process, 'GET', '/openapi.json')));
  }

  /** The union of the processes' OpenAPI documents: every path once, with the schemas they refer to. */
  private async openApi(res: ServerResponse): Promise<void> {
    const documents = await this.openApiDocuments();
    const [first] = documents;
    const union = {
      ...first,
      paths: Object.assign({}, ...documents.map((document) => document.paths ?? {})),
      components: {
        ...(first?.components ?? {}),
        schemas: Object.assign({}, ...documents.map((document) => document.components?.schemas ?? {})),
      },
    };
    send(res, 200, union);
  }
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function proxy(req: IncomingMessage, res: ServerResponse, target: ServiceProcess): Promise<void> {
  const url = new URL(req.url ?? '/', target.url);
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name) && name !== 'host'));
  const trace = telemetry().activeTrace();
  if (trace) {
    headers.traceparent = trace.traceparent;
    if (trace.tracestate) headers.tracestate = trace.tracestate;
    else delete headers.tracestate;
  }
  return new Promise((resolve, reject) => {
    const upstream = request(url, { method: req.method, headers }, (answer) => {
      const answerHeaders = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(res);
      answer.on('end', () => resolve());
      answer.on('error', reject);
    });
    upstream.on('error', (error) => reject(new Error(`${target.name} did not answer: ${error.message}`)));
    req.pipe(upstream);
  });
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('error', reject);
    req.on('end', () => {
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(badRequest('The request body is not JSON', [{ field: '/', message: 'malformed JSON' }]));
      }
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendProblem(res: ServerResponse, details: { status: number }): void {
  const text = JSON.stringify(details);
  res.writeHead(details.status, { 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
