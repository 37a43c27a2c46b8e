import { rebuildWorkQueue } from '../scenarios/work-queue-rebuild';
import { infoRow, type Section } from './section';

/** Issue 12's note: the time to rebuild the work queue from 100 000 events (no target set: a figure for the note). */
export const runWorkQueue: Section = async ({ quick, log }) => {
  const result = await rebuildWorkQueue({ events: 100_000, passes: quick ? 1 : 3, log });
  return {
    rows: [
      infoRow(
        `12. Rebuild the work queue from ${result.events.toLocaleString('en-US')} events (${result.openItems.toLocaleString('en-US')} open items)`,
        `${result.medianMs.toFixed(0)} ms`,
        `${result.eventsPerSecond.toFixed(0)} events/s`,
      ),
    ],
    problems: result.problems,
  };
};
