/** The words of the Supervisor view: the `supervisor` namespace (i18n/resources.ts). */
export default {
  zh: {
    title: '主管视图',
    shopFilter: '店铺',
    allShops: '我的全部店铺',
    overdue: { title: '已超时事项', count: '{{count}} 项超时', empty: '没有超时事项' },
    approvals: {
      title: '待审批',
      count: '{{count}} 项待审批',
      empty: '没有待审批事项',
      approve: '批准',
      reject: '驳回',
      rejectTitle: '驳回原因',
      approved: '已批准',
      rejected: '已驳回',
    },
    breaches: { title: '每日 SLA 超时', total: '期间共 {{count}} 次', days: '最近 {{days}} 天', utc: '按 UTC 日统计', empty: '期间没有超时' },
    columns: { kind: '类型', item: '事项', order: '订单', shop: '店铺', status: '状态', due: '期限', assignee: '处理人', amount: '金额', actions: '操作', case: '案件' },
    metrics: {
      dispute: { first_response: '纠纷首次响应', resolution: '纠纷解决', evidence: '举证', awaiting_buyer: '等待买家' },
      review_follow_up: { first_contact: '差评首次联系', resolution: '差评回访解决' },
    },
    kinds: { refund: '退款', dispute: '纠纷', evidence_request: '举证请求', compensation: '赔付', review_follow_up: '差评回访', remedy_approval: '解决方案' },
  },
  en: {
    title: 'Supervisor',
    shopFilter: 'Shop',
    allShops: 'All my shops',
    overdue: { title: 'Overdue', count: '{{count}} overdue', empty: 'Nothing is overdue' },
    approvals: {
      title: 'Approvals waiting',
      count: '{{count}} waiting',
      empty: 'Nothing waits for approval',
      approve: 'Approve',
      reject: 'Reject',
      rejectTitle: 'Why reject it?',
      approved: 'Approved',
      rejected: 'Rejected',
    },
    breaches: { title: 'SLA breaches per day', total: '{{count}} in the period', days: 'Last {{days}} days', utc: 'Days are UTC', empty: 'No breach in the period' },
    columns: { kind: 'Kind', item: 'Item', order: 'Order', shop: 'Shop', status: 'Status', due: 'Due', assignee: 'Assignee', amount: 'Amount', actions: 'Actions', case: 'Case' },
    metrics: {
      dispute: { first_response: 'Case first response', resolution: 'Case resolution', evidence: 'Evidence', awaiting_buyer: 'Awaiting buyer' },
      review_follow_up: { first_contact: 'Follow-up first contact', resolution: 'Follow-up resolution' },
    },
    kinds: { refund: 'Refund', dispute: 'Case', evidence_request: 'Evidence request', compensation: 'Compensation', review_follow_up: 'Review follow-up', remedy_approval: 'Remedy' },
  },
};
