import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../model/case-actions';

/** The buttons of the offered actions on one resource (the others are not rendered at all). */
export function ActionButtons({ actions, onOpen }: { actions: CaseAction[]; onOpen: (action: CaseAction) => void }) {
  const { t } = useTranslation('caseFile');
  if (actions.length === 0) return null;
  return (
    <Flex wrap gap={8}>
      {actions.map((action) => (
        <Button key={action.key} size="small" data-testid={action.key} data-operation={action.operation} onClick={() => onOpen(action)}>
          {t(`actions.${action.name}`)}
        </Button>
      ))}
    </Flex>
  );
}

/** The actions on one resource (a refund, a case, a remedy, an evidence request…): each is offered once, beside it. */
export const actionsOn = (actions: CaseAction[], id: string): CaseAction[] => actions.filter((a) => a.targetId === id);
