import { rebuildIntoMongo } from '../scenarios/mongo-rebuild';
import { infoRow, type Section } from './section';

/** Issue 14's note: the `orders` rebuild into MongoDB read models (FerretDB in CI) beside SQLite read models. */
export const runMongo: Section = async ({ quick, log }) => {
  const url = process.env.AFTERSALES_MONGO_URL;
  if (!url) {
    log('  skipped: AFTERSALES_MONGO_URL is not set (bash infra/mongo/scripts/ferretdb.sh start)');
    return { rows: [infoRow('14. Rebuild into MongoDB read models', 'skipped: AFTERSALES_MONGO_URL is not set')], problems: [] };
  }
  const events = Number(process.env.BENCH_MONGO_EVENTS ?? (quick ? 5_000 : 20_000));
  const result = await rebuildIntoMongo({ url, events, passes: quick ? 1 : 3, log });
  return {
    rows: [
      infoRow(
        `14. Rebuild orders from ${result.events.toLocaleString('en-US')} events into MongoDB read models (${url})`,
        `${result.mongo.toFixed(0)} events/s`,
        `SQLite ${result.sqlite.toFixed(0)} events/s`,
        `${(result.mongo / result.sqlite).toFixed(2)}x`,
      ),
    ],
    problems: result.problems,
  };
};
