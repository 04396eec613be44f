import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { ProductsModule } from '../products/products.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { CatalogController } from './catalog.controller.js';
import { ContractController } from './contract.controller.js';
import { PortContractService } from './port-contract.service.js';
import { OutputPortResolver, ProductResolver, ProductVersionResolver } from './discovery.resolver.js';
import { ProductViewService } from './product-view.service.js';
import { SearchService } from './search.service.js';

/**
 * Discovery owns no table: it composes catalog reads (REST and GraphQL) from
 * products, contracts and SLA status, and serves search.
 */
@Module({
  imports: [ProductsModule, ContractsModule, SlaModule],
  controllers: [CatalogController, ContractController],
  providers: [
    ProductViewService,
    PortContractService,
    SearchService,
    ProductResolver,
    ProductVersionResolver,
    OutputPortResolver,
  ],
})
export class DiscoveryModule {}
