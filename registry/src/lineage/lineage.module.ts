import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { ProductsModule } from '../products/products.module.js';
import { DeclaredLineageStage } from './declared-lineage.stage.js';
import { LineageResolver, ProductLineageResolver } from './graphql/lineage.resolver.js';
import { LineageController } from './lineage.controller.js';
import { LineageService } from './lineage.service.js';
import { OpenLineageService } from './openlineage/openlineage.service.js';

/**
 * Declared and observed lineage, traversal, consumers and impact. Lineage owns
 * the current-lineage tables (rebuilt by its publish stage from what products
 * stores) and the observed (OpenLineage) tables.
 */
@Module({
  imports: [ProductsModule, ContractsModule],
  controllers: [LineageController],
  providers: [LineageService, OpenLineageService, LineageResolver, ProductLineageResolver, DeclaredLineageStage],
  exports: [LineageService],
})
export class LineageModule {}
