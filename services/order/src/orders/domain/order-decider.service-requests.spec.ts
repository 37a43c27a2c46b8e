import { deciderSpec } from '@aftersales/kernel/testing';
import { orderDecider } from './order-decider';
import { address, changeAddress, hoursAfterT0, issueInvoice, lockAddress, note, ORDER_TOTAL, requestInvoice, unlockAddress } from '../testing/order-fixtures';
import {
  invoiceIssued,
  invoiceRequested,
  noteAdded,
  orderCancelled,
  orderPlaced,
  paidOrder,
  shippedOrder,
  shippingAddressChanged,
  shippingAddressLocked,
  shippingAddressUnlocked,
} from '../testing/order-events';

const spec = deciderSpec(orderDecider);
const newAddress = { ...address, street: '18 Gudun Road', postalCode: '310012' };
const closedOrder = () => [orderPlaced(), orderCancelled()];

describe('AddNote', () => {
  it('given an order, when an agent adds a note, then it is numbered and attributed to the agent', () => {
    const { state } = spec
      .given([orderPlaced()])
      .when(note('gift wrap please', hoursAfterT0(3), 'red'))
      .then([noteAdded('gift wrap please', { noteNo: 1, flag: 'red', agentId: 'agent-7', addedAt: hoursAfterT0(3) })]);

    expect(state?.notes).toEqual([{ noteNo: 1, text: 'gift wrap please', flag: 'red', actorId: 'agent-7', at: hoursAfterT0(3) }]);
  });

  it('given a note, when another is added, then both are kept in order: notes are append-only', () => {
    spec
      .given([orderPlaced(), noteAdded('first')])
      .when(note('second', hoursAfterT0(4)))
      .thenState((state) => {
        expect(state?.notes.map((n) => [n.noteNo, n.text])).toEqual([
          [1, 'first'],
          [2, 'second'],
        ]);
        expect(state?.notes[1]).not.toHaveProperty('flag');
      });
  });

  it('given 25 notes, when another is added, then it is number 26 and the order carries the newest 20 of them', () => {
    const earlier = Array.from({ length: 25 }, (_, i) => noteAdded(`note ${i + 1}`, { noteNo: i + 1 }));

    const { state } = spec
      .given([orderPlaced(), ...earlier])
      .when(note('note 26', hoursAfterT0(4)))
      .then([noteAdded('note 26', { noteNo: 26, agentId: 'agent-7', addedAt: hoursAfterT0(4) })]);

    expect(state?.notesCount).toBe(26);
    expect(state?.notes.map((n) => n.noteNo)).toEqual(Array.from({ length: 20 }, (_, i) => 7 + i));
  });

  it('given a closed order, when a note is added, then it is still recorded', () => {
    spec
      .given(closedOrder())
      .when(note('buyer called back'))
      .then([noteAdded('buyer called back')]);
  });

  it('given no order, when a note is added, then 404', () => {
    expect(spec.given([]).when(note('x')).thenRefuses('not_found').kind).toBe('not_found');
  });
});

describe('ChangeAddress', () => {
  it.each([
    ['unpaid', [orderPlaced()]],
    ['paid, not dispatched', paidOrder()],
  ])('given an %s order, when the address changes, then old and new are recorded', (_case, history) => {
    const { state } = spec
      .given(history)
      .when(changeAddress(newAddress, hoursAfterT0(2)))
      .then([shippingAddressChanged(newAddress, hoursAfterT0(2))]);

    expect(state?.address).toEqual(newAddress);
  });

  it('given the same address, when changed, then nothing happens', () => {
    spec
      .given([orderPlaced()])
      .when(changeAddress({ ...address }))
      .thenNothing();
  });

  it.each([
    ['shipped', shippedOrder()],
    ['closed', closedOrder()],
  ])('given a %s order, when the address changes, then 409 order.address_locked names the status', (status, history) => {
    const error = spec
      .given(history)
      .when(changeAddress(newAddress, hoursAfterT0(30)))
      .thenRefuses('order.address_locked');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: status } });
  });
});

