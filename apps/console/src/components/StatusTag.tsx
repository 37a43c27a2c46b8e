import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const GOOD = /^(approved|refunded|resolved|completed|delivered|paid|published|accepted|settled|succeeded)$/;
const BAD = /^(rejected|refused|remedy_refused|failed|overdue|cancelled|closed_by_timeout|breached|escalated|held)$/;
const WAITING = /^(requested|open|pending|awaiting_.*|waiting_.*|in_review|proposed)$/;

/** A status in the viewer's language (common:status.<status>, the raw status when not translated), coloured by kind. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  const color = GOOD.test(status) ? 'success' : BAD.test(status) ? 'error' : WAITING.test(status) ? 'processing' : 'default';
  return (
    <Tag color={color} data-testid={testId} data-status={status}>
      {t(`status.${status}`, { defaultValue: status.replace(/_/g, ' ') })}
    </Tag>
  );
}
