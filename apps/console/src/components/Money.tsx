import { formatMoney } from '../format/money';

/** An amount of minor units in yuan with the fen exact: `<Money minor={123450} />` → ¥1,234.50. */
export function Money({ minor, currency = 'CNY', testId }: { minor: number; currency?: string; testId?: string }) {
  return (
    <span className="money" data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(minor, currency)}
    </span>
  );
}
