import { httpThroughput, medianP99, medianRate } from '../http/http-scenarios';
import { median } from '../support/statistics';
import { formatPercent, formatRate, formatRatio } from '../support/summary-table';
import { infoRow, verdict, type Section } from './section';

const TARGETS = { notesOfBare: 0.5, notesP99Ms: 25, placementPerSecond: 1500, bytesPerNote: 10 * 1024 };
const CONNECTIONS = 16;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Figures 5–8: notes, placement and reads over HTTP at 16 connections beside a bare NestJS app; bytes written per note. */
export const runHttp: Section = async ({ quick, log }) => {
  const figures = await httpThroughput({
    rounds: quick ? 1 : 3,
    seconds: quick ? 2 : 5,
    warmupSeconds: quick ? 0.5 : 1,
    connections: CONNECTIONS,
    noteOrders: 200,
    sequentialNotes: quick ? 200 : 500,
    log,
  });
  const notes = medianRate(figures.notesSpread.ours);
  const barePost = medianRate(figures.notesSpread.bare);
  const notesP99 = medianP99(figures.notesSpread.ours);
  const placement = medianRate(figures.placement);
  const reads = medianRate(figures.getOrder.ours);
  const bareGet = medianRate(figures.getOrder.bare);
  const cpuPerNote = median(figures.cpuPerNote.ours);
  const cpuPerBarePost = median(figures.cpuPerNote.bare);
  const perNote = median(figures.bytesPerNoteUnderLoad.map((w) => w.wchar));
  const perNoteStorage = median(figures.bytesPerNoteUnderLoad.map((w) => w.storage));
  const problems = [...figures.notesSpread.ours, ...figures.notesHot, ...figures.placement, ...figures.getOrder.ours]
    .filter((r) => r.non2xx + r.errors > 0)
    .map((r) => `an HTTP run had ${r.non2xx} non-2xx answers and ${r.errors} errors of ${r.requests}`);
  return {
    problems,
    rows: [
      {
        figure: `5. POST /orders/{id}/notes, ${CONNECTIONS} conn, 200 orders (baseline: bare NestJS POST)`,
        measured: formatRate(notes, 'req/s'),
        baseline: formatRate(barePost, 'req/s'),
        ratio: formatPercent(notes / barePost),
        target: `≥ ${formatPercent(TARGETS.notesOfBare)} of bare`,
        vsTarget: formatRatio(notes / barePost / TARGETS.notesOfBare),
        verdict: verdict(notes / barePost >= TARGETS.notesOfBare),
      },
      {
        figure: '5b. ... p99 latency',
        measured: `${notesP99} ms`,
        baseline: `${medianP99(figures.notesSpread.bare)} ms`,
        ratio: '',
        target: `< ${TARGETS.notesP99Ms} ms`,
        vsTarget: `${(notesP99 / TARGETS.notesP99Ms).toFixed(2)}× limit`,
        verdict: verdict(notesP99 < TARGETS.notesP99Ms),
      },
      infoRow(`5c. POST notes, ${CONNECTIONS} conn, one hot order (p99 ${medianP99(figures.notesHot)} ms)`, formatRate(medianRate(figures.notesHot), 'req/s'), formatRate(barePost, 'req/s'), formatPercent(medianRate(figures.notesHot) / barePost)),
      // What the ratio of figure 5 would be if both servers were bound by their own CPU (see HttpFigures.cpuPerNote).
      infoRow(
        `5d. ... CPU per request, all threads (baseline: bare NestJS POST; ratio: bare / ours)`,
        `${Math.round(cpuPerNote)} µs`,
        `${Math.round(cpuPerBarePost)} µs`,
        formatPercent(cpuPerBarePost / cpuPerNote),
      ),
      {
        figure: `6. POST /orders, ${CONNECTIONS} conn, unique Idempotency-Keys (p99 ${medianP99(figures.placement)} ms)`,
        measured: formatRate(placement, 'req/s'),
        baseline: formatRate(barePost, 'req/s'),
        ratio: formatPercent(placement / barePost),
        target: `≥ ${formatRate(TARGETS.placementPerSecond, '/s')}`,
        vsTarget: formatRatio(placement / TARGETS.placementPerSecond),
        verdict: verdict(placement >= TARGETS.placementPerSecond),
      },
      infoRow(`7. GET /orders/{id}, ${CONNECTIONS} conn (p99 ${medianP99(figures.getOrder.ours)} ms; baseline: bare GET)`, formatRate(reads, 'req/s'), formatRate(bareGet, 'req/s'), formatPercent(reads / bareGet)),
      {
        figure: `8. Bytes written per note, ${CONNECTIONS} conn (wchar less responses; ${kb(perNoteStorage)} to storage)`,
        measured: kb(perNote),
        baseline: '',
        ratio: '',
        target: `≤ ${kb(TARGETS.bytesPerNote)}`,
        vsTarget: `${(perNote / TARGETS.bytesPerNote).toFixed(2)}× limit`,
        verdict: verdict(perNote <= TARGETS.bytesPerNote),
      },
      infoRow(`8b. Bytes written per note, sequential (${kb(figures.bytesPerNoteSequential.storage)} to storage)`, kb(figures.bytesPerNoteSequential.wchar)),
    ],
  };
};
