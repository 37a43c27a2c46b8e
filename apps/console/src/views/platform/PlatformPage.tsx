import { useState } from 'react';
import { App, Badge, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIntentKey } from '../../api/idempotency';
import { useArbitrationQueue, useDecideReviewAppeal, useModerateReview, useModerationQueue, useReviewAppeals, type CaseView } from '../../api/platform';
import { ActionButton } from '../../components/ActionButton';
import { Deadline } from '../../components/Deadline';
import { Instant } from '../../components/Instant';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { StatusTag } from '../../components/StatusTag';
import { heldTexts, type HeldText, type ReviewView } from './platform-model';

/** The platform's (小二) work: moderate held texts, arbitrate cases (the ruling is made in the case file), decide shops' appeals. */
export default function PlatformPage() {
  const { t } = useTranslation('platform');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="platform-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <ModerationCard />
      <ArbitrationCard />
      <AppealsCard />
    </Space>
  );
}

const Counter = ({ count, testId }: { count: number; testId: string }) => <Badge count={count} showZero color={count > 0 ? 'blue' : 'green'} data-testid={testId} data-count={count} />;

const ShopLink = ({ shopId }: { shopId: string }) => <Link to={`/shops/${encodeURIComponent(shopId)}`}>{shopId}</Link>;
const OrderLink = ({ orderId, testId }: { orderId: string; testId?: string }) => (
  <Link to={`/orders/${encodeURIComponent(orderId)}`} data-testid={testId}>
    {orderId}
  </Link>
);

interface Moderation {
  review: ReviewView;
  held: HeldText;
  decision: 'publish' | 'reject';
}

