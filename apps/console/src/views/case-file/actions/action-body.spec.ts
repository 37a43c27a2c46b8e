import { actionBody } from './action-body';

describe('action bodies', () => {
  it('given a remedy of "1,234.5" yuan, then the body carries 123450 fen exactly and the trimmed description', () => {
    expect(actionBody('dispute-remedy', { kind: 'partial_refund', amount: '1,234.5', description: '  Half back  ' }, 'CNY')).toEqual({
      kind: 'partial_refund',
      amount: 123_450,
      description: 'Half back',
    });
  });

  it('given a ruling with no refund amount and no violation, then neither field is sent', () => {
    expect(actionBody('dispute-ruling', { outcome: 'merchant_wins', refundAmount: '', violation: '', reason: 'As described' }, 'CNY')).toEqual({
      outcome: 'merchant_wins',
      reason: 'As described',
    });
  });

  it('given an internal message and a merchant evidence answer, then the message keeps its visibility and the evidence names its request', () => {
    expect(actionBody('dispute-message', { text: 'Check the scan', visibility: 'internal' }, 'CNY')).toEqual({ text: 'Check the scan', visibility: 'internal' });
    expect(actionBody('dispute-evidence-submit', { kind: 'photo', ref: 'file-7' }, 'CNY', 'evr-1')).toEqual({ requestId: 'evr-1', items: [{ kind: 'photo', ref: 'file-7' }] });
  });

  it('given a remedy approval left at its default and a flagged note, then the approval is approved and the note carries its flag', () => {
    expect(actionBody('dispute-remedy-approve', {}, 'CNY')).toEqual({ decision: 'approved' });
    expect(actionBody('order-note', { text: 'Buyer called twice', flag: 'red' }, 'CNY')).toEqual({ text: 'Buyer called twice', flag: 'red' });
  });

  it('given an amount the validator should have refused, then building the body throws rather than send a float', () => {
    expect(() => actionBody('follow-up-remedy', { kind: 'goodwill_credit', amount: '12.345', note: 'sorry' }, 'CNY')).toThrow(RangeError);
  });

  it('given the added actions, then each body carries what api.md asks: the taker as assignee, the escalation target, a whole satisfaction, a receipt condition, a contact channel and a closure outcome', () => {
    expect(actionBody('dispute-take', {}, 'CNY', 'dsp_1', 'agent-1')).toEqual({ assigneeId: 'agent-1' });
    expect(actionBody('dispute-assign', { assigneeId: ' agent-2 ' }, 'CNY')).toEqual({ assigneeId: 'agent-2' });
    expect(actionBody('dispute-escalate', { to: 'platform', reason: 'No answer' }, 'CNY')).toEqual({ to: 'platform', reason: 'No answer' });
    expect(actionBody('dispute-appeal', { reason: 'The photos show it intact' }, 'CNY')).toEqual({ reason: 'The photos show it intact' });
    expect(actionBody('dispute-follow-up', { satisfaction: 4, comment: '' }, 'CNY')).toEqual({ satisfaction: 4 });
    expect(actionBody('refund-return-receipt', { condition: 'damaged' }, 'CNY')).toEqual({ condition: 'damaged' });
    expect(actionBody('follow-up-contact', { channel: 'phone', note: 'Called her' }, 'CNY')).toEqual({ channel: 'phone', note: 'Called her' });
    expect(actionBody('follow-up-closure', { outcome: 'unresolved', note: 'No reply' }, 'CNY')).toEqual({ outcome: 'unresolved', note: 'No reply' });
  });
});
