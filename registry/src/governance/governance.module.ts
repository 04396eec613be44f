import { Module } from '@nestjs/common';
import { LineageModule } from '../lineage/lineage.module.js';
import { ProductsModule } from '../products/products.module.js';
import { GovernanceController } from './governance.controller.js';
import { GovernanceResolver, MajorLineResolver } from './governance.resolver.js';
import { GovernanceStage } from './governance.stage.js';
import { LifecycleService } from './lifecycle.service.js';
import { PolicyService } from './policy.service.js';
import { WaiverService } from './waiver.service.js';

/**
 * Governance owns policies and waivers, evaluates them in the publish
 * pipeline's last stage, and runs the major-line lifecycle (the lines
 * themselves are products' rows, changed through ProductsService).
 */
@Module({
  imports: [ProductsModule, LineageModule],
  controllers: [GovernanceController],
  providers: [PolicyService, WaiverService, LifecycleService, GovernanceResolver, MajorLineResolver, GovernanceStage],
  exports: [PolicyService, LifecycleService],
})
export class GovernanceModule {}