function ModerationCard() {
  const { t } = useTranslation('platform');
  const { message } = App.useApp();
  const queue = useModerationQueue();
  const moderate = useModerateReview();
  const intent = useIntentKey();
  const [deciding, setDeciding] = useState<Moderation | undefined>(undefined);
  const rows = (queue.data?.items ?? []).flatMap((review) => heldTexts(review).map((held) => ({ review, held, key: `${review.id}:${held.content}` })));
  return (
    <Card
      title={
        <Space>
          {t('moderation.title')}
          <Counter count={rows.length} testId="moderation-count" />
        </Space>
      }
    >
      <ProblemAlert error={queue.error} />
      <Table
        rowKey="key"
        size="small"
        loading={queue.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('moderation.empty')} /> }}
        onRow={(row) => ({ 'data-testid': `moderation-row-${row.review.id}`, 'data-content': row.held.content }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('columns.review'),
            key: 'review',
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Tag>{t(`contents.${row.held.content}`)}</Tag>
                <span>
                  {t(`ratings.${row.review.rating}`, { defaultValue: row.review.rating })} · {row.review.score}★
                </span>
              </Space>
            ),
          },
          {
            title: t('columns.text'),
            key: 'text',
            render: (_, row) => (
              <Space direction="vertical" size={0} style={{ maxWidth: 320 }}>
                <Typography.Text>{row.held.text}</Typography.Text>
                {row.held.rule && (
                  <Typography.Text type="secondary">
                    {t('moderation.heldBy')}: <code>{row.held.rule}</code>
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('columns.shop'), key: 'shop', render: (_, row) => <ShopLink shopId={row.review.shopId} /> },
          { title: t('columns.order'), key: 'order', render: (_, row) => <OrderLink orderId={row.review.orderId} /> },
          { title: t('columns.posted'), key: 'posted', render: (_, row) => <Instant at={row.review.postedAt} /> },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space>
                {(['publish', 'reject'] as const).map((decision) => (
                  <ActionButton
                    key={decision}
                    operation="POST /reviews/{reviewId}/moderation"
                    name={`${decision}-${row.review.id}`}
                    size="small"
                    type={decision === 'publish' ? 'primary' : 'default'}
                    danger={decision === 'reject'}
                    onClick={() => setDeciding({ review: row.review, held: row.held, decision })}
                  >
                    {t(`moderation.${decision}`)}
                  </ActionButton>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={deciding !== undefined}
        title={deciding?.decision === 'reject' ? t('moderation.rejectTitle') : t('moderation.publishTitle')}
        placeholder={t('reason')}
        name="confirm-moderation"
        pending={moderate.isPending}
        error={moderate.error}
        onSubmit={(reason) =>
          deciding &&
          moderate.mutate(
            { reviewId: deciding.review.id, decision: deciding.decision, content: deciding.held.content, reason, idempotencyKey: intent.key() },
            {
              onSuccess: () => {
                intent.done();
                setDeciding(undefined);
                void message.success(t('moderation.done'));
              },
            },
          )
        }
        onCancel={() => {
          setDeciding(undefined);
          moderate.reset();
        }}
      />
    </Card>
  );
}

function ArbitrationCard() {
  const { t } = useTranslation('platform');
  const queue = useArbitrationQueue();
  const cases = queue.data?.items ?? [];
  const now = new Date();
  return (
    <Card
      title={
        <Space>
          {t('arbitration.title')}
          <Counter count={cases.length} testId="arbitration-count" />
        </Space>
      }
    >
      <ProblemAlert error={queue.error} />
      <Table<CaseView>
        rowKey="id"
        size="small"
        loading={queue.isLoading}
        dataSource={cases}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('arbitration.empty')} /> }}
        onRow={(dispute) => ({ 'data-testid': `arbitration-row-${dispute.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('columns.case'),
            key: 'case',
            render: (_, dispute) => (
              <Link to={`/orders/${encodeURIComponent(dispute.orderId)}`} data-testid={`open-case-${dispute.id}`} title={t('arbitration.open')}>
                {dispute.id}
              </Link>
            ),
          },
          { title: t('columns.order'), key: 'order', render: (_, dispute) => <OrderLink orderId={dispute.orderId} /> },
          { title: t('columns.shop'), key: 'shop', render: (_, dispute) => <ShopLink shopId={dispute.shopId} /> },
          { title: t('columns.category'), dataIndex: 'category', render: (category: string) => <Tag>{category}</Tag> },
          {
            title: t('columns.status'),
            key: 'status',
            render: (_, dispute) => (
              <Space>
                <StatusTag status={dispute.status} />
                {dispute.appeal && <Tag color="purple">{t('arbitration.appealed')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'evidence',
            render: (_, dispute) => {
              const open = (dispute.evidenceRequests ?? []).filter((request) => !request.submittedAt);
              const next = open.map((request) => request.dueAt).sort()[0];
              return open.length === 0 ? null : (
                <Space>
                  {t('arbitration.evidence', { count: open.length })}
                  {next && <Deadline dueAt={next} now={now} />}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

function AppealsCard() {
  const { t } = useTranslation('platform');
  const appeals = useReviewAppeals();
  const decide = useDecideReviewAppeal();
  const intent = useIntentKey();
  const [deciding, setDeciding] = useState<{ review: ReviewView; upheld: boolean } | undefined>(undefined);
  const reviews = appeals.data?.items ?? [];
  return (
    <Card
      title={
        <Space>
          {t('appeals.title')}
          <Counter count={reviews.length} testId="appeals-count" />
        </Space>
      }
    >
      <ProblemAlert error={appeals.error} />
      <Table<ReviewView>
        rowKey="id"
        size="small"
        loading={appeals.isLoading}
        dataSource={reviews}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('appeals.empty')} /> }}
        onRow={(review) => ({ 'data-testid': `appeal-row-${review.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('columns.review'),
            key: 'review',
            render: (_, review) => (
              <Space direction="vertical" size={0} style={{ maxWidth: 320 }}>
                <span>
                  {t(`ratings.${review.rating}`, { defaultValue: review.rating })} · {review.score}★
                </span>
                <Typography.Text type="secondary">{review.text}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('columns.reason'),
            key: 'reason',
            render: (_, review) => (
              <Space direction="vertical" size={0} style={{ maxWidth: 320 }}>
                <Typography.Text>{review.appeal?.reason}</Typography.Text>
                {(review.appeal?.evidence ?? []).map((item) => (
                  <Typography.Text key={item.ref} type="secondary">
                    {t('appeals.evidence')}: {item.kind} <code>{item.ref}</code>
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: t('columns.shop'), key: 'shop', render: (_, review) => <ShopLink shopId={review.shopId} /> },
          { title: t('columns.order'), key: 'order', render: (_, review) => <OrderLink orderId={review.orderId} /> },
          { title: t('columns.filed'), key: 'filed', render: (_, review) => <Instant at={review.appeal?.filedAt} /> },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_, review) => (
              <Space>
                <ActionButton operation="POST /reviews/{reviewId}/appeal/decision" name={`uphold-${review.id}`} size="small" onClick={() => setDeciding({ review, upheld: true })}>
                  {t('appeals.uphold')}
                </ActionButton>
                <ActionButton operation="POST /reviews/{reviewId}/appeal/decision" name={`dismiss-${review.id}`} size="small" onClick={() => setDeciding({ review, upheld: false })}>
                  {t('appeals.dismiss')}
                </ActionButton>
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={deciding !== undefined}
        title={deciding?.upheld ? t('appeals.upholdTitle') : t('appeals.dismissTitle')}
        placeholder={t('reason')}
        name="confirm-appeal"
        pending={decide.isPending}
        error={decide.error}
        onSubmit={(reason) =>
          deciding &&
          decide.mutate(
            { reviewId: deciding.review.id, upheld: deciding.upheld, reason, idempotencyKey: intent.key() },
            {
              onSuccess: () => {
                intent.done();
                setDeciding(undefined);
              },
            },
          )
        }
        onCancel={() => {
          setDeciding(undefined);
          decide.reset();
        }}
      />
    </Card>
  );
}
