import { Module } from '@nestjs/common';
import { CatalogListenersModule } from '../common/catalog-listeners.js';
import { ContractsModule } from '../contracts/contracts.module.js';
import { ProductsService } from './products.service.js';
import { InputsStage } from './stages/inputs.stage.js';
import { VersionsStage } from './stages/versions.stage.js';

/**
 * Products own the catalog tables (domains, products, versions, ports, fields,
 * inputs, field lineage, major lines). Other contexts read and change them only
 * through ProductsService; the publish stages `versions` and `inputs` are here.
 */
@Module({
  imports: [ContractsModule, CatalogListenersModule],
  providers: [ProductsService, VersionsStage, InputsStage],
  exports: [ProductsService],
})
export class ProductsModule {}
