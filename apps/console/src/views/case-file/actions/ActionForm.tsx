import { Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orderKey, NOTE_FLAGS } from '../../../api/orders';
import { EVIDENCE_KINDS, REMEDY_KINDS, RULING_OUTCOMES, VIOLATION_TYPES } from '../../../api/disputes';
import { FOLLOW_UP_REMEDY_KINDS } from '../../../api/follow-ups';
import { useIntentKey } from '../../../api/idempotency';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { parseMoney } from '../../../format/money';
import type { CaseAction, CaseActionName } from '../model/case-actions';
import { actionBody, type ActionValues } from './action-body';
import { CLOSURE_OUTCOMES, CONTACT_CHANNELS, ESCALATION_TARGETS, RETURN_CONDITIONS } from './choices';
import { sendAction } from './send-action';
import { refreshAfterCommand } from '../../../api/refresh';

/** What each form starts with: the common choice, so a form needs only its texts typed. */
const INITIAL_VALUES: Partial<Record<CaseActionName, ActionValues>> = {
  'dispute-message': { visibility: 'parties' },
  'dispute-remedy': { kind: 'partial_refund' },
  'follow-up-remedy': { kind: 'goodwill_credit' },
  'dispute-remedy-approve': { decision: 'approved' },
  'follow-up-remedy-approve': { decision: 'approved' },
  'dispute-evidence-request': { party: 'merchant' },
  'dispute-evidence-submit': { kind: 'photo' },
  'dispute-ruling': { outcome: 'buyer_wins' },
  'review-moderate': { decision: 'publish' },
  'order-note': { flag: '' },
  'refund-return-receipt': { condition: 'intact' },
  'follow-up-contact': { channel: 'chat' },
  'follow-up-closure': { outcome: 'explained' },
};

interface Props {
  action: CaseAction;
  orderId: string;
  currency: string;
  onDone: (action: CaseAction) => void;
  onCancel: () => void;
}

/**
 * The small form of one action: validated fields (money typed in yuan), one Idempotency-Key for the user's intent
 * (reused when they submit again after a failure), the case file refreshed on success, the server's problem in words
 * on failure.
 */
