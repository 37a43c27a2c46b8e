import { currentRulebook, type OrderEvent, type Rulebook } from '@aftersales/contracts';
import type { Decider } from '@aftersales/kernel';
import { decideCancelOrder, decideCloseRefundedOrder } from './decide-closing';
import {
  decideAutoConfirmReceipt,
  decideCheckShipByDeadline,
  decideConfirmReceipt,
  decideMarkDelivered,
  decideMarkReturned,
  decideMarkShipped,
} from './decide-fulfilment';
import { decideCloseUnpaidOrder, decidePayOrder, decideRecordPaymentReminder } from './decide-payment';
import { decidePlaceOrder, decidePlaceReplacementOrder } from './decide-placement';
import { decideAddNote, decideChangeAddress, decideIssueInvoice, decideLockAddress, decideRequestInvoice, decideUnlockAddress } from './decide-service-requests';
import { decidePauseAutoConfirm, decideResumeAutoConfirm } from './decide-auto-confirm-pause';
import { evolveOrder } from './evolve-order';
import type { OrderCommand } from './order-commands';
import { initialOrderState, type OrderState } from './order-state';

export type OrderDecider = Decider<OrderCommand, OrderState, OrderEvent>;

/** The order aggregate under one rulebook: deadlines are computed from its numbers and record its version. */
export function makeOrderDecider(rulebook: Rulebook): OrderDecider {
  return {
    initialState: initialOrderState,
    evolve: evolveOrder,
    decide(command, state) {
      switch (command.type) {
        case 'PlaceOrder':
          return decidePlaceOrder(command, state, rulebook);
        case 'PlaceReplacementOrder':
          return decidePlaceReplacementOrder(command, state, rulebook);
        case 'PayOrder':
          return decidePayOrder(command, state, rulebook);
        case 'RecordPaymentReminder':
          return decideRecordPaymentReminder(command, state);
        case 'CloseUnpaidOrder':
          return decideCloseUnpaidOrder(command, state);
        case 'CancelOrder':
          return decideCancelOrder(command, state);
        case 'CloseRefundedOrder':
          return decideCloseRefundedOrder(command, state);
        case 'AddNote':
          return decideAddNote(command, state);
        case 'ChangeAddress':
          return decideChangeAddress(command, state);
        case 'RequestInvoice':
          return decideRequestInvoice(command, state);
        case 'IssueInvoice':
          return decideIssueInvoice(command, state);
        case 'CheckShipByDeadline':
          return decideCheckShipByDeadline(command, state);
        case 'MarkShipped':
          return decideMarkShipped(command, state, rulebook);
        case 'MarkDelivered':
          return decideMarkDelivered(command, state);
        case 'MarkReturned':
          return decideMarkReturned(command, state);
        case 'ConfirmReceipt':
          return decideConfirmReceipt(command, state);
        case 'AutoConfirmReceipt':
          return decideAutoConfirmReceipt(command, state);
        case 'LockAddress':
          return decideLockAddress(command, state);
        case 'UnlockAddress':
          return decideUnlockAddress(command, state);
        case 'PauseAutoConfirm':
          return decidePauseAutoConfirm(command, state);
        case 'ResumeAutoConfirm':
          return decideResumeAutoConfirm(command, state);
      }
    },
  };
}

/** The order decider under the current rulebook. */
export const orderDecider: OrderDecider = makeOrderDecider(currentRulebook());
