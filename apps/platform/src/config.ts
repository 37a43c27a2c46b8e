import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { AuthSettings } from '@aftersales/nest';

/**
 * Where a process keeps its read models (projections, consumers' effects and processed ids, keyed lookups, the Kafka
 * publisher's checkpoint): `sqlite`, the file `<dataDir>/read-models.db` (the default), or `mongo`, one database of a
 * MongoDB-wire server (MongoDB, FerretDB) per process.
 */
export type ReadModelsConfig = { kind: 'sqlite' } | { kind: 'mongo'; url: string; database: string };

/** Which message bus the services of a process share events over. */
export type BusKind = 'embedded' | 'kafka';

/**
 * Where a process keeps its event log: `sqlite` (`<dataDir>/events.db`, the default) or `esdb` (KurrentDB /
 * EventStoreDB at `url`, this process's streams under `namespace`). Timers, read models, keys and bus offsets stay in
 * the data directory either way.
 */
export type EventStoreConfig = { kind: 'sqlite' } | { kind: 'esdb'; url: string; namespace: string };

export interface KafkaRuntimeConfig {
  brokers: string[];
  /**
   * Prepended to every topic and consumer group name (default none): lets test runs share one broker without seeing
   * each other's messages. Production leaves it empty, so topics are exactly the contracts' names.
   */
  topicPrefix: string;
  /** A message whose handler failed this many times goes to `<topic>.dlq` and its partition moves on. */
  deadLetterAfterAttempts: number;
  /** The broker drops a silent member after this long (a killed process's partitions move on after it). */
  sessionTimeoutMs: number;
  /**
   * `retention.ms` of the topics the platform creates: -1 (the default) keeps every event, so integrators can replay
   * an order's history from the beginning. Topics that exist keep their own setting.
   */
  topicRetentionMs: number;
}

/**
 * How callers are verified: AuthSettings (jwks, hs256, headers), or `data-dir-secret` when none is configured: HS256
 * with a secret the platform generates once into `<dataDir>/auth-secret` (see auth/data-dir-secret.ts).
 */
export type AuthConfig = AuthSettings | { mode: 'data-dir-secret' };

export interface RuntimeConfig {
  port: number;
  host: string;
  dataDir: string;
  clock: 'system' | 'manual';
  /** Start of a manual clock (ISO); defaults to the wall clock at first start. */
  manualClockStart?: string;
  /** How often the scheduler looks for due timers on the system clock. */
  timerPollMs: number;
  /** Default `embedded` (the SQLite bus in the data directory). */
  bus?: BusKind;
  /** Default SQLite in the data directory. */
  eventStore?: EventStoreConfig;
  /** Required when `bus` is `kafka`. */
  kafka?: KafkaRuntimeConfig;
  /** Default `sqlite` (in the data directory). */
  readModels?: ReadModelsConfig;
  /** The services this process runs (see SERVICE_NAMES); default all of them. */
  services?: string[];
  auth: AuthConfig;
  /** Multi-process mode: the secret the platform's own processes prove themselves to each other with. */
  serviceKey?: string;
  /** `pnpm start:kafka`: the name its supervisor gave this start of the process, which its /health repeats. */
  processInstance?: string;
  /**
   * The buyers' data keys (crypto-shredding): a SQLite file apart from the log, default `<dataDir>/keys.db`; the
   * processes of one system share it.
   */
  keysPath?: string;
}

