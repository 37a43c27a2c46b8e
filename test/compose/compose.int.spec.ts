import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { waitUntil } from '@aftersales/kernel';
import type { StartedDockerComposeEnvironment } from 'testcontainers';
import { agent, bearerTokens, buyer, HttpClient } from '../support/http-client';
import { payOrder, placeOrder } from '../support/orders';
import { whyNoDockerEngine } from './docker-engine';

/**
 * The platform as docker-compose.yml runs it in production: every service process from the Dockerfile's image on
 * KurrentDB, MongoDB and Kafka, behind the gateway, exporting traces through the collector to Jaeger. Brought up by
 * testcontainers' DockerComposeEnvironment (built, each container waited for by its health check), then an order is
 * placed, paid and shipped through the gateway with HS256 tokens and read back; the dispatch's trace is found in Jaeger.
 * Runs where a Docker engine answers, or when AFTERSALES_COMPOSE_E2E=1 forces it (then a missing engine fails).
 */
const forced = process.env.AFTERSALES_COMPOSE_E2E === '1';
const noEngine = forced ? undefined : whyNoDockerEngine();
if (noEngine) process.stderr.write(`compose e2e skipped: ${noEngine} (AFTERSALES_COMPOSE_E2E=1 runs it anyway)\n`);
const describeWithDocker = noEngine ? describe.skip : describe;

const REPO_ROOT = join(__dirname, '..', '..');
/** The services whose compose healthcheck the wait uses; the collector has none (its image has no shell), so its ports. */
const WITHOUT_HEALTHCHECK = ['otel-collector-1'];

describeWithDocker('docker-compose: the production stack end to end (testcontainers)', () => {
  jest.setTimeout(20 * 60_000);
  const secret = randomBytes(32).toString('hex');
  let environment: StartedDockerComposeEnvironment | undefined;
  let api: HttpClient;
  let jaegerUrl: string;

  beforeAll(async () => {
    // loaded only here, so runs without Docker never load the Docker client libraries
    const { DockerComposeEnvironment, Wait } = await import('testcontainers');
    let compose = new DockerComposeEnvironment(REPO_ROOT, 'docker-compose.yml')
      .withProjectName(`aftersales-e2e-${randomBytes(3).toString('hex')}`)
      .withBuild()
      .withEnvironment({
        AFTERSALES_AUTH_SECRET: secret,
        AFTERSALES_SERVICE_KEY: randomBytes(32).toString('base64url'),
        // the gateway's host port (3000 unless set)
        ...(process.env.AFTERSALES_PORT ? { AFTERSALES_PORT: process.env.AFTERSALES_PORT } : {}),
      })
      .withDefaultWaitStrategy(Wait.forHealthCheck())
      .withStartupTimeout(10 * 60_000);
    for (const name of WITHOUT_HEALTHCHECK) compose = compose.withWaitStrategy(name, Wait.forListeningPorts());
    environment = await compose.up();
    const gateway = environment.getContainer('gateway-1');
    api = new HttpClient(`http://${gateway.getHost()}:${gateway.getMappedPort(3000)}`, bearerTokens(secret));
    const jaeger = environment.getContainer('jaeger-1');
    jaegerUrl = `http://${jaeger.getHost()}:${jaeger.getMappedPort(16686)}`;
  });

  afterAll(async () => {
    await environment?.down({ removeVolumes: true });
  });

  it('given the stack up, when an order is placed, paid and shipped through the gateway, then it reads back shipped and the dispatch is one trace in Jaeger', async () => {
    const order = await placeOrder(api);
    await payOrder(api, order);
    // no read-your-writes across services in production: logistics learns of the payment over Kafka
    const created = await waitUntil(
      () => api.post('/shipments', { orderId: order.id, carrier: 'SF', trackingNo: `SF${order.id}` }, agent),
      (answer) => answer.status === 201,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(created.status).toBe(201);
    const traceId = randomBytes(16).toString('hex');
    const dispatched = await api.post(`/shipments/${created.body.id}/dispatch`, {}, agent, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    expect(dispatched.status).toBe(200);

    const shipped = await waitUntil(
      () => api.get(`/orders/${order.id}`, buyer),
      (answer) => answer.body?.status === 'shipped',
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(shipped.body).toMatchObject({ id: order.id, status: 'shipped' });

    const trace = await waitUntil(
      async () => (await fetch(`${jaegerUrl}/api/traces/${traceId}`).then((response) => (response.ok ? response.json() : undefined))) as JaegerAnswer | undefined,
      (answer) => servicesOf(answer).has('aftersales-gateway') && servicesOf(answer).has('aftersales-order'),
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect([...servicesOf(trace)]).toEqual(expect.arrayContaining(['aftersales-gateway', 'aftersales-logistics', 'aftersales-order']));
  });
});

interface JaegerAnswer {
  data?: Array<{ processes: Record<string, { serviceName: string }> }>;
}

const servicesOf = (answer: JaegerAnswer | undefined): Set<string> =>
  new Set((answer?.data ?? []).flatMap((trace) => Object.values(trace.processes).map((process) => process.serviceName)));
