import { AccessControlled } from '@aftersales/nest';
import { PEER_COMMANDS_ACCESS } from '../admin/admin.access';
import { Body, Controller, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { notFound, type CommandContext } from '@aftersales/kernel';
import type { LogisticsService } from '@aftersales/logistics';

export const PEER_LOGISTICS = 'aftersales:PEER_LOGISTICS';

interface PeerCall<I> {
  input: I;
  ctx: CommandContext;
  options?: { readYourWrites?: boolean };
}

/**
 * The one command a service still gives another directly when they run in separate processes: the refund service
 * registering a reissue parcel with logistics, because POST /refunds/{id}/reissue-shipment answers with the shipment
 * id. Everything else (replacement order, refunded closure, return shipment) the services do in reaction to the
 * refund topic. Not public: the gateway does not route /internal, and the OpenAPI document leaves it out. The
 * caller's command context travels with the call, so idempotency keys, actor and causation are the same as in one
 * process.
 */
@ApiExcludeController()
@Controller('internal')
@AccessControlled(PEER_COMMANDS_ACCESS)
export class PeerCommandsController {
  constructor(@Optional() @Inject(PEER_LOGISTICS) private readonly logistics: LogisticsService | null) {}

  @Post('shipments/reissues')
  @HttpCode(200)
  async createReissueShipment(@Body() call: PeerCall<Parameters<LogisticsService['createReissueShipment']>[0]>) {
    return slim(await this.requireLogistics().createReissueShipment(call.input, call.ctx, call.options));
  }

  private requireLogistics(): LogisticsService {
    if (!this.logistics) throw notFound('service', 'logistics');
    return this.logistics;
  }
}

/** What a peer needs of a command result: the new state, revision and event ids (not the whole events). */
function slim(result: { state: unknown; revision: number; eventIds: string[] }) {
  return { state: result.state, revision: result.revision, eventIds: result.eventIds };
}
