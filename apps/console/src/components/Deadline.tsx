import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, relativeDeadline } from '../format/time';
import { useLocale } from '../i18n/useLocale';

/**
 * A deadline relative to `now` ("due in 3 h", "2 h overdue", the overdue ones red); the instant in the viewer's zone on
 * hover. `now` comes from the caller so a list re-renders all its deadlines from one tick.
 */
export function Deadline({ dueAt, now, testId }: { dueAt: string; now: Date; testId?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { overdue, span } = relativeDeadline(dueAt, now, locale);
  return (
    <Tooltip title={formatInstant(dueAt, locale)}>
      <Tag color={overdue ? 'error' : 'default'} data-testid={testId} data-overdue={overdue}>
        {overdue ? t('deadline.overdue', { span }) : t('deadline.dueIn', { span })}
      </Tag>
    </Tooltip>
  );
}
