import { Module } from '@nestjs/common';
import { CapabilityModule, type CapabilityModuleOptions } from '@aftersales/nest';
import type { FollowUpService } from '../application';
import { FollowUpReactionsController } from './follow-up-reactions.controller';
import { FollowUpsController } from './follow-ups.controller';
import { FOLLOW_UP_SERVICE_TOKEN } from './follow-ups.tokens';

/** `reactions`: the bus reaction to review events. */
export type FollowUpsModuleOptions = CapabilityModuleOptions;

/** The follow-up capability's edge: its HTTP controller and bus reaction on the facade built by createFollowUpService. */
@Module({})
export class FollowUpsModule extends CapabilityModule<FollowUpService>({
  token: FOLLOW_UP_SERVICE_TOKEN,
  controllers: [FollowUpsController],
  reactions: FollowUpReactionsController,
}) {}
