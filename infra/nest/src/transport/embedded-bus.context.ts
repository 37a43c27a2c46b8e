import { BaseRpcContext } from '@nestjs/microservices';
import type { BusMessage } from '@aftersales/kernel';

type EmbeddedBusContextArgs = [message: BusMessage, group: string];

/**
 * What `@Ctx()` gives a handler on the embedded bus; getTopic() and getPartition() mean what they mean on
 * KafkaContext, so handlers that use only those (and the payload) run unchanged on Kafka.
 */
export class EmbeddedBusContext extends BaseRpcContext<EmbeddedBusContextArgs> {
  constructor(args: EmbeddedBusContextArgs) {
    super(args);
  }

  getMessage(): BusMessage {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  getOffset(): number {
    return this.args[0].offset;
  }

  getKey(): string {
    return this.args[0].key;
  }

  getHeaders(): Record<string, string> {
    return this.args[0].headers;
  }

  /** The consumer group this delivery belongs to (the `group` of the handler's @EventPattern). */
  getGroup(): string {
    return this.args[1];
  }
}
