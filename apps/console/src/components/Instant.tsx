import { Tooltip } from 'antd';
import { formatInstant } from '../format/time';
import { useLocale } from '../i18n/useLocale';

/** An ISO instant in the viewer's zone (the exact UTC value on hover). */
export function Instant({ at, testId }: { at: string | undefined; testId?: string }) {
  const { locale } = useLocale();
  if (!at) return <span>—</span>;
  return (
    <Tooltip title={at}>
      <time dateTime={at} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {formatInstant(at, locale)}
      </time>
    </Tooltip>
  );
}
