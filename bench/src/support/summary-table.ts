export type Verdict = 'PASS' | 'FAIL' | 'info';

export interface SummaryRow {
  figure: string;
  measured: string;
  baseline: string;
  /** measured ÷ baseline */
  ratio: string;
  target: string;
  /** How far from the target: ≥ 1.00× means met for throughput; < 1.00× of the limit means met for memory. */
  vsTarget: string;
  verdict: Verdict;
}

const columns: { key: keyof SummaryRow; title: string; right?: boolean }[] = [
  { key: 'figure', title: 'Figure' },
  { key: 'measured', title: 'Measured', right: true },
  { key: 'baseline', title: 'Baseline', right: true },
  { key: 'ratio', title: 'Ratio', right: true },
  { key: 'target', title: 'Target' },
  { key: 'vsTarget', title: 'vs target', right: true },
  { key: 'verdict', title: 'Result' },
];

export function renderTable(rows: SummaryRow[]): string {
  const widths = columns.map((c) => Math.max(c.title.length, ...rows.map((r) => r[c.key].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (columns[i].right ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(columns.map((c) => c.title)), rule, ...rows.map((r) => line(columns.map((c) => r[c.key])))].join('\n');
}

export const formatRate = (value: number, unit: string): string => `${Math.round(value).toLocaleString('en-US')} ${unit}`;
export const formatRatio = (value: number): string => `${value.toFixed(2)}×`;
export const formatPercent = (value: number): string => `${(value * 100).toFixed(0)} %`;
export const formatMegabytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
