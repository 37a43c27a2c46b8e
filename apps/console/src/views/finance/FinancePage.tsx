import { useState } from 'react';
import { App, Badge, Button, Card, Descriptions, Empty, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIntentKey } from '../../api/idempotency';
import { useLedgerCsv, useLedgerPage, useReconciliation, type JournalEntry } from '../../api/ledger';
import { useFailedPayouts, useRetryPayout, type Payout } from '../../api/payouts';
import { ActionButton } from '../../components/ActionButton';
import { Instant } from '../../components/Instant';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { csvFileName, ledgerQuery, totalsRows, type LedgerFilter, type Totals } from './finance-model';

/** Finance's day: the ledger (pages, totals, CSV), the reconciliation of a period, the failed payouts to re-drive. */
export default function FinancePage() {
  const { t } = useTranslation('finance');
  const [filter, setFilter] = useState<LedgerFilter>({});
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <LedgerCard filter={filter} onFilter={setFilter} />
      <FailedPayoutsCard />
      <ReconciliationCard filter={filter} />
    </Space>
  );
}

function TotalsTable({ totals, testId }: { totals: Totals | undefined; testId: string }) {
  const { t } = useTranslation('finance');
  return (
    <Table
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey="currency"
      dataSource={totalsRows(totals)}
      onRow={(row) => ({ 'data-testid': `${testId}-${row.currency}`, 'data-debits': row.debits, 'data-credits': row.credits }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('columns.currency'), dataIndex: 'currency' },
        { title: t('ledger.debits'), key: 'debits', render: (_, row) => <Money minor={row.debits} currency={row.currency} /> },
        { title: t('ledger.credits'), key: 'credits', render: (_, row) => <Money minor={row.credits} currency={row.currency} /> },
        { title: '', key: 'balanced', render: (_, row) => <Tag color={row.balanced ? 'success' : 'error'}>{row.balanced ? t('ledger.balanced') : t('ledger.unbalanced')}</Tag> },
      ]}
    />
  );
}

