import type { CommandContext } from '@aftersales/kernel';
import { runOrderCommand, type OrderCommandResult } from './order-handler';
import type { AddNoteInput, ChangeAddressInput, IssueInvoiceInput, OrderDeps, RequestInvoiceInput } from './orders.types';

type WithHandler = Pick<OrderDeps, 'handler'>;

/** The note's author is the acting agent (ctx.actor.id). */
export function addNote({ handler }: WithHandler, orderId: string, input: AddNoteInput, ctx: CommandContext): Promise<OrderCommandResult> {
  return runOrderCommand(handler, 'AddNote', orderId, { ...input, agentId: ctx.actor.id }, ctx);
}

export function changeAddress(
  { handler }: WithHandler,
  orderId: string,
  address: ChangeAddressInput,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  return runOrderCommand(handler, 'ChangeAddress', orderId, { address }, ctx);
}

export function requestInvoice(
  { handler }: WithHandler,
  orderId: string,
  input: RequestInvoiceInput,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  return runOrderCommand(handler, 'RequestInvoice', orderId, input, ctx);
}

export function issueInvoice(
  { handler }: WithHandler,
  orderId: string,
  input: IssueInvoiceInput,
  ctx: CommandContext,
): Promise<OrderCommandResult> {
  return runOrderCommand(handler, 'IssueInvoice', orderId, input, ctx);
}
