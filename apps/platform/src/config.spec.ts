import { kafkaConfigFromEnv } from './config';

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
