import { Module, type DynamicModule } from '@nestjs/common';
import type { CapabilityModuleOptions } from '@aftersales/nest';
import { CasesModule } from './cases/http';
import type { DisputeService } from './dispute-service';

export type DisputeModuleOptions = CapabilityModuleOptions;

/** The dispute service's edge: the module of each capability, on the facades built by createDisputeService. */
@Module({})
export class DisputeModule {
  static register(service: DisputeService, options: DisputeModuleOptions = {}): DynamicModule {
    const reactions = { reactions: options.reactions };
    return { module: DisputeModule, imports: [CasesModule.register(service.cases, reactions)] };
  }
}
