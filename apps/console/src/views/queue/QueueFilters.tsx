import { Input, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkQueueFilters } from '../../api/work-queue';
import type { Identity } from '../../auth/session';

/**
 * Shop, assignee and the overdue view. Shop staff pick among their shops; platform and finance type a shop id (they
 * see every shop). The assignee filter is the supervisor's (and the platform's).
 */
export function QueueFilters({ identity, filters, onChange }: { identity: Identity; filters: WorkQueueFilters; onChange: (next: WorkQueueFilters) => void }) {
  const { t } = useTranslation('queue');
  const staff = identity.role === 'agent' || identity.role === 'supervisor';
  const assigns = identity.role === 'supervisor' || identity.role === 'platform';
  return (
    <Space wrap size="middle" data-testid="queue-filters">
      {staff && identity.shopIds.length > 1 && (
        <Select
          data-testid="queue-filter-shop"
          aria-label={t('filters.shop')}
          style={{ minWidth: 160 }}
          value={filters.shopId ?? ''}
          options={[{ value: '', label: t('filters.allShops') }, ...identity.shopIds.map((shopId) => ({ value: shopId, label: shopId }))]}
          onChange={(shopId: string) => onChange({ ...filters, shopId: shopId || undefined })}
        />
      )}
      {!staff && (
        <Input.Search
          data-testid="queue-filter-shop"
          aria-label={t('filters.shop')}
          allowClear
          style={{ width: 200 }}
          placeholder={t('filters.shopPlaceholder')}
          defaultValue={filters.shopId}
          onSearch={(shopId) => onChange({ ...filters, shopId: shopId.trim() || undefined })}
        />
      )}
      {assigns && (
        <Input.Search
          data-testid="queue-filter-assignee"
          aria-label={t('filters.assignee')}
          allowClear
          style={{ width: 200 }}
          placeholder={t('filters.assigneePlaceholder')}
          defaultValue={filters.assigneeId}
          onSearch={(assigneeId) => onChange({ ...filters, assigneeId: assigneeId.trim() || undefined })}
        />
      )}
      <Space>
        <Switch data-testid="queue-filter-overdue" aria-label={t('filters.overdueOnly')} checked={Boolean(filters.overdue)} onChange={(overdue) => onChange({ ...filters, overdue: overdue || undefined })} />
        <Typography.Text>{t('filters.overdueOnly')}</Typography.Text>
      </Space>
    </Space>
  );
}
