import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a view shows until its helper builds it: its title (from its own namespace) and a note. */
export function PlaceholderPage({ namespace, testId }: { namespace: string; testId: string }) {
  const { t } = useTranslation(namespace);
  const { t: common } = useTranslation();
  return (
    <Card data-testid={testId} title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{common('placeholder')}</Typography.Paragraph>
    </Card>
  );
}
