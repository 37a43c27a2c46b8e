import { logLevel, type logCreator } from 'kafkajs';

export interface BusLogger {
  warn(message: string): void;
  error(message: string): void;
}

export const consoleBusLogger: BusLogger = {
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

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