describe('RequestInvoice', () => {
  it('given an order, when the buyer asks for an invoice, then it is requested', () => {
    const { state } = spec
      .given([orderPlaced()])
      .when(requestInvoice('ACME Ltd', 'TAX-1', hoursAfterT0(2)))
      .then([invoiceRequested({ title: 'ACME Ltd', taxId: 'TAX-1', requestedAt: hoursAfterT0(2) })]);

    expect(state?.invoice).toEqual({ status: 'requested', title: 'ACME Ltd', taxId: 'TAX-1', requestedAt: hoursAfterT0(2) });
  });

  it('given an unissued request, when asked again with another title, then the new request replaces it', () => {
    spec
      .given([orderPlaced(), invoiceRequested({ title: 'Li Lei' })])
      .when(requestInvoice('ACME Ltd', 'TAX-1'))
      .thenState((state) => expect(state?.invoice).toMatchObject({ status: 'requested', title: 'ACME Ltd', taxId: 'TAX-1' }));
  });

  it('given the same request, when asked again, then nothing happens', () => {
    spec
      .given([orderPlaced(), invoiceRequested({ title: 'Li Lei' })])
      .when(requestInvoice('Li Lei'))
      .thenNothing();
  });

  it('given an issued invoice, when asked again, then 409 order.invoice_already_issued', () => {
    const error = spec
      .given([...paidOrder(), invoiceRequested(), invoiceIssued()])
      .when(requestInvoice('Other'))
      .thenRefuses('order.invoice_already_issued');

    expect(error).toMatchObject({ kind: 'conflict' });
  });

  it('given a closed order, when an invoice is asked for, then 409', () => {
    const error = spec.given(closedOrder()).when(requestInvoice()).thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'closed' } });
  });
});

describe('IssueInvoice', () => {
  it('given a paid order with a request, when the merchant issues the invoice, then it covers the order total', () => {
    const { state } = spec
      .given([...paidOrder(), invoiceRequested({ title: 'ACME Ltd', taxId: 'TAX-1' })])
      .when(issueInvoice('INV-9', hoursAfterT0(30)))
      .then([
        invoiceIssued({
          invoiceNo: 'INV-9',
          title: 'ACME Ltd',
          taxId: 'TAX-1',
          amount: ORDER_TOTAL,
          currency: 'CNY',
          issuedAt: hoursAfterT0(30),
        }),
      ]);

    expect(state?.invoice).toMatchObject({ status: 'issued', invoiceNo: 'INV-9', issuedAt: hoursAfterT0(30) });
  });

  it('given no request, when issued, then 409 order.invoice_not_requested', () => {
    const error = spec.given(paidOrder()).when(issueInvoice()).thenRefuses('order.invoice_not_requested');

    expect(error).toMatchObject({ kind: 'conflict' });
  });

  it('given an unpaid order, when issued, then 409 names awaiting_payment', () => {
    const error = spec.given([orderPlaced(), invoiceRequested()]).when(issueInvoice()).thenRefuses('illegal_transition');

    expect(error).toMatchObject({ kind: 'conflict', details: { currentStatus: 'awaiting_payment' } });
  });

  it('given an issued invoice, when the same number is issued again, then nothing happens; another number, 409', () => {
    const issued = spec.given([...paidOrder(), invoiceRequested(), invoiceIssued({ invoiceNo: 'INV-1' })]);

    issued.when(issueInvoice('INV-1')).thenNothing();
    issued.when(issueInvoice('INV-2')).thenRefuses('order.invoice_already_issued');
  });
});

describe('the address frozen for a shipment (no address change after dispatch)', () => {
  it('given a paid order, when logistics reports a shipment created for it, then the address is locked for that shipment with the address it goes to', () => {
    const { state } = spec
      .given([...paidOrder(), shippingAddressChanged(newAddress)])
      .when(lockAddress('shp-1', hoursAfterT0(20)))
      .then([shippingAddressLocked({ address: newAddress })]);

    expect(state?.addressLock).toEqual({ shipmentId: 'shp-1', lockedAt: hoursAfterT0(20) });
  });

  it('given the address locked for a shipment, when the address changes, then 409 order.address_locked names the shipment and nothing is recorded', () => {
    const error = spec
      .given([...paidOrder(), shippingAddressLocked()])
      .when(changeAddress(newAddress, hoursAfterT0(21)))
      .thenRefuses('order.address_locked');

    expect(error).toMatchObject({ kind: 'conflict', details: { shipmentId: 'shp-1', currentStatus: 'awaiting_shipment' } });
  });

  it('given the address locked for a shipment, when the same lock arrives again, then nothing happens', () => {
    spec
      .given([...paidOrder(), shippingAddressLocked()])
      .when(lockAddress())
      .thenNothing();
  });

  it('given the address locked for a shipment, when that shipment is cancelled, then it is unlocked and the address may change again', () => {
    spec
      .given([...paidOrder(), shippingAddressLocked()])
      .when(unlockAddress('shp-1', hoursAfterT0(21)))
      .then([shippingAddressUnlocked()]);
    spec
      .given([...paidOrder(), shippingAddressLocked(), shippingAddressUnlocked()])
      .when(changeAddress(newAddress, hoursAfterT0(22)))
      .then([shippingAddressChanged(newAddress, hoursAfterT0(22))]);
  });

  it('given the address locked for a shipment, when another shipment is cancelled, then the lock stays', () => {
    spec
      .given([...paidOrder(), shippingAddressLocked()])
      .when(unlockAddress('shp-other'))
      .thenNothing();
  });

  it('given a shipped order, when a late lock arrives, then nothing is recorded (the status refuses changes already)', () => {
    spec.given(shippedOrder()).when(lockAddress()).thenNothing();
  });
});