/**
 * Reads the environment: PORT, HOST, AFTERSALES_DATA_DIR, AFTERSALES_CLOCK, AFTERSALES_CLOCK_START,
 * AFTERSALES_TIMER_POLL_MS, AFTERSALES_KEYS_PATH, AFTERSALES_SERVICES (comma-separated, default all), AFTERSALES_BUS (embedded | kafka) and,
 * for Kafka, KAFKA_BROKERS, AFTERSALES_TOPIC_PREFIX, AFTERSALES_DLQ_AFTER_ATTEMPTS, AFTERSALES_KAFKA_SESSION_TIMEOUT_MS,
 * AFTERSALES_KAFKA_RETENTION_MS; AFTERSALES_READ_MODELS (sqlite | mongo, see readModelsConfigFromEnv); the auth settings
 * (see authConfigFromEnv) and AFTERSALES_SERVICE_KEY; the event store (see eventStoreConfigFromEnv).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const clock = env.AFTERSALES_CLOCK ?? 'system';
  if (clock !== 'system' && clock !== 'manual') throw new Error(`AFTERSALES_CLOCK must be system or manual, not ${clock}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const bus = env.AFTERSALES_BUS ?? 'embedded';
  if (bus !== 'embedded' && bus !== 'kafka') throw new Error(`AFTERSALES_BUS must be embedded or kafka, not ${bus}`);
  const services = listOf(env.AFTERSALES_SERVICES);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.AFTERSALES_DATA_DIR ?? 'data'),
    clock,
    manualClockStart: env.AFTERSALES_CLOCK_START,
    timerPollMs: Number(env.AFTERSALES_TIMER_POLL_MS ?? 1000),
    bus,
    ...(bus === 'kafka' ? { kafka: kafkaConfigFromEnv(env) } : {}),
    eventStore: eventStoreConfigFromEnv(env),
    readModels: readModelsConfigFromEnv(env),
    ...(services.length > 0 ? { services } : {}),
    auth: authConfigFromEnv(env),
    ...(env.AFTERSALES_SERVICE_KEY ? { serviceKey: env.AFTERSALES_SERVICE_KEY } : {}),
    ...(env.AFTERSALES_PROCESS_INSTANCE ? { processInstance: env.AFTERSALES_PROCESS_INSTANCE } : {}),
    ...(env.AFTERSALES_KEYS_PATH ? { keysPath: resolve(env.AFTERSALES_KEYS_PATH) } : {}),
  };
}

/**
 * AFTERSALES_STORE=sqlite (default) | esdb; for esdb, AFTERSALES_ESDB_URL (a KurrentDB connection string, e.g.
 * `kurrentdb://127.0.0.1:2113?tls=false`) and AFTERSALES_ESDB_NAMESPACE (default `aftersales`: the prefix of this
 * process's streams; one writing process per namespace, the multi-process supervisor gives each process its own).
 */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
  const kind = env.AFTERSALES_STORE?.trim() || 'sqlite';
  if (kind === 'sqlite') return { kind };
  if (kind !== 'esdb') throw new Error(`AFTERSALES_STORE must be sqlite or esdb, not ${kind}`);
  const url = env.AFTERSALES_ESDB_URL?.trim();
  if (!url) throw new Error('AFTERSALES_STORE=esdb needs AFTERSALES_ESDB_URL, e.g. kurrentdb://127.0.0.1:2113?tls=false');
  if (!/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(url)) throw new Error(`AFTERSALES_ESDB_URL must be a KurrentDB connection string (kurrentdb://… or esdb://…), not ${url}`);
  const namespace = env.AFTERSALES_ESDB_NAMESPACE?.trim() || 'aftersales';
  if (!/^[A-Za-z0-9_.-]+$/.test(namespace)) throw new Error(`AFTERSALES_ESDB_NAMESPACE may hold letters, digits, '.', '_' and '-' only, not ${namespace}`);
  return { kind, url, namespace };
}

/**
 * AFTERSALES_READ_MODELS=sqlite (default) or mongo, with AFTERSALES_MONGO_URL (any MongoDB-wire server, e.g.
 * mongodb://127.0.0.1:27018/ for the FerretDB of `bash infra/mongo/scripts/ferretdb.sh start`) and AFTERSALES_MONGO_DB,
 * the process's database. Without AFTERSALES_MONGO_DB the database is named after the data directory
 * (`aftersales-<hash of its path>`): read models belong with the event log they are projected from, so a fresh data
 * directory never meets the read models (and the publisher checkpoint) of another.
 */
