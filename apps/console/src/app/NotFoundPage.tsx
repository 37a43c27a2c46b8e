import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<span data-testid="not-found">{t('notFound')}</span>}
      extra={
        <Link to="/">
          <Button type="primary">{t('backToQueue')}</Button>
        </Link>
      }
    />
  );
}
