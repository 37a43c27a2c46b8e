import { useMemo, useState } from 'react';
import { Badge, Card, Col, Empty, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCan } from '../../access/useCan';
import { useIntentKey } from '../../api/idempotency';
import { useAnswerApproval, useApprovalsWaiting, useCompensation, useOverdueItems, useSlaBreaches } from '../../api/supervisor';
import { useIdentity } from '../../auth/SessionProvider';
import { ActionButton } from '../../components/ActionButton';
import { Deadline } from '../../components/Deadline';
import { Instant } from '../../components/Instant';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { StatusTag } from '../../components/StatusTag';
import { approvalCommand, breachChartRows, recentPeriod, type QueueItem } from './supervisor-model';

const PERIODS = [7, 14, 30] as const;
const COLORS = ['#cf1322', '#fa8c16', '#d4b106', '#1677ff', '#722ed1', '#13c2c2'];

/** What a supervisor watches: what is overdue, what waits for their approval, and the SLA breaches per day (CONSOLE.md). */
export default function SupervisorPage() {
  const { t } = useTranslation('supervisor');
  const identity = useIdentity();
  const [shopId, setShopId] = useState<string | undefined>(undefined);
  const shops = identity?.shopIds ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="supervisor-page">
      <Card>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <span>{t('shopFilter')}</span>
          <Select
            data-testid="shop-filter"
            style={{ minWidth: 200 }}
            value={shopId ?? ''}
            onChange={(value: string) => setShopId(value === '' ? undefined : value)}
            options={[{ value: '', label: t('allShops') }, ...shops.map((shop) => ({ value: shop, label: shop }))]}
          />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <OverdueCard shopId={shopId} />
        </Col>
        <Col xs={24} xxl={12}>
          <ApprovalsCard shopId={shopId} />
        </Col>
      </Row>
      <BreachesCard shopId={shopId} />
    </Space>
  );
}

function ItemLink({ item }: { item: QueueItem }) {
  return (
    <Link to={`/orders/${encodeURIComponent(item.orderId)}`} data-testid={`open-case-${item.id}`}>
      {item.orderId}
    </Link>
  );
}

function OverdueCard({ shopId }: { shopId?: string }) {
  const { t } = useTranslation('supervisor');
  const overdue = useOverdueItems(shopId);
  const items = overdue.data?.items ?? [];
  const now = new Date();
  return (
    <Card
      title={
        <Space>
          {t('overdue.title')}
          <Badge count={items.length} showZero color={items.length > 0 ? 'red' : 'green'} data-testid="overdue-count" data-count={items.length} />
        </Space>
      }
    >
      <ProblemAlert error={overdue.error} />
      <Table<QueueItem>
        rowKey={(item) => `${item.kind}:${item.id}`}
        size="small"
        loading={overdue.isLoading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('overdue.empty')} /> }}
        onRow={(item) => ({ 'data-testid': `overdue-row-${item.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('columns.kind'), key: 'kind', render: (_, item) => <Tag>{t(`kinds.${item.kind}`, { defaultValue: item.kind })}</Tag> },
          { title: t('columns.order'), key: 'order', render: (_, item) => <ItemLink item={item} /> },
          { title: t('columns.shop'), dataIndex: 'shopId', render: (shop: string) => <Link to={`/shops/${encodeURIComponent(shop)}`}>{shop}</Link> },
          { title: t('columns.status'), key: 'status', render: (_, item) => <StatusTag status={item.status} /> },
          { title: t('columns.due'), key: 'due', render: (_, item) => (item.dueAt ? <Deadline dueAt={item.dueAt} now={now} /> : '—') },
          { title: t('columns.assignee'), dataIndex: 'assigneeId', render: (who?: string) => who ?? '—' },
        ]}
      />
    </Card>
  );
}

function ApprovalAmount({ item }: { item: QueueItem }) {
  const compensation = useCompensation(item.kind === 'compensation' ? item.id : undefined);
  if (item.kind !== 'compensation') return <span>—</span>;
  if (!compensation.data) return <span>…</span>;
  return <Money minor={compensation.data.amount} currency={compensation.data.currency} testId={`approval-amount-${item.id}`} />;
}

function ApprovalsCard({ shopId }: { shopId?: string }) {
  const { t } = useTranslation('supervisor');
  const approvals = useApprovalsWaiting(shopId);
  const answer = useAnswerApproval();
  const intent = useIntentKey();
  const [rejecting, setRejecting] = useState<QueueItem | undefined>(undefined);
  const items = approvals.data ?? [];
  const decide = (item: QueueItem, decision: 'approve' | 'reject', reason?: string) =>
    answer.mutate(
      { item, decision, reason, idempotencyKey: intent.key() },
      {
        onSuccess: () => {
          intent.done();
          setRejecting(undefined);
        },
      },
    );
  return (
    <Card
      title={
        <Space>
          {t('approvals.title')}
          <Badge count={items.length} showZero color="blue" data-testid="approvals-count" data-count={items.length} />
        </Space>
      }
    >
      <ProblemAlert error={approvals.error} />
      {!rejecting && <ProblemAlert error={answer.error} onClose={() => answer.reset()} />}
      <Table<QueueItem>
        rowKey={(item) => `${item.kind}:${item.id}`}
        size="small"
        loading={approvals.isLoading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('approvals.empty')} /> }}
        onRow={(item) => ({ 'data-testid': `approval-row-${item.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('columns.kind'), key: 'kind', render: (_, item) => <Tag>{t(`kinds.${item.kind}`, { defaultValue: item.kind })}</Tag> },
          { title: t('columns.order'), key: 'order', render: (_, item) => <ItemLink item={item} /> },
          { title: t('columns.amount'), key: 'amount', render: (_, item) => <ApprovalAmount item={item} /> },
          { title: t('columns.since'), key: 'since', render: (_, item) => <Instant at={item.dueAt ?? undefined} /> },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_, item) => <ApprovalActions item={item} pending={answer.isPending && answer.variables?.item.id === item.id} onDecide={decide} onReject={setRejecting} />,
          },
        ]}
      />
      <ReasonModal
        open={rejecting !== undefined}
        title={t('approvals.rejectTitle')}
        placeholder={t('reason')}
        name="confirm-reject"
        pending={answer.isPending}
        error={rejecting ? answer.error : undefined}
        onSubmit={(reason) => rejecting && decide(rejecting, 'reject', reason)}
        onCancel={() => {
          setRejecting(undefined);
          answer.reset();
        }}
      />
    </Card>
  );
}

