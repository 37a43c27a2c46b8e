import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Badge, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { WORK_ITEM_KINDS, useWorkQueue, type WorkItem, type WorkItemKind, type WorkQueueFilters } from '../../api/work-queue';
import { useIdentity } from '../../auth/SessionProvider';
import { Deadline } from '../../components/Deadline';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { secondsSince } from '../../format/time';
import { QueueFilters } from './QueueFilters';
import { freshItems, isOverdue, itemKey, moveSelection, orderQueue, snapshotOf, type QueueSnapshot } from './queue-model';
import './queue.css';

const ALL = 'all' as const;

/** The filters live in the URL (?kind=dispute&overdue=true …): a link or a reload shows the same queue. */
function filtersOf(params: URLSearchParams): WorkQueueFilters {
  const kind = params.get('kind');
  return {
    kind: (WORK_ITEM_KINDS as readonly string[]).includes(kind ?? '') ? (kind as WorkItemKind) : undefined,
    shopId: params.get('shopId') ?? undefined,
    assigneeId: params.get('assigneeId') ?? undefined,
    overdue: params.get('overdue') === 'true' || undefined,
  };
}

function paramsOf(filters: WorkQueueFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => [name, String(value)]));
}

/** A clock for "updated … ago" and the relative deadlines, one tick for the whole list. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The caller's work queue: overdue first and marked, then by deadline; counts per kind; filters; polled every 5 s and
 * on focus, with the time of the last answer and new or newly overdue items highlighted; ↑/↓ and Enter open a case file.
 */