function LedgerCard({ filter, onFilter }: { filter: LedgerFilter; onFilter: (filter: LedgerFilter) => void }) {
  const { t } = useTranslation('finance');
  const { message } = App.useApp();
  const [form] = Form.useForm<LedgerFilter>();
  /** The cursors of the pages shown so far: the last one is the current page's. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const query = ledgerQuery(filter);
  const page = useLedgerPage(query, cursors.at(-1));
  const csv = useLedgerCsv();
  const search = (values: LedgerFilter) => {
    setCursors([undefined]);
    onFilter(values);
  };
  const entries = page.data?.entries ?? [];
  return (
    <Card title={t('ledger.title')}>
      <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item name="shopId" label={t('ledger.shop')}>
          <Input data-testid="ledger-shop" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="orderId" label={t('ledger.order')}>
          <Input data-testid="ledger-order" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="fromDay" label={t('ledger.from')}>
          <Input data-testid="ledger-from" type="date" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="toDay" label={t('ledger.to')}>
          <Input data-testid="ledger-to" type="date" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="action-ledger-search">
              {t('ledger.search')}
            </Button>
            <ActionButton
              operation="GET /ledger/entries"
              name="ledger-csv"
              loading={csv.isPending}
              onClick={() => {
                const values = { ...filter, ...form.getFieldsValue() };
                const fileName = csvFileName(values);
                csv.mutate({ query: ledgerQuery(values), fileName }, { onSuccess: (file) => void message.success(t('ledger.downloaded', { file })) });
              }}
            >
              {t('ledger.csv')}
            </ActionButton>
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={page.error} />
      <ProblemAlert error={csv.error} onClose={() => csv.reset()} />
      <Table<JournalEntry>
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('ledger.empty')} /> }}
        onRow={(entry) => ({ 'data-testid': `ledger-row-${entry.id}`, 'data-order': entry.orderId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('columns.postedAt'), key: 'postedAt', render: (_, entry) => <Instant at={entry.postedAt} /> },
          { title: t('columns.kind'), dataIndex: 'kind', render: (kind: string) => <Tag>{kind}</Tag> },
          { title: t('columns.order'), key: 'order', render: (_, entry) => (entry.orderId ? <Link to={`/orders/${encodeURIComponent(entry.orderId)}`}>{entry.orderId}</Link> : '—') },
          { title: t('columns.shop'), key: 'shop', render: (_, entry) => (entry.shopId ? <Link to={`/shops/${encodeURIComponent(entry.shopId)}`}>{entry.shopId}</Link> : '—') },
          { title: t('columns.amount'), key: 'amount', align: 'right', render: (_, entry) => <Money minor={entry.amount} currency={entry.currency} testId={`ledger-amount-${entry.id}`} /> },
          {
            title: t('columns.lines'),
            key: 'lines',
            render: (_, entry) => (
              <div>
                {entry.lines.map((line) => (
                  <div key={line.account} style={{ whiteSpace: 'nowrap' }}>
                    <code>{line.account}</code> {line.debit > 0 ? <>{t('ledger.debits')} <Money minor={line.debit} currency={entry.currency} /></> : <>{t('ledger.credits')} <Money minor={line.credit} currency={entry.currency} /></>}
                  </div>
                ))}
              </div>
            ),
          },
          { title: t('columns.rule'), key: 'rule', render: (_, entry) => (entry.rule ? <code>{`${entry.rule.id}@${entry.rule.version}`}</code> : '—') },
          { title: t('columns.explanation'), dataIndex: 'explanation', render: (text: string) => <Typography.Text style={{ maxWidth: 360, display: 'inline-block' }}>{text}</Typography.Text> },
        ]}
      />
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text data-testid="ledger-page" data-count={page.data?.count ?? 0}>
          {t('ledger.page', { page: cursors.length, count: page.data?.count ?? 0 })}
        </Typography.Text>
        <Space>
          <Button data-testid="action-ledger-previous" disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
            {t('ledger.previous')}
          </Button>
          <Button data-testid="action-ledger-next" disabled={!page.data?.nextCursor} onClick={() => setCursors((list) => [...list, page.data?.nextCursor])}>
            {t('ledger.next')}
          </Button>
        </Space>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('ledger.pageTotals')}
      </Typography.Title>
      <TotalsTable totals={page.data?.pageTotals} testId="ledger-page-totals" />
    </Card>
  );
}

function ReconciliationCard({ filter }: { filter: LedgerFilter }) {
  const { t } = useTranslation('finance');
  const reconciliation = useReconciliation();
  const report = reconciliation.data;
  const { from, to } = ledgerQuery(filter);
  const unmatched = report ? report.unmatched.payoutsWithoutEntry.length + report.unmatched.entriesWithoutPayout.length + report.unmatched.amountMismatches.length : 0;
  return (
    <Card
      title={t('reconciliation.title')}
      extra={
        <ActionButton operation="GET /ledger/reconciliation" name="reconcile" loading={reconciliation.isPending} onClick={() => reconciliation.mutate({ from, to })}>
          {t('reconciliation.run')}
        </ActionButton>
      }
    >
      <Typography.Paragraph type="secondary">{t('reconciliation.hint')}</Typography.Paragraph>
      <ProblemAlert error={reconciliation.error} />
      {report && (
        <div data-testid="reconciliation-result" data-balanced={report.balanced} data-matches={report.matchesPayouts}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={report.balanced ? 'success' : 'error'}>{report.balanced ? t('reconciliation.balanced') : t('reconciliation.unbalanced')}</Tag>
            <Tag color={report.matchesPayouts ? 'success' : 'error'}>{report.matchesPayouts ? t('reconciliation.matches') : t('reconciliation.mismatch')}</Tag>
            <span>{t('reconciliation.payouts', { count: report.payouts.count })}</span>
          </Space>
          <TotalsTable totals={report.journal} testId="reconciliation-totals" />
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
            {Object.entries(report.paidOutPerJournal).map(([currency, amount]) => (
              <Descriptions.Item key={currency} label={`${t('reconciliation.paidOut')} (${currency})`}>
                <Space wrap>
                  <Money minor={amount} currency={currency} />
                  <Typography.Text type="secondary">{t('reconciliation.confirmed')}</Typography.Text>
                  <Money minor={report.payouts.byCurrency[currency] ?? 0} currency={currency} />
                </Space>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('reconciliation.unmatched')}>
              <Badge count={unmatched} showZero color={unmatched > 0 ? 'red' : 'green'} />
            </Descriptions.Item>
          </Descriptions>
          {unmatched > 0 && (
            <ul>
              {report.unmatched.payoutsWithoutEntry.map((p) => (
                <li key={`p-${p.payoutId}`}>
                  {t('reconciliation.payoutsWithoutEntry')}: <code>{p.payoutId}</code> <Money minor={p.amount} currency={p.currency} />
                </li>
              ))}
              {report.unmatched.entriesWithoutPayout.map((e) => (
                <li key={`e-${e.entryId}`}>
                  {t('reconciliation.entriesWithoutPayout')}: <code>{e.entryId}</code> <Money minor={e.amount} currency={e.currency} />
                </li>
              ))}
              {report.unmatched.amountMismatches.map((m) => (
                <li key={`m-${m.payoutId}`}>
                  {t('reconciliation.amountMismatches')}: <code>{m.payoutId}</code> <Money minor={m.entryAmount} /> ≠ <Money minor={m.payoutAmount} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}

function FailedPayoutsCard() {
  const { t } = useTranslation('finance');
  const { message } = App.useApp();
  const failed = useFailedPayouts();
  const retry = useRetryPayout();
  const intent = useIntentKey();
  const [retrying, setRetrying] = useState<Payout | undefined>(undefined);
  const items = failed.data?.items ?? [];
  return (
    <Card
      title={
        <Space>
          {t('payouts.title')}
          <Badge count={items.length} showZero color={items.length > 0 ? 'red' : 'green'} data-testid="failed-payouts-count" data-count={items.length} />
        </Space>
      }
    >
      <ProblemAlert error={failed.error} />
      <Table<Payout>
        rowKey="id"
        size="small"
        loading={failed.isLoading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('payouts.empty')} /> }}
        onRow={(payout) => ({ 'data-testid': `payout-row-${payout.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('payoutColumns.kind'), dataIndex: 'kind', render: (kind: string) => <Tag>{kind}</Tag> },
          { title: t('payoutColumns.order'), key: 'order', render: (_, payout) => <Link to={`/orders/${encodeURIComponent(payout.orderId)}`}>{payout.orderId}</Link> },
          { title: t('payoutColumns.shop'), dataIndex: 'shopId' },
          { title: t('payoutColumns.amount'), key: 'amount', align: 'right', render: (_, payout) => <Money minor={payout.amount} currency={payout.currency} /> },
          { title: t('payoutColumns.attempts'), dataIndex: 'failedAttempts' },
          { title: t('payoutColumns.error'), key: 'error', render: (_, payout) => (payout.lastError ? <span title={payout.lastError.message}><code>{payout.lastError.code}</code> {payout.lastError.message}</span> : '—') },
          { title: t('payoutColumns.failedAt'), key: 'failedAt', render: (_, payout) => <Instant at={payout.failedAt} /> },
          {
            title: t('payoutColumns.actions'),
            key: 'actions',
            render: (_, payout) => (
              <ActionButton operation="POST /payouts/{payoutId}/retry" scope={{ shopId: payout.shopId }} name={`retry-${payout.id}`} size="small" onClick={() => setRetrying(payout)}>
                {t('payouts.retry')}
              </ActionButton>
            ),
          },
        ]}
      />
      <ReasonModal
        open={retrying !== undefined}
        title={t('payouts.retryTitle')}
        placeholder={t('reason')}
        name="confirm-retry"
        pending={retry.isPending}
        error={retry.error}
        onSubmit={(reason) =>
          retrying &&
          retry.mutate(
            { payoutId: retrying.id, reason, idempotencyKey: intent.key() },
            {
              onSuccess: () => {
                intent.done();
                setRetrying(undefined);
                void message.success(t('payouts.retried'));
              },
            },
          )
        }
        onCancel={() => {
          setRetrying(undefined);
          retry.reset();
        }}
      />
    </Card>
  );
}
