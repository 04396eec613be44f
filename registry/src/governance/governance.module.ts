import { Module } from '@nestjs/common';
import { GovernanceController } from './governance.controller.js';
import { GovernanceResolver, MajorLineResolver } from './governance.resolver.js';
import { LifecycleService } from './lifecycle.service.js';
import { PolicyService } from './policy.service.js';
import { WaiverService } from './waiver.service.js';

@Module({
  controllers: [GovernanceController],
  providers: [PolicyService, WaiverService, LifecycleService, GovernanceResolver, MajorLineResolver],
  exports: [PolicyService, LifecycleService],
})
export class GovernanceModule {}