export default function QueuePage() {
  const { t } = useTranslation('queue');
  const identity = useIdentity()!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const query = useWorkQueue(filters);
  const now = useNow(1_000);

  const pages = query.data?.pages;
  const counts = pages?.[0]?.counts;
  const loaded = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  // The order is taken when an answer comes, not every tick, so rows do not jump under the cursor between polls.
  const items = useMemo(() => orderQueue(loaded, Date.now()), [loaded]);

  // What changed since the previous answer (for these filters): highlighted until the next answer.
  const snapshot = useRef<{ filters: string; seen: QueueSnapshot } | undefined>(undefined);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    if (!pages || query.isPlaceholderData) return;
    const at = Date.now();
    const previous = snapshot.current?.filters === filtersKey ? snapshot.current.seen : undefined;
    setFresh(freshItems(previous, loaded, at));
    snapshot.current = { filters: filtersKey, seen: snapshotOf(loaded, at) };
  }, [pages, loaded, filtersKey, query.isPlaceholderData]);

  const [selected, setSelected] = useState<number | undefined>(undefined);
  const keys = useRef<HTMLDivElement>(null);
  useEffect(() => keys.current?.focus(), []);
  useEffect(() => setSelected((current) => (current === undefined ? undefined : Math.min(current, items.length - 1))), [items.length]);

  const open = useCallback((item: WorkItem) => navigate(`/orders/${encodeURIComponent(item.orderId)}`), [navigate]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = moveSelection(selected, event.key, items.length);
      setSelected(next);
      if (next !== undefined) keys.current?.querySelector(`[data-row-key="${CSS.escape(itemKey(items[next]))}"]`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' && selected !== undefined && items[selected]) {
      event.preventDefault();
      open(items[selected]);
    }
  };

  const setFilters = (next: WorkQueueFilters) => {
    setSelected(undefined);
    setParams(paramsOf(next), { replace: true });
  };

  const countOf = (kind: WorkItemKind | typeof ALL) => (kind === ALL ? counts?.total : counts?.byKind[kind]?.total);
  const overdueOf = (kind: WorkItemKind | typeof ALL) => (kind === ALL ? counts?.overdue : counts?.byKind[kind]?.overdue);
  const tabs = [ALL, ...WORK_ITEM_KINDS].map((kind: WorkItemKind | typeof ALL) => ({
    key: kind,
    label: (
      <span data-testid={`queue-count-${kind}`} data-count={countOf(kind) ?? ''} data-overdue-count={overdueOf(kind) ?? ''}>
        {kind === ALL ? t('all') : t(`kinds.${kind}`)} <Badge count={countOf(kind) ?? 0} showZero color={(overdueOf(kind) ?? 0) > 0 ? 'red' : 'blue'} overflowCount={9999} />
      </span>
    ),
  }));

  const columns = [
    {
      title: t('columns.deadline'),
      key: 'deadline',
      width: 220,
      render: (_: unknown, item: WorkItem) => (
        <Space size={4} wrap>
          {isOverdue(item, now) && (
            <Tag color="red" data-testid={`queue-overdue-${item.id}`}>
              {t('common:deadline.overdueTag')}
            </Tag>
          )}
          {item.dueAt ? <Deadline dueAt={item.dueAt} now={new Date(now)} testId={`queue-deadline-${item.id}`} /> : '—'}
          {fresh.has(itemKey(item)) && (
            <Tag color="gold" data-testid={`queue-fresh-${item.id}`}>
              {t('fresh')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('columns.kind'), key: 'kind', width: 130, render: (_: unknown, item: WorkItem) => <Tag data-testid={`queue-kind-${item.id}`}>{t(`kinds.${item.kind}`)}</Tag> },
    { title: t('columns.status'), key: 'status', width: 150, render: (_: unknown, item: WorkItem) => <StatusTag status={item.status} /> },
    {
      title: t('columns.order'),
      key: 'order',
      render: (_: unknown, item: WorkItem) => (
        <Link to={`/orders/${encodeURIComponent(item.orderId)}`} data-testid={`queue-open-${item.id}`} onClick={(event) => event.stopPropagation()}>
          {item.orderId}
        </Link>
      ),
    },
    { title: t('columns.shop'), dataIndex: 'shopId', key: 'shop', width: 120 },
    {
      title: t('columns.assignee'),
      key: 'assignee',
      width: 140,
      render: (_: unknown, item: WorkItem) => item.assigneeId ?? <Typography.Text type="secondary">{t('unassigned')}</Typography.Text>,
    },
  ];

  const updatedAt = query.dataUpdatedAt;
  return (
    <Card
      title={t('title')}
      data-testid="queue-page"
      extra={
        <Space wrap>
          {counts && counts.overdue > 0 && (
            <Tag color="red" data-testid="queue-overdue-total" data-count={counts.overdue}>
              {t('overdueCount', { count: counts.overdue })}
            </Tag>
          )}
          {updatedAt > 0 && (
            <Tooltip title={new Date(updatedAt).toISOString()}>
              <Typography.Text type="secondary" data-testid="queue-updated" data-updated-at={updatedAt}>
                {t('common:updated', { seconds: secondsSince(updatedAt, now) })}
              </Typography.Text>
            </Tooltip>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <QueueFilters identity={identity} filters={filters} onChange={setFilters} />
        <Tabs activeKey={filters.kind ?? ALL} items={tabs} onChange={(kind) => setFilters({ ...filters, kind: kind === ALL ? undefined : (kind as WorkItemKind) })} />
        <ProblemAlert error={query.error} />
        <div ref={keys} tabIndex={0} className="queue-keys" onKeyDown={onKeyDown} data-testid="queue-list" aria-label={t('keyboardHint')}>
          <Table<WorkItem>
            className="queue-table"
            size="small"
            rowKey={itemKey}
            dataSource={items}
            columns={columns}
            loading={query.isLoading}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <span data-testid="queue-empty">{t('empty')}</span> }}
            rowClassName={(item, index) =>
              [
                'queue-row',
                isOverdue(item, now) ? 'queue-row-overdue' : '',
                fresh.has(itemKey(item)) ? 'queue-row-fresh' : '',
                index === selected ? 'queue-row-selected' : '',
              ].join(' ')
            }
            onRow={(item, index) =>
              ({
                'data-testid': `queue-row-${item.id}`,
                'data-overdue': isOverdue(item, now),
                'data-fresh': fresh.has(itemKey(item)),
                'data-index': index,
                'aria-selected': index === selected,
                onClick: () => open(item),
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        </div>
        <Space wrap>
          <Typography.Text type="secondary">{t('keyboardHint')}</Typography.Text>
          {counts && <Typography.Text type="secondary" data-testid="queue-shown">{t('shownOf', { shown: items.length, total: filters.kind ? (counts.byKind[filters.kind]?.total ?? 0) : counts.total })}</Typography.Text>}
          {query.hasNextPage && (
            <Button data-testid="queue-load-more" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {t('loadMore')}
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}
