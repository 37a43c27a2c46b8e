import { caseIntake } from '../http/cases';
import { rebuildWorkQueue } from '../scenarios/work-queue-rebuild';
import { infoRow, type Section } from './section';

/** Issue 12's note: the time to rebuild the work queue from 100 000 events, and cases opened per second through HTTP. */
export const runWorkQueue: Section = async ({ quick, log }) => {
  const rebuild = await rebuildWorkQueue({ events: 100_000, passes: quick ? 1 : 3, log });
  const rows = [
    infoRow(
      `12. Rebuild the work queue from ${rebuild.events.toLocaleString('en-US')} events (${rebuild.openItems.toLocaleString('en-US')} open items)`,
      `${rebuild.medianMs.toFixed(0)} ms`,
      `${rebuild.eventsPerSecond.toFixed(0)} events/s`,
    ),
  ];
  const problems = [...rebuild.problems];
  const intake = await caseIntake({ cases: quick ? 200 : 1000, concurrency: 16, rounds: quick ? 1 : 3, log });
  if (intake) {
    rows.push(infoRow(`13. Cases opened through HTTP (POST /disputes, ${intake.concurrency} clients)`, `${intake.perSecond.toFixed(0)}/s`, `${intake.settledPerSecond.toFixed(0)}/s settled`));
    if (intake.queued !== intake.cases * intake.rounds) problems.push(`the work queue lists ${intake.queued} cases, ${intake.cases * intake.rounds} were opened`);
  } else {
    rows.push(infoRow('13. Cases opened through HTTP', 'no dispute routes in this checkout'));
  }
  return { rows, problems };
};
