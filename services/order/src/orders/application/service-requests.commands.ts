import type { CommandContext } from '@aftersales/kernel';
import { runOrderCommand } from './order-handler';
import type { AddNoteInput, ChangeAddressInput, IssueInvoiceInput, OrderDeps, RequestInvoiceInput } from './orders.types';

type WithHandler = Pick<OrderDeps, 'handler'>;

/** The note's author is the acting agent (ctx.actor.id). */
export function addNote({ handler }: WithHandler, orderId: string, input: AddNoteInput, ctx: CommandContext) {
  return runOrderCommand(handler, 'AddNote', orderId, { ...input, agentId: ctx.actor.id }, ctx);
}

export function changeAddress({ handler }: WithHandler, orderId: string, address: ChangeAddressInput, ctx: CommandContext) {
  return runOrderCommand(handler, 'ChangeAddress', orderId, { address }, ctx);
}

export function requestInvoice({ handler }: WithHandler, orderId: string, input: RequestInvoiceInput, ctx: CommandContext) {
  return runOrderCommand(handler, 'RequestInvoice', orderId, input, ctx);
}

export function issueInvoice({ handler }: WithHandler, orderId: string, input: IssueInvoiceInput, ctx: CommandContext) {
  return runOrderCommand(handler, 'IssueInvoice', orderId, input, ctx);
}
