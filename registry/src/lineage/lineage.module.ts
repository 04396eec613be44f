import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { ProductsModule } from '../products/products.module.js';
import { DeclaredLineageStage } from './declared-lineage.stage.js';
import { ExternalConsumersController } from './external/external-consumers.controller.js';
import { ExternalConsumersService } from './external/external-consumers.service.js';
import { LineageResolver, ProductLineageResolver } from './graphql/lineage.resolver.js';
import { LineageController } from './lineage.controller.js';
import { LineageService } from './lineage.service.js';
import { OpenLineageService } from './openlineage/openlineage.service.js';

/**
 * Declared and observed lineage, traversal, consumers and impact. Lineage owns
 * the current-lineage tables (rebuilt by its publish stage from what products
 * stores), the observed (OpenLineage) tables and the consumers outside the
 * mesh (dashboards, ML jobs, notebooks, services) with the fields they read.
 */
@Module({
  imports: [ProductsModule, ContractsModule],
  controllers: [LineageController, ExternalConsumersController],
  providers: [
    LineageService,
    ExternalConsumersService,
    OpenLineageService,
    LineageResolver,
    ProductLineageResolver,
    DeclaredLineageStage,
  ],
  exports: [LineageService, ExternalConsumersService],
})
export class LineageModule {}
