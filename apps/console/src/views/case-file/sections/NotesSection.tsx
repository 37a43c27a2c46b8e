import { Card, Empty, Flex, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../api/orders';
import { Instant } from '../../../components/Instant';
import type { CaseAction } from '../model/case-actions';
import { ActionButtons, actionsOn } from './ActionButtons';

const FLAG_COLOURS: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green', blue: 'blue', purple: 'purple' };

/** The order's newest notes, flagged ones with their colour, and the note action. */
export function NotesSection({ order, actions, onOpen }: { order: Order; actions: CaseAction[]; onOpen: (a: CaseAction) => void }) {
  const { t } = useTranslation('caseFile');
  return (
    <Card title={`${t('notes.title')} (${order.notesCount})`} size="small" data-testid="case-file-notes" extra={<ActionButtons actions={actionsOn(actions, order.id)} onOpen={onOpen} />}>
      {order.notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notes.empty')} />
      ) : (
        <List
          size="small"
          dataSource={order.notes}
          renderItem={(note) => (
            <List.Item>
              <Flex wrap gap={8} align="center">
                {note.flag && <Tag color={FLAG_COLOURS[note.flag]}>{t(`flags.${note.flag}`, { defaultValue: note.flag })}</Tag>}
                <span>{note.text}</span>
                <code>{note.actorId}</code>
                <Instant at={note.at} />
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
