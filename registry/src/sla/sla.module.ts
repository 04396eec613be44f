import { Module } from '@nestjs/common';
import { CatalogListenersModule } from '../common/catalog-listeners.js';
import { ProductsModule } from '../products/products.module.js';
import { BreachRecorder } from './breach-recorder.js';
import { SlaController } from './sla.controller.js';
import { SlaPortResolver } from './sla.resolver.js';
import { SlaService } from './sla.service.js';

/** SLA observations, status (computed when read, with the registry clock) and breaches. */
@Module({
  imports: [ProductsModule, CatalogListenersModule],
  controllers: [SlaController],
  providers: [SlaService, BreachRecorder, SlaPortResolver],
  exports: [SlaService],
})
export class SlaModule {}
