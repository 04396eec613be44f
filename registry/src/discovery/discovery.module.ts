import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module.js';
import { ProductsModule } from '../products/products.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { CatalogController } from './catalog.controller.js';
import { ContractController } from './contract.controller.js';
import { FieldSearchService } from './field-search.service.js';
import { FieldSearchResolver } from './graphql/field-search.resolver.js';
import { OutputPortResolver, ProductResolver, ProductVersionResolver } from './graphql/product.resolver.js';
import { SearchResolver } from './graphql/search.resolver.js';
import { SearchIndex } from './index/search-index.service.js';
import { SearchIndexStage } from './index/search.stage.js';
import { PortContractService } from './port-contract.service.js';
import { ProductViewService } from './product-view.service.js';
import { SearchService } from './search.service.js';

/**
 * Discovery: catalog reads (REST and GraphQL) composed from products,
 * contracts and SLA status, and search over its own read model
 * (search_products, search_fields, search_words), which its publish stage and
 * catalog hooks keep in step with the other contexts' tables.
 */
@Module({
  imports: [ProductsModule, ContractsModule, SlaModule],
  controllers: [CatalogController, ContractController],
  providers: [
    ProductViewService,
    PortContractService,
    SearchService,
    FieldSearchService,
    SearchIndex,
    SearchIndexStage,
    ProductResolver,
    ProductVersionResolver,
    OutputPortResolver,
    SearchResolver,
    FieldSearchResolver,
  ],
  exports: [SearchService],
})
export class DiscoveryModule {}
