import {
  address,
  cancel,
  changeAddress,
  given,
  hoursAfterT0,
  issueInvoice,
  note,
  ORDER_ID,
  ORDER_TOTAL,
  pay,
  placeOrder,
  requestInvoice,
  ship,
} from '../testing/order-fixtures';

const newAddress = { ...address, street: '18 Gudun Road', postalCode: '310012' };

describe('AddNote', () => {
  it('given an order, when an agent adds a note, then it is numbered and attributed to the agent', () => {
    const { events, state } = given([placeOrder()]).when(note('gift wrap please', hoursAfterT0(3), 'red'));

    expect(events).toEqual([
      {
        type: 'OrderNoteAdded',
        data: { orderId: ORDER_ID, noteNo: 1, text: 'gift wrap please', flag: 'red', agentId: 'agent-7', addedAt: hoursAfterT0(3) },
      },
    ]);
    expect(state?.notes).toEqual([{ noteNo: 1, text: 'gift wrap please', flag: 'red', actorId: 'agent-7', at: hoursAfterT0(3) }]);
  });

  it('given a note, when another is added, then both are kept in order: notes are append-only', () => {
    const { state } = given([placeOrder(), note('first')]).when(note('second', hoursAfterT0(4)));

    expect(state?.notes.map((n) => [n.noteNo, n.text])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    expect(state?.notes[1]).not.toHaveProperty('flag');
  });

  it('given a closed order, when a note is added, then it is still recorded', () => {
    expect(given([placeOrder(), cancel()]).when(note('buyer called back')).events).toHaveLength(1);
  });

  it('given no order, when a note is added, then 404', () => {
    expect(given([]).whenRefused(note('x')).kind).toBe('not_found');
  });
});

describe('ChangeAddress', () => {
  it.each([
    ['unpaid', [placeOrder()]],
    ['paid, not dispatched', [placeOrder(), pay()]],
  ])('given an %s order, when the address changes, then old and new are recorded', (_case, history) => {
    const { events, state } = given(history).when(changeAddress(newAddress, hoursAfterT0(2)));

    expect(events).toEqual([
      {
        type: 'ShippingAddressChanged',
        data: { orderId: ORDER_ID, previousAddress: address, address: newAddress, changedAt: hoursAfterT0(2) },
      },
    ]);
    expect(state?.address).toEqual(newAddress);
  });

  it('given the same address, when changed, then nothing happens', () => {
    expect(given([placeOrder()]).when(changeAddress({ ...address })).events).toEqual([]);
  });

  it.each([
    ['shipped', [placeOrder(), pay(), ship()]],
    ['closed', [placeOrder(), cancel()]],
  ])('given a %s order, when the address changes, then 409 order.address_locked names the status', (status, history) => {
    expect(given(history).whenRefused(changeAddress(newAddress, hoursAfterT0(30)))).toMatchObject({
      kind: 'conflict',
      code: 'order.address_locked',
      details: { currentStatus: status },
    });
  });
});

describe('RequestInvoice', () => {
  it('given an order, when the buyer asks for an invoice, then it is requested', () => {
    const { events, state } = given([placeOrder()]).when(requestInvoice('ACME Ltd', 'TAX-1', hoursAfterT0(2)));

    expect(events).toEqual([
      { type: 'InvoiceRequested', data: { orderId: ORDER_ID, title: 'ACME Ltd', taxId: 'TAX-1', requestedAt: hoursAfterT0(2) } },
    ]);
    expect(state?.invoice).toEqual({ status: 'requested', title: 'ACME Ltd', taxId: 'TAX-1', requestedAt: hoursAfterT0(2) });
  });

  it('given an unissued request, when asked again with another title, then the new request replaces it', () => {
    const { state } = given([placeOrder(), requestInvoice('Li Lei')]).when(requestInvoice('ACME Ltd', 'TAX-1'));

    expect(state?.invoice).toMatchObject({ status: 'requested', title: 'ACME Ltd', taxId: 'TAX-1' });
  });

  it('given the same request, when asked again, then nothing happens', () => {
    expect(given([placeOrder(), requestInvoice('Li Lei')]).when(requestInvoice('Li Lei')).events).toEqual([]);
  });

  it('given an issued invoice, when asked again, then 409 order.invoice_already_issued', () => {
    const error = given([placeOrder(), pay(), requestInvoice(), issueInvoice()]).whenRefused(requestInvoice('Other'));

    expect(error).toMatchObject({ kind: 'conflict', code: 'order.invoice_already_issued' });
  });

  it('given a closed order, when an invoice is asked for, then 409', () => {
    expect(given([placeOrder(), cancel()]).whenRefused(requestInvoice())).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'closed' },
    });
  });
});

describe('IssueInvoice', () => {
  it('given a paid order with a request, when the merchant issues the invoice, then it covers the order total', () => {
    const { events, state } = given([placeOrder(), pay(), requestInvoice('ACME Ltd', 'TAX-1')]).when(
      issueInvoice('INV-9', hoursAfterT0(30)),
    );

    expect(events).toEqual([
      {
        type: 'InvoiceIssued',
        data: {
          orderId: ORDER_ID,
          shopId: 'shop-1',
          invoiceNo: 'INV-9',
          title: 'ACME Ltd',
          taxId: 'TAX-1',
          amount: ORDER_TOTAL,
          currency: 'CNY',
          issuedAt: hoursAfterT0(30),
        },
      },
    ]);
    expect(state?.invoice).toMatchObject({ status: 'issued', invoiceNo: 'INV-9', issuedAt: hoursAfterT0(30) });
  });

  it('given no request, when issued, then 409 order.invoice_not_requested', () => {
    expect(given([placeOrder(), pay()]).whenRefused(issueInvoice())).toMatchObject({
      kind: 'conflict',
      code: 'order.invoice_not_requested',
    });
  });

  it('given an unpaid order, when issued, then 409 names awaiting_payment', () => {
    expect(given([placeOrder(), requestInvoice()]).whenRefused(issueInvoice())).toMatchObject({
      kind: 'conflict',
      details: { currentStatus: 'awaiting_payment' },
    });
  });

  it('given an issued invoice, when the same number is issued again, then nothing happens; another number, 409', () => {
    const issued = given([placeOrder(), pay(), requestInvoice(), issueInvoice('INV-1')]);

    expect(issued.when(issueInvoice('INV-1')).events).toEqual([]);
    expect(issued.whenRefused(issueInvoice('INV-2')).code).toBe('order.invoice_already_issued');
  });
});
