import { eventStoreConfigFromEnv, authConfigFromEnv, configFromEnv, kafkaConfigFromEnv, mongoDatabaseFor, readModelsConfigFromEnv } from './config';

describe('kafkaConfigFromEnv', () => {
  const base = { KAFKA_BROKERS: '127.0.0.1:9092' };

  it('given no retention setting, then the topics the platform creates keep every event (-1)', () => {
    expect(kafkaConfigFromEnv(base).topicRetentionMs).toBe(-1);
  });

  it('given AFTERSALES_KAFKA_RETENTION_MS, then that retention is used', () => {
    expect(kafkaConfigFromEnv({ ...base, AFTERSALES_KAFKA_RETENTION_MS: '604800000' }).topicRetentionMs).toBe(604_800_000);
  });

  it.each(['0', '-2', '1.5', 'week'])('given AFTERSALES_KAFKA_RETENTION_MS=%s, then the process refuses to start, naming the variable', (value) => {
    expect(() => kafkaConfigFromEnv({ ...base, AFTERSALES_KAFKA_RETENTION_MS: value })).toThrow('AFTERSALES_KAFKA_RETENTION_MS');
  });
});

describe('authConfigFromEnv', () => {
  const secret = 'x'.repeat(32);

  it('given nothing configured, then the secret generated into the data directory', () => {
    expect(authConfigFromEnv({})).toEqual({ mode: 'data-dir-secret' });
  });

  it('given AFTERSALES_AUTH_SECRET, then HS256 with it, issuer and audience when set', () => {
    expect(authConfigFromEnv({ AFTERSALES_AUTH_SECRET: secret })).toEqual({ mode: 'hs256', secret });
    expect(authConfigFromEnv({ AFTERSALES_AUTH_SECRET: secret, AFTERSALES_AUTH_ISSUER: 'https://id', AFTERSALES_AUTH_AUDIENCE: 'api' })).toEqual({
      mode: 'hs256',
      secret,
      issuer: 'https://id',
      audience: 'api',
    });
  });

  it('given AFTERSALES_AUTH_JWKS_URL, then the identity provider', () => {
    expect(authConfigFromEnv({ AFTERSALES_AUTH_JWKS_URL: 'https://id.example/.well-known/jwks.json', AFTERSALES_AUTH_AUDIENCE: 'api' })).toEqual({
      mode: 'jwks',
      jwksUrl: 'https://id.example/.well-known/jwks.json',
      audience: 'api',
    });
  });

  it('given AFTERSALES_AUTH=headers, then headers mode', () => {
    expect(authConfigFromEnv({ AFTERSALES_AUTH: 'headers' })).toEqual({ mode: 'headers' });
  });

  it.each([
    [{ AFTERSALES_AUTH_SECRET: 'short' }, 'AFTERSALES_AUTH_SECRET'],
    [{ AFTERSALES_AUTH_SECRET: secret, AFTERSALES_AUTH_JWKS_URL: 'https://id/jwks' }, 'not both'],
    [{ AFTERSALES_AUTH_JWKS_URL: 'not a url' }, 'AFTERSALES_AUTH_JWKS_URL'],
    [{ AFTERSALES_AUTH: 'open' }, 'AFTERSALES_AUTH'],
    [{ AFTERSALES_AUTH: 'jwks' }, 'AFTERSALES_AUTH_JWKS_URL'],
  ])('given %j, then the process refuses to start, naming the variable', (env, named) => {
    expect(() => authConfigFromEnv(env)).toThrow(named);
  });

  it('given the whole environment, then RuntimeConfig carries the auth settings and the service key', () => {
    const config = configFromEnv({ AFTERSALES_AUTH_SECRET: secret, AFTERSALES_SERVICE_KEY: 'k' });
    expect(config.auth).toEqual({ mode: 'hs256', secret });
    expect(config.serviceKey).toBe('k');
  });
});