export function ActionForm({ action, orderId, currency, onDone, onCancel }: Props) {
  const { t } = useTranslation('caseFile');
  const [form] = Form.useForm<ActionValues>();
  const queryClient = useQueryClient();
  const intent = useIntentKey();
  const mutation = useMutation({
    mutationFn: (values: ActionValues) => sendAction(action, actionBody(action.name, values, currency, action.targetId, action.assigneeId), intent.key()),
    onSuccess: async () => {
      intent.done();
      await refreshAfterCommand(queryClient, orderKey(orderId));
      onDone(action);
    },
  });

  const required: Rule = { required: true, whitespace: true, message: t('fields.required') };
  const money = (optional: boolean): Rule => ({
    validator: async (_rule, value: unknown) => {
      if ((value === undefined || value === '') && optional) return;
      const parsed = parseMoney(typeof value === 'string' ? value : '', currency);
      if (!parsed.ok) throw new Error(parsed.reason === 'too_large' ? t('fields.moneyTooLarge') : parsed.reason === 'empty' ? t('fields.required') : t('fields.moneyFormat'));
    },
  });
  const field = (name: string) => ({ 'data-testid': `field-${name}` });
  const options = (values: readonly string[], prefix?: string) => values.map((value) => ({ value, label: prefix ? t(`${prefix}.${value}`, { defaultValue: value }) : value }));
  const textArea = (name: string, label: string, max: number) => (
    <Form.Item name={name} label={t(`fields.${label}`)} rules={[required]}>
      <Input.TextArea {...field(name)} maxLength={max} autoSize={{ minRows: 2, maxRows: 6 }} />
    </Form.Item>
  );
  const amount = (name: string, label: string, optional: boolean) => (
    <Form.Item name={name} label={t(`fields.${label}`)} rules={[money(optional)]}>
      <Input {...field(name)} prefix="¥" inputMode="decimal" placeholder="0.00" />
    </Form.Item>
  );
  const choice = (name: string, label: string, values: readonly string[], prefix?: string) => (
    <Form.Item name={name} label={t(`fields.${label}`)} rules={[{ required: true, message: t('fields.required') }]}>
      <Select {...field(name)} options={options(values, prefix)} />
    </Form.Item>
  );
  const radios = (name: string, label: string, values: readonly string[]) => (
    <Form.Item name={name} label={t(`fields.${label}`)} rules={[{ required: true, message: t('fields.required') }]}>
      <Radio.Group {...field(name)} options={values.map((value) => ({ value, label: t(`choices.${value}`) }))} />
    </Form.Item>
  );
  const optionalText = (name: string, label: string, max: number) => (
    <Form.Item name={name} label={t(`fields.${label}`)}>
      <Input.TextArea {...field(name)} maxLength={max} autoSize={{ minRows: 2, maxRows: 4 }} />
    </Form.Item>
  );
  const decision = (values: readonly [string, string]) => (
    <Form.Item name="decision" label={t('fields.decision')}>
      <Radio.Group {...field('decision')} options={values.map((value) => ({ value, label: t(`fields.${value}`) }))} />
    </Form.Item>
  );

  const fields = (() => {
    switch (action.name) {
      case 'refund-approve':
        return null;
      case 'refund-reject':
        return textArea('reason', 'reason', 2000);
      case 'refund-return-receipt':
        return radios('condition', 'condition', RETURN_CONDITIONS);
      case 'dispute-take':
        return null;
      case 'dispute-assign':
        return (
          <Form.Item name="assigneeId" label={t('fields.assigneeId')} rules={[required]}>
            <Input {...field('assigneeId')} maxLength={200} />
          </Form.Item>
        );
      case 'dispute-escalate':
        return (
          <>
            {radios('to', 'escalateTo', action.escalateTo ?? ESCALATION_TARGETS)}
            {textArea('reason', 'reason', 2000)}
          </>
        );
      case 'dispute-appeal':
        return textArea('reason', 'reason', 4000);
      case 'dispute-follow-up':
        return (
          <>
            <Form.Item name="satisfaction" label={t('fields.satisfaction')} rules={[{ required: true, message: t('fields.required') }]}>
              <InputNumber {...field('satisfaction')} min={1} max={5} precision={0} />
            </Form.Item>
            {optionalText('comment', 'comment', 1000)}
          </>
        );
      case 'follow-up-contact':
        return (
          <>
            {radios('channel', 'channel', CONTACT_CHANNELS)}
            {textArea('note', 'note', 1000)}
          </>
        );
      case 'follow-up-closure':
        return (
          <>
            {radios('outcome', 'closureOutcome', CLOSURE_OUTCOMES)}
            {textArea('note', 'note', 1000)}
          </>
        );
      case 'dispute-message':
        return (
          <>
            {textArea('text', 'text', 4000)}
            <Form.Item name="visibility" label={t('fields.visibility')}>
              <Radio.Group {...field('visibility')} options={[{ value: 'parties', label: t('fields.parties') }, { value: 'internal', label: t('fields.internal') }]} />
            </Form.Item>
            <Form.Item name="awaitingReply" valuePropName="checked">
              <Checkbox {...field('awaitingReply')}>{t('fields.awaitingReply')}</Checkbox>
            </Form.Item>
          </>
        );
      case 'dispute-remedy':
        return (
          <>
            {choice('kind', 'kind', REMEDY_KINDS, 'vocab.remedyKind')}
            {amount('amount', 'amount', true)}
            {textArea('description', 'description', 1000)}
          </>
        );
      case 'follow-up-remedy':
        return (
          <>
            {choice('kind', 'kind', FOLLOW_UP_REMEDY_KINDS, 'vocab.remedyKind')}
            {amount('amount', 'amount', true)}
            {textArea('note', 'note', 1000)}
          </>
        );
      case 'compensation-approve':
        return (
          <Form.Item name="note" label={t('fields.note')}>
            <Input.TextArea {...field('note')} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        );
      case 'compensation-reject':
        return textArea('reason', 'reason', 500);
      case 'dispute-remedy-approve':
      case 'follow-up-remedy-approve':
        return (
          <>
            {decision(['approved', 'rejected'])}
            <Form.Item name="reason" label={t('fields.reason')}>
              <Input.TextArea {...field('reason')} maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </>
        );
      case 'dispute-evidence-request':
        return (
          <>
            <Form.Item name="party" label={t('fields.party')} rules={[{ required: true, message: t('fields.required') }]}>
              <Radio.Group {...field('party')} options={[{ value: 'buyer', label: t('fields.buyer') }, { value: 'merchant', label: t('fields.merchant') }]} />
            </Form.Item>
            {textArea('description', 'description', 1000)}
            <Form.Item name="dueInHours" label={t('fields.dueInHours')}>
              <InputNumber {...field('dueInHours')} min={1} max={1440} precision={0} />
            </Form.Item>
          </>
        );
      case 'dispute-evidence-submit':
        return (
          <>
            {choice('kind', 'evidenceKind', EVIDENCE_KINDS, 'vocab.evidenceKind')}
            <Form.Item name="ref" label={t('fields.evidenceRef')} rules={[required]}>
              <Input {...field('ref')} maxLength={2048} />
            </Form.Item>
            <Form.Item name="note" label={t('fields.note')}>
              <Input.TextArea {...field('note')} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </>
        );
      case 'dispute-ruling':
        return (
          <>
            {choice('outcome', 'outcome', RULING_OUTCOMES, 'vocab.outcome')}
            {amount('refundAmount', 'refundAmount', true)}
            <Form.Item name="violation" label={t('fields.violation')}>
              <Select {...field('violation')} allowClear options={options(VIOLATION_TYPES)} />
            </Form.Item>
            {textArea('reason', 'reason', 4000)}
          </>
        );
      case 'review-moderate':
        return (
          <>
            {decision(['publish', 'reject'])}
            {textArea('reason', 'reason', 1000)}
          </>
        );
      case 'order-note':
        return (
          <>
            {textArea('text', 'text', 2000)}
            <Form.Item name="flag" label={t('fields.flag')}>
              <Radio.Group {...field('flag')} options={[{ value: '', label: t('fields.noFlag') }, ...NOTE_FLAGS.map((flag) => ({ value: flag, label: t(`flags.${flag}`) }))]} />
            </Form.Item>
          </>
        );
    }
  })();

  const initialValues = { ...INITIAL_VALUES[action.name], ...(action.escalateTo ? { to: action.escalateTo[0] } : {}) };

  return (
    <Modal
      open
      title={t(`actions.${action.name}`)}
      onCancel={onCancel}
      destroyOnHidden
      footer={null}
    >
      <Form<ActionValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => mutation.mutate(values)} data-testid={`action-form-${action.name}`}>
        {fields}
        <ProblemAlert error={mutation.error} />
        <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
          <Button onClick={onCancel} data-testid="action-cancel">
            {t('actions.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="action-submit">
            {t('actions.submit')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
