import { Card, Descriptions, Divider, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../api/follow-ups';
import type { Review } from '../../../api/reviews';
import { Deadline } from '../../../components/Deadline';
import { Instant } from '../../../components/Instant';
import { Money } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import type { CaseAction } from '../model/case-actions';
import { ActionButtons, actionsOn } from './ActionButtons';

interface Props {
  review: Review | null | undefined;
  followUps: FollowUp[];
  actions: CaseAction[];
  now: Date;
  onOpen: (a: CaseAction) => void;
}

/** The buyer's review (held ones name the rule that held them) and the shop's follow-ups of a bad one. */
export function ReviewSection({ review, followUps, actions, now, onOpen }: Props) {
  const { t } = useTranslation('caseFile');
  return (
    <Card title={t('review.title')} size="small" data-testid="case-file-review">
      {!review ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.none')} />
      ) : (
        <div data-testid={`review-${review.id}`}>
          <Flex wrap gap={8} align="center">
            <Tag color={review.rating === 'positive' ? 'success' : review.rating === 'negative' ? 'error' : 'default'}>{review.rating}</Tag>
            <span>
              {t('review.score')}: {review.score} / 5
            </span>
            <StatusTag status={review.status} testId={`review-status-${review.id}`} />
            {review.counted && <Tag>{t('review.counted')}</Tag>}
            <Instant at={review.postedAt} />
          </Flex>
          {review.text && <Typography.Paragraph style={{ marginTop: 8 }}>{review.text}</Typography.Paragraph>}
          {review.status === 'held' && <Typography.Text type="warning">{t('review.held', { rule: review.moderation?.hold?.ruleId ?? '—' })}</Typography.Text>}
          <ActionButtons actions={actionsOn(actions, review.id)} onOpen={onOpen} />
        </div>
      )}
      {followUps.map((f) => (
        <div key={f.id} data-testid={`follow-up-${f.id}`}>
          <Divider style={{ margin: '12px 0' }} />
          <Flex wrap gap={8} align="center">
            <Typography.Text strong>{t('followUps.title')}</Typography.Text>
            <code>{f.id}</code>
            <StatusTag status={f.status} />
            {f.overdue && <Tag color="error">{t('cases.breaches')}</Tag>}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'first',
                label: t('followUps.firstContactBy'),
                children: f.contactedAt ? <Instant at={f.contactedAt} /> : <Deadline dueAt={f.deadlines.firstContactBy} now={now} />,
              },
              { key: 'resolve', label: t('followUps.resolveBy'), children: f.status === 'closed' ? <Instant at={f.deadlines.resolveBy} /> : <Deadline dueAt={f.deadlines.resolveBy} now={now} /> },
              ...(f.outcome ? [{ key: 'outcome', label: t('followUps.outcome'), children: f.outcome }] : []),
              ...(f.slaBreaches.length > 0 ? [{ key: 'breaches', label: t('cases.breaches'), children: f.slaBreaches.map((b) => b.metric).join(', ') }] : []),
            ]}
          />
          {f.remedies.length > 0 && (
            <List
              size="small"
              dataSource={f.remedies}
              renderItem={(remedy) => (
                <List.Item data-testid={`follow-up-remedy-${remedy.id}`} actions={[<ActionButtons key="act" actions={actionsOn(actions, remedy.id)} onOpen={onOpen} />]}>
                  <Flex vertical gap={4}>
                    <Flex wrap gap={8} align="center">
                      <Tag>{t(`vocab.remedyKind.${remedy.kind}`, { defaultValue: remedy.kind })}</Tag>
                      {remedy.amount !== undefined && <Money minor={remedy.amount} currency={remedy.currency} />}
                      <span>{remedy.note}</span>
                      <StatusTag status={remedy.status} testId={`follow-up-remedy-status-${remedy.id}`} />
                    </Flex>
                    {remedy.status === 'refused' && (
                      <Typography.Text type="danger" data-testid={`follow-up-remedy-refusal-${remedy.id}`}>
                        {t('followUps.refundable')}: <Money minor={remedy.refundable ?? 0} currency={remedy.currency} />. {remedy.explanation}
                      </Typography.Text>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          )}
          <ActionButtons actions={actionsOn(actions, f.id)} onOpen={onOpen} />
        </div>
      ))}
    </Card>
  );
}
