import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDisputeMessages, type Dispute } from '../../../api/disputes';
import { Deadline } from '../../../components/Deadline';
import { Instant } from '../../../components/Instant';
import { Money } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import type { CaseAction } from '../model/case-actions';
import { ActionButtons, actionsOn } from './ActionButtons';

/** The order's disputes and complaints: deadlines, SLA breaches, evidence requests, remedies and the ruling. */
export function CasesSection({ disputes, actions, now, onOpen }: { disputes: Dispute[]; actions: CaseAction[]; now: Date; onOpen: (a: CaseAction) => void }) {
  const { t } = useTranslation('caseFile');
  return (
    <Card title={t('cases.title')} size="small" data-testid="case-file-cases">
      {disputes.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.empty')} />}
      <Flex vertical gap={16}>
        {disputes.map((c) => (
          <CaseCard key={c.id} dispute={c} actions={actions} now={now} onOpen={onOpen} />
        ))}
      </Flex>
    </Card>
  );
}

function CaseCard({ dispute: c, actions, now, onOpen }: { dispute: Dispute; actions: CaseAction[]; now: Date; onOpen: (a: CaseAction) => void }) {
  const { t } = useTranslation('caseFile');
  const running = !['resolved', 'closed', 'ruled'].includes(c.status);
  return (
    <div data-testid={`case-${c.id}`}>
      <Flex wrap gap={8} align="center">
        <code>{c.id}</code>
        <StatusTag status={c.status} testId={`case-status-${c.id}`} />
        {c.overdue && <Tag color="error">{t('cases.breaches')}</Tag>}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'category', label: t('cases.category'), children: t(`vocab.category.${c.category}`, { defaultValue: c.category }) },
          { key: 'origin', label: t('cases.origin'), children: t(`vocab.origin.${c.origin}`, { defaultValue: c.origin }) },
          ...(c.assigneeId ? [{ key: 'assignee', label: t('cases.assignee'), children: c.assigneeId }] : []),
          ...(running && c.deadlines.firstResponseBy ? [{ key: 'first', label: t('cases.firstResponseBy'), children: <Deadline dueAt={c.deadlines.firstResponseBy} now={now} /> }] : []),
          ...(running && c.deadlines.resolveBy ? [{ key: 'resolve', label: t('cases.resolveBy'), children: <Deadline dueAt={c.deadlines.resolveBy} now={now} /> }] : []),
          ...(c.deadlines.pausedSince ? [{ key: 'paused', label: t('cases.paused'), children: <Instant at={c.deadlines.pausedSince} /> }] : []),
          ...(c.satisfaction !== undefined ? [{ key: 'satisfaction', label: t('cases.satisfaction'), children: `${c.satisfaction} / 5` }] : []),
        ]}
      />
      {c.slaBreaches.length > 0 && (
        <div data-testid={`case-breaches-${c.id}`}>
          <Typography.Text strong>{t('cases.breaches')}</Typography.Text>
          <ul style={{ margin: 0 }}>
            {c.slaBreaches.map((b) => (
              <li key={`${b.metric}-${b.at}`}>
                <Tag color="error">{b.metric}</Tag> <Instant at={b.dueAt} /> → <Instant at={b.at} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {c.evidenceRequests.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('cases.evidenceRequests')}</Typography.Text>}
          dataSource={c.evidenceRequests}
          renderItem={(request) => (
            <List.Item data-testid={`evidence-request-${request.id}`} actions={[<ActionButtons key="act" actions={actionsOn(actions, request.id)} onOpen={onOpen} />]}>
              <Flex wrap gap={8} align="center">
                <Tag>{t(`fields.${request.party}`)}</Tag>
                <span>{request.description}</span>
                {request.submittedAt ? (
                  <Tag color="success">
                    {t('cases.submitted')} <Instant at={request.submittedAt} />
                  </Tag>
                ) : (
                  <Deadline dueAt={request.dueAt} now={now} />
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {c.remedies.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('cases.remedies')}</Typography.Text>}
          dataSource={c.remedies}
          renderItem={(remedy) => (
            <List.Item data-testid={`remedy-${remedy.id}`} actions={[<ActionButtons key="act" actions={actionsOn(actions, remedy.id)} onOpen={onOpen} />]}>
              <Flex wrap gap={8} align="center">
                <Tag>{t(`vocab.remedyKind.${remedy.kind}`, { defaultValue: remedy.kind })}</Tag>
                {remedy.amount !== undefined && <Money minor={remedy.amount} currency={c.currency} />}
                <span>{remedy.description}</span>
                <StatusTag status={remedy.status} testId={`remedy-status-${remedy.id}`} />
                {remedy.requiresSupervisorApproval && <Tag color="warning">{t('cases.supervisorApproval')}</Tag>}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {c.ruling && (
        <Descriptions
          size="small"
          title={t('cases.ruling')}
          data-testid={`case-ruling-${c.id}`}
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'outcome', label: t('fields.outcome'), children: t(`vocab.outcome.${c.ruling.outcome}`, { defaultValue: c.ruling.outcome }) },
            ...(c.ruling.refundAmount !== undefined ? [{ key: 'refund', label: t('fields.refundAmount'), children: <Money minor={c.ruling.refundAmount} currency={c.currency} /> }] : []),
            ...(c.ruling.violation ? [{ key: 'violation', label: t('fields.violation'), children: c.ruling.violation }] : []),
            { key: 'ruledAt', label: t('cases.ruling'), children: <Instant at={c.ruling.ruledAt} /> },
            { key: 'appealBy', label: t('cases.appealBy'), children: <Instant at={c.ruling.appealBy} /> },
            ...(c.appeal ? [{ key: 'appeal', label: t('cases.appeal'), children: `${c.appeal.party} · ${c.appeal.appealedAt}` }] : []),
          ]}
        />
      )}
      <CaseMessages orderId={c.orderId} disputeId={c.id} />
      <ActionButtons actions={actionsOn(actions, c.id)} onOpen={onOpen} />
    </div>
  );
}

/** The case's conversation: who wrote, for whom (internal notes marked), when. */
function CaseMessages({ orderId, disputeId }: { orderId: string; disputeId: string }) {
  const { t } = useTranslation('caseFile');
  const messages = useDisputeMessages(orderId, disputeId).data ?? [];
  if (messages.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('cases.messages')}</Typography.Text>}
      dataSource={messages}
      renderItem={(m) => (
        <List.Item data-testid={`case-message-${disputeId}-${m.messageId}`}>
          <Flex vertical gap={2}>
            <Flex wrap gap={8} align="center">
              <Tag>{t(`fields.${m.authorParty}`, { defaultValue: m.authorParty })}</Tag>
              <code>{m.authorId}</code>
              {m.visibility === 'internal' && <Tag color="gold">{t('fields.internal')}</Tag>}
              <Instant at={m.postedAt} />
            </Flex>
            <span>{m.text ?? '—'}</span>
          </Flex>
        </List.Item>
      )}
    />
  );
}
