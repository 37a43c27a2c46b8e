import { Card, Descriptions, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Refund } from '../../../api/refunds';
import { Deadline } from '../../../components/Deadline';
import { Money } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import type { CaseAction } from '../model/case-actions';
import { ActionButtons, actionsOn } from './ActionButtons';

export function RefundsSection({ refunds, actions, now, onOpen }: { refunds: Refund[]; actions: CaseAction[]; now: Date; onOpen: (a: CaseAction) => void }) {
  const { t } = useTranslation('caseFile');
  return (
    <Card title={t('refunds.title')} size="small" data-testid="case-file-refunds">
      {refunds.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('refunds.empty')} />}
      <Flex vertical gap={12}>
        {refunds.map((refund) => (
          <div key={refund.id} data-testid={`refund-${refund.id}`}>
            <Flex wrap gap={8} align="center">
              <code>{refund.id}</code>
              <StatusTag status={refund.status} testId={`refund-status-${refund.id}`} />
              {refund.status === 'waiting_merchant' && refund.deadlines.merchantRespondBy && <Deadline dueAt={refund.deadlines.merchantRespondBy} now={now} />}
            </Flex>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 3 }}
              items={[
                { key: 'amount', label: t('refunds.amount'), children: <Money minor={refund.amount} currency={refund.currency} testId={`refund-amount-${refund.id}`} /> },
                { key: 'type', label: t('refunds.type'), children: t(`vocab.refundType.${refund.type}`, { defaultValue: refund.type }) },
                { key: 'reason', label: t('refunds.reason'), children: t(`vocab.refundReason.${refund.reason}`, { defaultValue: refund.reason }) },
                ...(refund.rejection ? [{ key: 'rejection', label: t('refunds.rejection'), children: refund.rejection.reason }] : []),
              ]}
            />
            <ActionButtons actions={actionsOn(actions, refund.id)} onOpen={onOpen} />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
