import type { ReturnAddress } from '@aftersales/contracts';
import { contextFromTimer, type Timer } from '@aftersales/kernel';
import { needsReturn, refundTimerCommandTypes, type RefundTimerCommand } from '../domain';
import { SHOP_RETURN_ADDRESSES, type ShopReturnAddressDoc } from '../projections/refund.document';
import { REFUND_SCHEDULER_ACTOR } from './refund-actors';
import type { RefundHandlers, WithoutTime } from './refund-handlers';
import { refundStreamId, replacementOrderIdOf } from './refund-ids';

/** Where buyers send goods back when a merchant never answered and never gave an address (a platform returns desk). */
export const PLATFORM_RETURNS_DESK: ReturnAddress = {
  name: 'Platform returns desk',
  phone: '+86 400 000 0000',
  province: 'Zhejiang',
  city: 'Hangzhou',
  district: 'Yuhang',
  street: 'After-sales returns centre',
};

/** A return address for approvals nobody typed: the shop's last one, else the fallback. */
async function returnAddressOfShop(h: RefundHandlers, shopId: string): Promise<ReturnAddress> {
  const onFile = await h.platform.readModels.get<ShopReturnAddressDoc>(SHOP_RETURN_ADDRESSES, shopId);
  return onFile?.returnAddress ?? h.options.fallbackReturnAddress ?? PLATFORM_RETURNS_DESK;
}

/** A fired refund or allowance timer: the deadline's command, under the key `timer:<timerId>`. */
export async function fireRefundTimer(h: RefundHandlers, timer: Timer): Promise<void> {
  const ctx = contextFromTimer(timer, REFUND_SCHEDULER_ACTOR);
  const fired = timer.command as { type: string; refundId?: string; orderId?: string };
  if (fired.type === 'ReleaseOrphanReservation' && fired.orderId && fired.refundId) {
    const { state } = await h.refunds.load(refundStreamId(fired.refundId));
    await h.runAllowance(
      fired.orderId,
      { type: 'ReleaseOrphanReservation', orderId: fired.orderId, refundId: fired.refundId, requestRecorded: state !== null },
      ctx,
    );
    return;
  }
  const type = fired.type as RefundTimerCommand['type'];
  if (!refundTimerCommandTypes.includes(type) || typeof fired.refundId !== 'string') {
    throw new Error(`timer ${timer.timerId} carries no refund timer command`);
  }
  const refundId = fired.refundId;
  const { state } = await h.refunds.load(refundStreamId(refundId));
  const facts: Record<string, unknown> = {};
  if (type === 'AutoApproveRefund' && state && needsReturn(state.type)) facts.returnAddress = await returnAddressOfShop(h, state.shopId);
  if (type === 'AutoConfirmReturn') facts.replacementOrderId = replacementOrderIdOf(refundId);
  await h.runRefund(refundId, { type, refundId, ...facts } as WithoutTime<RefundTimerCommand>, ctx);
}
