import { parseMoney } from '../../../format/money';
import type { CaseActionName } from '../model/case-actions';

/** What an action's form holds: texts as typed (money as yuan text), choices, a checkbox. */
export type ActionValues = Record<string, string | number | boolean | undefined>;

const text = (value: ActionValues[string]): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Yuan text → fen, exactly; undefined when left empty. The form's validator has refused anything else. */
export function fenOf(value: ActionValues[string], currency: string): number | undefined {
  const typed = text(value);
  if (typed === undefined) return undefined;
  const parsed = parseMoney(typed, currency);
  if (!parsed.ok) throw new RangeError(`not an amount: ${typed}`);
  return parsed.minor;
}

/** The body without the fields left empty (the API refuses an empty string where it wants an absent field). */
const defined = (body: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));

/**
 * The request body of an action from its form, as api.md wants it: money in fen, empty fields left out. For a remedy
 * approval the decision defaults to approved; a rejection names its reason (the server says so when it does not).
 */
export function actionBody(name: CaseActionName, values: ActionValues, currency: string, requestId?: string, assigneeId?: string): Record<string, unknown> {
  switch (name) {
    case 'refund-approve':
      return {};
    case 'refund-reject':
      return defined({ reason: text(values.reason) });
    case 'refund-return-receipt':
      return defined({ condition: values.condition ?? 'intact' });
    case 'dispute-take':
      return defined({ assigneeId });
    case 'dispute-assign':
      return defined({ assigneeId: text(values.assigneeId) });
    case 'dispute-escalate':
      return defined({ to: values.to ?? 'supervisor', reason: text(values.reason) });
    case 'dispute-appeal':
      return defined({ reason: text(values.reason) });
    case 'dispute-follow-up':
      return defined({ satisfaction: typeof values.satisfaction === 'number' ? values.satisfaction : undefined, comment: text(values.comment) });
    case 'follow-up-contact':
      return defined({ channel: values.channel ?? 'chat', note: text(values.note) });
    case 'follow-up-closure':
      return defined({ outcome: values.outcome ?? 'explained', note: text(values.note) });
    case 'dispute-message':
      return defined({ text: text(values.text), visibility: values.visibility ?? 'parties', awaitingReply: values.awaitingReply === true ? true : undefined });
    case 'dispute-remedy':
      return defined({ kind: values.kind, amount: fenOf(values.amount, currency), description: text(values.description) });
    case 'dispute-remedy-approve':
    case 'follow-up-remedy-approve':
      return defined({ decision: values.decision ?? 'approved', reason: text(values.reason) });
    case 'dispute-evidence-request':
      return defined({ party: values.party, description: text(values.description), dueInHours: typeof values.dueInHours === 'number' ? values.dueInHours : undefined });
    case 'dispute-evidence-submit':
      return defined({ requestId, items: [defined({ kind: values.kind ?? 'photo', ref: text(values.ref), note: text(values.note) })] });
    case 'dispute-ruling':
      return defined({ outcome: values.outcome, refundAmount: fenOf(values.refundAmount, currency), violation: values.violation || undefined, reason: text(values.reason) });
    case 'compensation-approve':
      return defined({ note: text(values.note) });
    case 'compensation-reject':
      return defined({ reason: text(values.reason) });
    case 'follow-up-remedy':
      return defined({ kind: values.kind, amount: fenOf(values.amount, currency), note: text(values.note) });
    case 'review-moderate':
      return defined({ decision: values.decision ?? 'publish', reason: text(values.reason) });
    case 'order-note':
      return defined({ text: text(values.text), flag: values.flag || undefined });
  }
}
