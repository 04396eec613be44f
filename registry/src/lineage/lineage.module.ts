import { Module } from '@nestjs/common';
import { LineageResolver, ProductLineageResolver } from './graphql/lineage.resolver.js';
import { LineageController } from './lineage.controller.js';
import { LineageService } from './lineage.service.js';
import { OpenLineageService } from './openlineage/openlineage.service.js';

/** Declared and observed lineage, traversal, consumers and impact. The publish stage is plain code in declared-lineage.stage.ts. */
@Module({
  controllers: [LineageController],
  providers: [LineageService, OpenLineageService, LineageResolver, ProductLineageResolver],
  exports: [LineageService],
})
export class LineageModule {}
