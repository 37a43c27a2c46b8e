import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../api/orders';
import { Instant } from '../../../components/Instant';
import { eventTypeWords, timelineEntryTestId, timelineItems, type TimelineItem } from '../model/timeline-model';

const HIGHLIGHT = { background: '#fffbe6', boxShadow: '0 0 0 2px #faad14' };

/**
 * The cross-service timeline: each entry says what happened, in which service, when (in the viewer's zone), who did it,
 * the rule it applied and links to what caused it or what it was based on; a link scrolls to its cause and highlights it.
 */
export function TimelineSection({ entries, highlighted, goTo }: { entries: TimelineEntry[]; highlighted?: string; goTo: (eventId: string) => void }) {
  const { t } = useTranslation('caseFile');
  const items = timelineItems(entries);
  const typeOf = new Map(entries.map((e) => [e.eventId, e.type]));
  const words = (type: string | undefined) => (type ? t(`events.${type}`, { defaultValue: eventTypeWords(type) }) : '');


  return (
    <Card title={t('timeline.title')} size="small" data-testid="case-file-timeline">
      {items.length === 0 ? (
        <Empty description={t('timeline.empty')} />
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <Entry key={item.entry.eventId} item={item} highlighted={highlighted === item.entry.eventId} words={words} typeOf={typeOf} goTo={goTo} />
          ))}
        </ol>
      )}
    </Card>
  );
}

interface EntryProps {
  item: TimelineItem;
  highlighted: boolean;
  words: (type: string | undefined) => string;
  typeOf: Map<string, string>;
  goTo: (eventId: string) => void;
}

function Entry({ item: { entry, causes, effects }, highlighted, words, typeOf, goTo }: EntryProps) {
  const { t } = useTranslation('caseFile');
  const { t: common } = useTranslation();
  const id = timelineEntryTestId(entry.eventId);
  return (
    <li
      id={id}
      data-testid={id}
      data-highlighted={highlighted}
      tabIndex={-1}
      style={{ borderInlineStart: '2px solid #d9d9d9', padding: '6px 12px', marginBottom: 4, borderRadius: 4, transition: 'background 0.3s', ...(highlighted ? HIGHLIGHT : {}) }}
    >
      <Flex wrap gap={8} align="baseline">
        <Typography.Text strong>{words(entry.type)}</Typography.Text>
        <Tag>{entry.service}</Tag>
        <Instant at={entry.occurredAt} />
        <Typography.Text type="secondary">
          {t('timeline.who')}: {entry.actor.role === 'system' ? t('timeline.system') : entry.actor.id}{' '}
          ({common(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role })})
        </Typography.Text>
        {entry.rule && (
          <Tag color="purple" data-testid={`timeline-rule-${entry.eventId}`}>
            {t('timeline.rule')}: {entry.rule.id}
            {entry.rule.version ? ` @ ${entry.rule.version}` : ''}
          </Tag>
        )}
        {effects.length > 0 && <Typography.Text type="secondary">{t('timeline.effects', { count: effects.length })}</Typography.Text>}
      </Flex>
      {causes.length > 0 && (
        <Flex wrap gap={12} style={{ fontSize: 12 }}>
          {causes.map((cause) => (
            <span key={cause.eventId}>
              {cause.kind === 'causation' ? t('timeline.causedBy') : t('timeline.basedOn')}:{' '}
              {cause.onTimeline ? (
                <a
                  href={`#${timelineEntryTestId(cause.eventId)}`}
                  data-testid={`cause-link-${entry.eventId}-${cause.eventId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(cause.eventId);
                  }}
                >
                  {words(typeOf.get(cause.eventId))}
                </a>
              ) : (
                <Typography.Text type="secondary" code>
                  {cause.eventId} {t('timeline.notShown')}
                </Typography.Text>
              )}
            </span>
          ))}
        </Flex>
      )}
    </li>
  );
}
