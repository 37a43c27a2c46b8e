import { largeOrder, type RequestTiming } from '../http/large-order';
import type { SummaryRow } from '../support/summary-table';
import { verdict, type Section } from './section';

const WITHIN = 2;

/** Figure 12: one order with 4 000 notes beside one with 20, one request at a time over HTTP. */
export const runLargeOrder: Section = async ({ quick, log }) => {
  const largeNotes = quick ? 1000 : 4000;
  const figures = await largeOrder({ largeNotes, smallNotes: 20, requests: quick ? 20 : 50, log });
  const row = (label: string, pick: (t: { postNote: RequestTiming; getOrder: RequestTiming; timeline: RequestTiming }) => RequestTiming): SummaryRow => {
    const large = pick(figures.large);
    const small = pick(figures.small);
    const ratio = large.medianMs / small.medianMs;
    const size = (t: RequestTiming) => (t.bytes > 2048 ? `, ${(t.bytes / 1024).toFixed(0)} KB` : `, ${t.bytes} B`);
    return {
      figure: `12${label}${size(large)} (baseline: 20 notes${size(small)})`,
      measured: `${large.medianMs.toFixed(2)} ms`,
      baseline: `${small.medianMs.toFixed(2)} ms`,
      ratio: `${ratio.toFixed(2)}×`,
      target: `within ${WITHIN}× of 20 notes`,
      vsTarget: `${(ratio / WITHIN).toFixed(2)}× limit`,
      verdict: verdict(ratio <= WITHIN),
    };
  };
  return {
    problems: [],
    rows: [
      row(`. ${largeNotes.toLocaleString('en-US')}-note order: POST note`, (t) => t.postNote),
      row('b. ... GET /orders/{id}', (t) => t.getOrder),
      row('c. ... GET /orders/{id}/timeline', (t) => t.timeline),
    ],
  };
};