describe('eventStoreConfigFromEnv', () => {
  it('given nothing configured, then the log is SQLite in the data directory', () => {
    expect(eventStoreConfigFromEnv({})).toEqual({ kind: 'sqlite' });
    expect(eventStoreConfigFromEnv({ AFTERSALES_STORE: 'sqlite', AFTERSALES_ESDB_URL: 'kurrentdb://db:2113' })).toEqual({ kind: 'sqlite' });
  });

  it('given AFTERSALES_STORE=esdb with a URL, then KurrentDB at it, in the default namespace unless one is named', () => {
    const url = 'kurrentdb://db:2113?tls=false';
    expect(eventStoreConfigFromEnv({ AFTERSALES_STORE: 'esdb', AFTERSALES_ESDB_URL: url })).toEqual({ kind: 'esdb', url, namespace: 'aftersales' });
    expect(eventStoreConfigFromEnv({ AFTERSALES_STORE: 'esdb', AFTERSALES_ESDB_URL: url, AFTERSALES_ESDB_NAMESPACE: 'shop-eu' })).toMatchObject({ namespace: 'shop-eu' });
  });

  it.each([
    [{ AFTERSALES_STORE: 'postgres' }, /sqlite or esdb/],
    [{ AFTERSALES_STORE: 'esdb' }, /needs AFTERSALES_ESDB_URL/],
    [{ AFTERSALES_STORE: 'esdb', AFTERSALES_ESDB_URL: 'http://db:2113' }, /connection string/],
    [{ AFTERSALES_STORE: 'esdb', AFTERSALES_ESDB_URL: 'esdb://db:2113', AFTERSALES_ESDB_NAMESPACE: 'a:b' }, /NAMESPACE/],
  ])('given %j, then it refuses to start and says why', (env, reason) => {
    expect(() => eventStoreConfigFromEnv(env)).toThrow(reason);
  });
});

describe('readModelsConfigFromEnv', () => {
  const mongo = { AFTERSALES_READ_MODELS: 'mongo', AFTERSALES_MONGO_URL: 'mongodb://127.0.0.1:27018/' };

  it('given nothing configured, then SQLite in the data directory', () => {
    expect(readModelsConfigFromEnv({})).toEqual({ kind: 'sqlite' });
  });

  it('given mongo with a named database, then that server and database', () => {
    expect(readModelsConfigFromEnv({ ...mongo, AFTERSALES_MONGO_DB: 'aftersales-order' })).toEqual({
      kind: 'mongo',
      url: 'mongodb://127.0.0.1:27018/',
      database: 'aftersales-order',
    });
  });

  it('given mongo without a database name, then one named after the data directory, so each data directory has its own', () => {
    const first = readModelsConfigFromEnv({ ...mongo, AFTERSALES_DATA_DIR: '/srv/a' });
    const again = readModelsConfigFromEnv({ ...mongo, AFTERSALES_DATA_DIR: '/srv/a' });
    const other = readModelsConfigFromEnv({ ...mongo, AFTERSALES_DATA_DIR: '/srv/b' });

    expect(first).toEqual({ kind: 'mongo', url: mongo.AFTERSALES_MONGO_URL, database: mongoDatabaseFor('/srv/a') });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it.each<[string, Record<string, string>, string]>([
    ['an unknown kind', { AFTERSALES_READ_MODELS: 'postgres' }, 'AFTERSALES_READ_MODELS'],
    ['mongo without a server', { AFTERSALES_READ_MODELS: 'mongo' }, 'AFTERSALES_MONGO_URL'],
    ['a server that is not a connection string', { ...mongo, AFTERSALES_MONGO_URL: 'http://127.0.0.1:27018' }, 'AFTERSALES_MONGO_URL'],
    ['a database name MongoDB refuses', { ...mongo, AFTERSALES_MONGO_DB: 'a/b' }, 'AFTERSALES_MONGO_DB'],
  ])('given %s, then the process refuses to start, naming the variable', (_case, env, variable) => {
    expect(() => readModelsConfigFromEnv(env)).toThrow(variable);
  });
});
