import { Card, Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../api/orders';
import { Instant } from '../../../components/Instant';
import { Money } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';

/** Who bought what from whom, the amounts in yuan, the status and the revision. */
export function SummarySection({ order }: { order: Order }) {
  const { t } = useTranslation('caseFile');
  const money = (minor: number, testId: string) => <Money minor={minor} currency={order.currency} testId={testId} />;
  return (
    <Card title={t('summary.title')} data-testid="case-file-summary" size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'buyer', label: t('summary.buyer'), children: <span data-testid="summary-buyer">{order.buyerId}</span> },
          { key: 'shop', label: t('summary.shop'), children: <span data-testid="summary-shop">{order.shopId}</span> },
          { key: 'status', label: t('summary.status'), children: <StatusTag status={order.status} testId="summary-status" /> },
          { key: 'revision', label: t('summary.revision'), children: <span data-testid="summary-revision">{order.revision}</span> },
          { key: 'placedAt', label: t('summary.placedAt'), children: <Instant at={order.placedAt} /> },
          { key: 'payment', label: t('summary.payment'), children: order.paymentMethod },
          { key: 'itemsTotal', label: t('summary.itemsTotal'), children: money(order.itemsTotal, 'summary-items-total') },
          { key: 'shippingFee', label: t('summary.shippingFee'), children: money(order.shippingFee, 'summary-shipping-fee') },
          { key: 'total', label: t('summary.total'), children: money(order.total, 'summary-total') },
          { key: 'paid', label: t('summary.paid'), children: money(order.paidAmount, 'summary-paid') },
          ...(['payBy', 'shipBy', 'autoConfirmAt'] as const)
            .filter((deadline) => order.deadlines[deadline])
            .map((deadline) => ({ key: deadline, label: t(`summary.${deadline}`), children: <Instant at={order.deadlines[deadline]} /> })),
        ]}
      />
      <Table
        size="small"
        rowKey="sku"
        pagination={false}
        scroll={{ x: true }}
        dataSource={order.items}
        columns={[
          { key: 'sku', title: t('summary.sku'), dataIndex: 'sku' },
          { key: 'title', title: t('summary.item'), dataIndex: 'title' },
          { key: 'quantity', title: t('summary.quantity'), dataIndex: 'quantity', align: 'right' },
          { key: 'unitPrice', title: t('summary.unitPrice'), align: 'right', render: (_: unknown, item: Order['items'][number]) => <Money minor={item.unitPrice} currency={order.currency} /> },
        ]}
      />
    </Card>
  );
}