function ApprovalActions({
  item,
  pending,
  onDecide,
  onReject,
}: {
  item: QueueItem;
  pending: boolean;
  onDecide: (item: QueueItem, decision: 'approve') => void;
  onReject: (item: QueueItem) => void;
}) {
  const { t } = useTranslation('supervisor');
  const approve = approvalCommand(item, 'approve');
  const reject = approvalCommand(item, 'reject');
  return (
    <Space>
      <ActionButton operation={approve.operation} scope={{ shopId: item.shopId }} name={`approve-${item.id}`} type="primary" size="small" loading={pending} onClick={() => onDecide(item, 'approve')}>
        {t('approvals.approve')}
      </ActionButton>
      <ActionButton operation={reject.operation} scope={{ shopId: item.shopId }} name={`reject-${item.id}`} danger size="small" disabled={pending} onClick={() => onReject(item)}>
        {t('approvals.reject')}
      </ActionButton>
    </Space>
  );
}

function BreachesCard({ shopId }: { shopId?: string }) {
  const { t } = useTranslation('supervisor');
  const [days, setDays] = useState<number>(14);
  const period = useMemo(() => recentPeriod(new Date(), days), [days]);
  const allowed = useCan('GET /work-queue/sla-breaches', { shopId });
  const breaches = useSlaBreaches(period, shopId);
  const rows = breaches.data ? breachChartRows(breaches.data) : [];
  const metrics = breaches.data?.metrics ?? [];
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  return (
    <Card
      title={t('breaches.title')}
      data-testid="breach-card"
      data-allowed={allowed}
    >
      <ProblemAlert error={breaches.error} />
      <Space style={{ marginBottom: 8 }} wrap>
        <Segmented
          data-testid="breach-period"
          value={days}
          onChange={(value) => setDays(Number(value))}
          options={PERIODS.map((value) => ({ value, label: t('breaches.days', { days: value }) }))}
        />
        <Typography.Text strong data-testid="breach-total" data-count={total}>
          {t('breaches.total', { count: total })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('breaches.utc')}</Typography.Text>
      </Space>
      <div style={{ width: '100%', height: 280 }} data-testid="breach-chart">
        {total === 0 && !breaches.isLoading ? (
          <Empty description={t('breaches.empty')} />
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {metrics.map((metric, i) => (
                <Bar key={metric} stackId="breaches" dataKey={(row: Record<string, number>) => row[metric] ?? 0} name={t(`metrics.${metric}`, { defaultValue: metric })} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
    </Card>
  );
}
