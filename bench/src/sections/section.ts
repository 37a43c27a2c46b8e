import type { SummaryRow, Verdict } from '../support/summary-table';

export interface SectionContext {
  quick: boolean;
  log: (line: string) => void;
}

export interface SectionOutcome {
  rows: SummaryRow[];
  /** Wrong results (lost payouts, a read model that does not match its log): the run fails. */
  problems: string[];
}

/** One part of `pnpm bench`: measures some figures and returns their summary rows. */
export type Section = (context: SectionContext) => Promise<SectionOutcome>;

export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FAIL');

/** A row that only informs (no target). */
export function infoRow(figure: string, measured: string, baseline = '', ratio = ''): SummaryRow {
  return { figure, measured, baseline, ratio, target: '', vsTarget: '', verdict: 'info' };
}
