/**
 * Issue 13's rebuild figure: the time to rebuild the shop ratings (`shop_ratings`, what
 * `/admin/projections/shop_ratings/rebuild` runs) from 100 000 review-service events on the SQLite adapters, and the
 * peak RSS of the process that rebuilds. Seeding runs in its own child process (not timed, not in the RSS); the
 * rebuilt ratings are checked against the generator's own counts.
 *
 * Loads BENCH_TARGET's packages (default: this checkout).
 */
import '../target/target-resolution';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectionRunner, SystemClock } from '@aftersales/kernel';
import { createRatingsService, shopRatingsProjection } from '@aftersales/review';
import { SqliteEventStore, SqliteReadModelStore } from '@aftersales/sqlite';
import { median, perSecond } from '../support/statistics';
import { generateReviewHistory, seedReviewLog, type ShopCounts } from '../workload/review-history';

export interface SeededReviews {
  events: number;
  shops: number;
  reviews: number;
}

export interface RatingsRebuildResults {
  events: number;
  passesMs: number[];
  medianMs: number;
  eventsPerSecond: number;
  problems: string[];
}

const EXPECTED_FILE = 'expected-ratings.json';

/** Child process 1: writes the log (and what every shop's rating must read) into `folder`. */
export async function seedReviews({ folder, events, log }: { folder: string; events: number; log: (line: string) => void }): Promise<SeededReviews> {
  const history = generateReviewHistory(events);
  const store = new SqliteEventStore({ path: join(folder, 'events.db'), clock: new SystemClock() });
  const started = performance.now();
  await seedReviewLog(store, history);
  await store.close();
  writeFileSync(join(folder, EXPECTED_FILE), JSON.stringify([...history.expected]));
  const reviews = history.subjects.filter((s) => s.streamId.startsWith('review-rev_')).length;
  log(`  seeded ${history.events} events (${reviews} reviews of ${history.expected.size} shops, their moderation, follow-ups and revisions) in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`);
  return { events: history.events, shops: history.expected.size, reviews };
}

/** Child process 2: rebuilds `shop_ratings` from the log `passes` times into the same read-model file, then checks it. */
export async function rebuildRatings({ folder, passes, log }: { folder: string; passes: number; log: (line: string) => void }): Promise<RatingsRebuildResults> {
  const store = new SqliteEventStore({ path: join(folder, 'events.db'), clock: new SystemClock() });
  const readModels = new SqliteReadModelStore({ path: join(folder, 'read-models.db') });
  const runner = new ProjectionRunner(store, readModels, shopRatingsProjection);
  const passesMs: number[] = [];
  const problems: string[] = [];
  let events = 0;
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const report = await runner.rebuild();
    passesMs.push(performance.now() - started);
    events = report.events;
    log(`  pass ${pass + 1}: ${passesMs.at(-1)!.toFixed(0)} ms`);
  }
  const expected = new Map(JSON.parse(readFileSync(join(folder, EXPECTED_FILE), 'utf8')) as [string, ShopCounts][]);
  const ratings = createRatingsService({ readModels });
  for (const [shopId, counts] of expected) {
    const rating = await ratings.getShopRating(shopId);
    const read = { positive: rating.positive, neutral: rating.neutral, negative: rating.negative, opened: rating.followUps.opened, contactedInTime: rating.followUps.contactedInTime, revisedUpward: rating.followUps.revisedUpward };
    if (JSON.stringify(read) !== JSON.stringify(counts)) problems.push(`${shopId} reads ${JSON.stringify(read)} after the rebuild, the generator made ${JSON.stringify(counts)}`);
  }
  await readModels.close();
  await store.close();
  const medianMs = median(passesMs);
  return { events, passesMs, medianMs, eventsPerSecond: perSecond(events, medianMs), problems: problems.slice(0, 5) };
}
