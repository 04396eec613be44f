import { Injectable } from '@nestjs/common';
import { ProductsService } from '../products/products.service.js';
import type { DomainRecord, SearchFilter, SearchPage } from '../products/products.types.js';
import { SlaService } from '../sla/sla.service.js';

/** Catalog search for REST and GraphQL: products' matching with SLA status from the SLA context. */
@Injectable()
export class SearchService {
  constructor(
    private readonly products: ProductsService,
    private readonly sla: SlaService,
  ) {}

  search(filter: SearchFilter, first: number, after?: string): Promise<SearchPage> {
    return this.products.search(filter, first, after, (status) => this.sla.productIdsWithStatus(status));
  }

  domains(): Promise<DomainRecord[]> {
    return this.products.domains();
  }
}
