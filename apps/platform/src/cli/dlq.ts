#!/usr/bin/env node
import { DeadLetterStore, brokersFromEnv, deadLetterTopicOf, type DeadLetter } from '@aftersales/kafka';

const USAGE = `usage: pnpm dlq <command> [options]      (KAFKA_BROKERS=host:port[,…], or --brokers)

  list                                  dead-letter topics and how many messages each keeps
  show   --topic T [--group G] [--limit N]
                                        the dead letters of T (T or T.dlq): where and why each failed, and the event
  replay --topic T [--group G] [--all] [--dry-run]
                                        publishes each dead letter again to its original topic with its original key
                                        and headers; consumers dedupe by event id, so only the group that failed acts.
                                        Remembers how far it got (consumer group aftersales-dlq-replay.<T>[.<G>]):
                                        a second replay sends only newer dead letters; --all starts from the beginning.
  --group G   only the dead letters of the failing consumer group G`;

interface Options {
  command: string;
  topic?: string;
  group?: string;
  limit: number;
  all: boolean;
  dryRun: boolean;
  brokers: string[];
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Options {
  const [command = 'help', ...rest] = argv;
  const options: Options = { command, limit: Infinity, all: false, dryRun: false, brokers: brokersFromEnv(env.KAFKA_BROKERS) };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--topic') options.topic = value();
    else if (flag === '--group') options.group = value();
    else if (flag === '--limit') options.limit = Number(value());
    else if (flag === '--brokers') options.brokers = brokersFromEnv(value());
    else if (flag === '--all') options.all = true;
    else if (flag === '--dry-run') options.dryRun = true;
    else throw new UsageError(`unknown option ${flag}`);
  }
  if (!Number.isInteger(options.limit) && options.limit !== Infinity) throw new UsageError('--limit must be a whole number');
  return options;
}

class UsageError extends Error {}

/** Runs one command; output lines go to `print`. Returns the exit code. */
export async function runDlq(argv: string[], print: (line: string) => void = console.log, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv, env);
    if (!['list', 'show', 'replay'].includes(options.command)) {
      print(USAGE);
      return options.command === 'help' || options.command === '--help' ? 0 : 2;
    }
    if (options.brokers.length === 0) throw new UsageError('no broker: set KAFKA_BROKERS or pass --brokers');
    if (options.command !== 'list' && !options.topic) throw new UsageError(`${options.command} needs --topic`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    print(`dlq: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const store = new DeadLetterStore(options.brokers);
  if (options.command === 'list') {
    const topics = await store.list();
    if (topics.length === 0) print('no dead-letter topics');
    for (const { topic, messages } of topics) print(`${topic}\t${messages}`);
    return 0;
  }
  const topic = deadLetterTopicOf(options.topic!);
  if (options.command === 'show') {
    let shown = 0;
    await store.read(topic, { group: options.group }, async (letter) => {
      if (shown++ < options.limit) print(JSON.stringify(describe(letter)));
    });
    print(`${shown} dead letter(s) on ${topic}${options.group ? ` of group ${options.group}` : ''}`);
    return 0;
  }
  const replayer = await store.openReplayer();
  try {
    const progressGroup = options.dryRun || options.all ? undefined : `aftersales-dlq-replay.${topic}${options.group ? `.${options.group}` : ''}`;
    let replayed = 0;
    await store.read(topic, { group: options.group, progressGroup }, async (letter) => {
      if (!options.dryRun) await replayer.replay(letter);
      replayed += 1;
      print(`${options.dryRun ? 'would replay' : 'replayed'} ${letter.topic}[${letter.partition}]@${letter.offset} → ${letter.originalTopic} (key ${letter.key}, ${letter.headers['event-type'] ?? 'message'} ${letter.headers['event-id'] ?? ''})`);
    });
    print(`${replayed} dead letter(s) ${options.dryRun ? 'would be ' : ''}replayed from ${topic}`);
    return 0;
  } finally {
    await replayer.close();
  }
}

function describe(letter: DeadLetter) {
  return {
    at: `${letter.topic}[${letter.partition}]@${letter.offset}`,
    failedIn: letter.group,
    original: `${letter.originalTopic}[${letter.originalPartition}]@${letter.originalOffset}`,
    attempts: letter.attempts,
    failedAt: letter.failedAt,
    error: letter.error,
    key: letter.key,
    eventType: letter.headers['event-type'],
    eventId: letter.headers['event-id'],
    value: letter.value,
  };
}

if (require.main === module) {
  runDlq(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`dlq: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
