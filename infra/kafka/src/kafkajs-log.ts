import { logLevel, type logCreator } from 'kafkajs';
import type { BusLogger } from '@aftersales/kernel';

/** Routes kafkajs' own log lines (warnings and errors only) to our logger, one line each. */
export function kafkajsLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
      const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
      const text = `kafkajs ${namespace}: ${message}${details}`;
      if (level === logLevel.ERROR) logger.error(text);
      else if (level === logLevel.WARN) logger.warn(text);
    };
}
