import { Card, Descriptions, Empty, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Compensation, CompensationInput } from '../../../api/compensations';
import { Instant } from '../../../components/Instant';
import { Money } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import type { CaseAction } from '../model/case-actions';
import { timelineEntryTestId } from '../model/timeline-model';
import { ActionButtons, actionsOn } from './ActionButtons';

/** Each compensation with the rule and rulebook version it was computed by, its arithmetic and the numbers it used. */
interface Props {
  compensations: Compensation[];
  onTimeline: ReadonlySet<string>;
  goTo: (eventId: string) => void;
  actions: CaseAction[];
  onOpen: (action: CaseAction) => void;
}

export function CompensationsSection({ compensations, onTimeline, goTo, actions, onOpen }: Props) {
  const { t } = useTranslation('caseFile');
  /** An event the compensation read from: a link to its timeline entry when it is on the timeline. */
  const eventLink = (eventId: string, testId: string) =>
    onTimeline.has(eventId) ? (
      <a
        href={`#${timelineEntryTestId(eventId)}`}
        data-testid={testId}
        onClick={(event) => {
          event.preventDefault();
          goTo(eventId);
        }}
      >
        <code>{eventId.slice(0, 8)}…</code>
      </a>
    ) : (
      <code>{eventId}</code>
    );
  return (
    <Card title={t('compensations.title')} size="small" data-testid="case-file-compensations">
      {compensations.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('compensations.empty')} />}
      <Flex vertical gap={16}>
        {compensations.map((c) => (
          <div key={c.id} data-testid={`compensation-${c.id}`}>
            <Flex wrap gap={8} align="center">
              <Tag>{t(`vocab.compensationKind.${c.kind}`, { defaultValue: c.kind })}</Tag>
              <Money minor={c.amount} currency={c.currency} testId={`compensation-amount-${c.id}`} />
              <StatusTag status={c.status} />
              <Instant at={c.decidedAt} />
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'rule', label: t('compensations.rule'), children: <code data-testid={`compensation-rule-${c.id}`}>{c.rule.id}</code> },
                { key: 'rulebook', label: t('compensations.rulebook'), children: <code data-testid={`compensation-rulebook-${c.id}`}>{c.rule.version}</code> },
                { key: 'arithmetic', label: t('compensations.arithmetic'), children: <span data-testid={`compensation-arithmetic-${c.id}`}>{c.explanation}</span> },
                ...(c.basedOn.length > 0
                  ? [{ key: 'basedOn', label: t('compensations.basedOn'), children: <Flex wrap gap={8}>{c.basedOn.map((id) => <span key={id}>{eventLink(id, `compensation-cause-${c.id}-${id}`)}</span>)}</Flex> }]
                  : []),
              ]}
            />
            {c.inputs.length > 0 && (
              <Table<CompensationInput>
                size="small"
                pagination={false}
                scroll={{ x: true }}
                rowKey="name"
                dataSource={c.inputs}
                columns={[
                  { key: 'name', title: t('compensations.inputs'), dataIndex: 'name' },
                  {
                    key: 'value',
                    align: 'right',
                    render: (_: unknown, input) => (input.unit === 'minor' && Number.isSafeInteger(input.value) ? <Money minor={input.value} currency={c.currency} /> : `${input.value} ${input.unit}`),
                  },
                  { key: 'source', title: t('compensations.basedOn'), render: (_: unknown, input) => (input.sourceEventId ? eventLink(input.sourceEventId, `compensation-input-${c.id}-${input.name}`) : '—') },
                ]}
              />
            )}
            <ActionButtons actions={actionsOn(actions, c.id)} onOpen={onOpen} />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
