import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { lostIdempotentProducerState } from './kafka-message-bus';

const protocolError = (type: string) => Object.assign(new KafkaJSProtocolError(type), { type });
/** As kafkajs' retrier gives up: the protocol error is the cause of a non-retriable one. */
const gaveUpOn = (cause: Error) => Object.assign(new KafkaJSNonRetriableError(cause), { cause });

describe('lostIdempotentProducerState', () => {
  it.each(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH'])(
    'given a send that kafkajs gave up on with %s underneath, then the producer is to be replaced',
    (type) => {
      const error = gaveUpOn(protocolError(type));
      expect(lostIdempotentProducerState(error)).toBe(true);
    },
  );

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a message too large', gaveUpOn(protocolError('MESSAGE_TOO_LARGE'))],
    ['no error object', undefined],
  ])('given %s, then the producer is kept', (_, error) => {
    expect(lostIdempotentProducerState(error)).toBe(false);
  });
});