export function readModelsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ReadModelsConfig {
  const kind = env.AFTERSALES_READ_MODELS?.trim() || 'sqlite';
  if (kind === 'sqlite') return { kind };
  if (kind !== 'mongo') throw new Error(`AFTERSALES_READ_MODELS must be sqlite or mongo, not ${kind}`);
  const url = env.AFTERSALES_MONGO_URL?.trim();
  if (!url) throw new Error('AFTERSALES_READ_MODELS=mongo needs AFTERSALES_MONGO_URL, e.g. mongodb://127.0.0.1:27018/ (`bash infra/mongo/scripts/ferretdb.sh start` runs FerretDB there)');
  if (!/^mongodb(\+srv)?:\/\//.test(url)) throw new Error(`AFTERSALES_MONGO_URL must be a mongodb:// or mongodb+srv:// connection string, not ${url}`);
  const database = env.AFTERSALES_MONGO_DB?.trim() || mongoDatabaseFor(resolve(env.AFTERSALES_DATA_DIR ?? 'data'));
  if (!/^[A-Za-z0-9_+-]{1,63}$/.test(database)) throw new Error(`AFTERSALES_MONGO_DB may hold letters, digits, '_', '+' and '-' (at most 63), not ${database}`);
  return { kind, url, database };
}

/** The database of a data directory's read models when none is named. */
export const mongoDatabaseFor = (dataDir: string): string => `aftersales-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;

/** Shortest AFTERSALES_AUTH_SECRET accepted: HS256 keys should carry at least 256 bits. */
export const MIN_SECRET_LENGTH = 32;

/**
 * AFTERSALES_AUTH=headers (local demos and tests, loopback only); else AFTERSALES_AUTH_JWKS_URL (an identity provider,
 * with AFTERSALES_AUTH_ISSUER / AFTERSALES_AUTH_AUDIENCE checked when set) or AFTERSALES_AUTH_SECRET (HS256); with
 * none of them, a secret generated into the data directory.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = env.AFTERSALES_AUTH?.trim();
  if (mode === 'headers') return { mode: 'headers' };
  if (mode && mode !== 'jwks' && mode !== 'hs256') throw new Error(`AFTERSALES_AUTH must be headers (or unset: tokens), not ${mode}`);
  const checks = {
    ...(env.AFTERSALES_AUTH_ISSUER ? { issuer: env.AFTERSALES_AUTH_ISSUER } : {}),
    ...(env.AFTERSALES_AUTH_AUDIENCE ? { audience: env.AFTERSALES_AUTH_AUDIENCE } : {}),
  };
  const jwksUrl = env.AFTERSALES_AUTH_JWKS_URL?.trim();
  const secret = env.AFTERSALES_AUTH_SECRET;
  if (jwksUrl && secret) throw new Error('Set AFTERSALES_AUTH_JWKS_URL or AFTERSALES_AUTH_SECRET, not both: which tokens to trust would be ambiguous');
  if (jwksUrl) {
    if (!URL.canParse(jwksUrl) || !/^https?:$/.test(new URL(jwksUrl).protocol)) throw new Error(`AFTERSALES_AUTH_JWKS_URL must be an http(s) URL, not ${jwksUrl}`);
    return { mode: 'jwks', jwksUrl, ...checks };
  }
  if (secret !== undefined) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`AFTERSALES_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return { mode: 'hs256', secret, ...checks };
  }
  if (mode === 'jwks' || mode === 'hs256') throw new Error(`AFTERSALES_AUTH=${mode} needs ${mode === 'jwks' ? 'AFTERSALES_AUTH_JWKS_URL' : 'AFTERSALES_AUTH_SECRET'}`);
  return { mode: 'data-dir-secret' };
}

export function kafkaConfigFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaRuntimeConfig {
  const brokers = listOf(env.KAFKA_BROKERS);
  if (brokers.length === 0) throw new Error('AFTERSALES_BUS=kafka needs KAFKA_BROKERS, e.g. 127.0.0.1:9092 (`pnpm kafka:start` runs one)');
  const topicPrefix = env.AFTERSALES_TOPIC_PREFIX ?? '';
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix)) throw new Error(`AFTERSALES_TOPIC_PREFIX may hold letters, digits, '.', '_' and '-' only, not ${topicPrefix}`);
  return {
    brokers,
    topicPrefix,
    deadLetterAfterAttempts: positiveInteger(env.AFTERSALES_DLQ_AFTER_ATTEMPTS ?? '5', 'AFTERSALES_DLQ_AFTER_ATTEMPTS'),
    sessionTimeoutMs: positiveInteger(env.AFTERSALES_KAFKA_SESSION_TIMEOUT_MS ?? '30000', 'AFTERSALES_KAFKA_SESSION_TIMEOUT_MS'),
    topicRetentionMs: retentionMs(env.AFTERSALES_KAFKA_RETENTION_MS ?? '-1'),
  };
}

function retentionMs(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || (parsed < 1 && parsed !== -1)) {
    throw new Error(`AFTERSALES_KAFKA_RETENTION_MS must be -1 (keep forever) or a positive number of milliseconds, not ${value}`);
  }
  return parsed;
}

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function positiveInteger(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive integer, not ${value}`);
  return number;
}
