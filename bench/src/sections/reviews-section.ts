import { reviewIntake } from '../http/reviews';
import { inTargetProcess } from '../target/child-scenario';
import { createTempFolder } from '../support/temp-folder';
import { formatMegabytes } from '../support/summary-table';
import type { RatingsRebuildResults, SeededReviews } from '../scenarios/ratings-rebuild';
import { infoRow, type Section } from './section';

/** Issue 13's note: reviews posted per second through HTTP with moderation on, and the shop ratings rebuilt from 100 000 events. */
export const runReviews: Section = async ({ quick, log }) => {
  const rows = [];
  const problems: string[] = [];
  const folder = createTempFolder('ratings');
  try {
    const seeded = await inTargetProcess<SeededReviews>('scenarios/ratings-rebuild', 'seedReviews', { folder: folder.path, events: 100_000 });
    const rebuild = await inTargetProcess<RatingsRebuildResults>('scenarios/ratings-rebuild', 'rebuildRatings', { folder: folder.path, passes: quick ? 1 : 3 });
    rows.push(
      infoRow(
        `13a. Rebuild the shop ratings from ${rebuild.result.events.toLocaleString('en-US')} events (${seeded.result.reviews.toLocaleString('en-US')} reviews, ${seeded.result.shops} shops)`,
        `${rebuild.result.medianMs.toFixed(0)} ms`,
        `${rebuild.result.eventsPerSecond.toFixed(0)} events/s`,
      ),
      infoRow('13b. ... peak RSS of the rebuilding process', formatMegabytes(rebuild.maxRssBytes)),
    );
    problems.push(...rebuild.result.problems);
  } finally {
    folder.dispose();
  }
  const intake = await reviewIntake({ reviews: quick ? 200 : 1000, concurrency: 16, rounds: quick ? 1 : 3, log });
  if (intake) {
    rows.push(
      infoRow(
        `13c. Reviews posted through HTTP with moderation on (POST /reviews, half with text to check, ${intake.held} held; ${intake.concurrency} clients)`,
        `${intake.perSecond.toFixed(0)}/s`,
        `${intake.settledPerSecond.toFixed(0)}/s settled`,
      ),
    );
    if (intake.counted !== intake.expectedCounted) problems.push(`the shop's rating counts ${intake.counted} reviews, ${intake.expectedCounted} were posted unheld`);
  } else {
    rows.push(infoRow('13c. Reviews posted through HTTP', 'no review routes in this checkout'));
  }
  return { rows, problems };
};
