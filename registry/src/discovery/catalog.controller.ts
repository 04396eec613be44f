import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto.js';
import { ApiIds, idPipe } from '../common/http/id-params.js';
import { DomainDto, ProductDetailDto, VersionDetailDto, VersionSummaryDto } from './dto/catalog.dto.js';
import { ApiFieldParams, ApiSearchParams } from './dto/search-params.js';
import { FieldPageDto, ProductPageDto } from './dto/search.dto.js';
import { FieldSearchService } from './field-search.service.js';
import { ProductViewService, toDomain } from './product-view.service.js';
import {
  restBool,
  restCursor,
  restFieldFilter,
  restFieldText,
  restFirst,
  restSearchFilter,
  restSort,
  restText,
  type QueryValue,
} from './search/rest-query.js';
import { SearchService } from './search.service.js';
import { toFieldPage, toProductPage } from './search/rest-pages.js';

const BAD_PARAMETERS = 'A parameter is empty, repeated, too long, malformed or not one of its values.';

/** REST reads of the catalog: one line each, to the view and search services. */
@ApiTags('products')
@Controller('v1')
export class CatalogController {
  constructor(
    private readonly views: ProductViewService,
    private readonly searches: SearchService,
    private readonly fields: FieldSearchService,
  ) {}

  @Get('products')
  @ApiOperation({
    operationId: 'listProducts',
    summary: 'Search products: the GraphQL search (ranked, filtered, cursor-paged, facets) with lowercase values',
  })
  @ApiSearchParams()
  @ApiOkResponse({ type: ProductPageDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: BAD_PARAMETERS })
  async list(@Query() query: Record<string, QueryValue>): Promise<ProductPageDto> {
    const answer = await this.searches.search({
      query: restText(query.q),
      filter: restSearchFilter(query),
      sort: restSort(query.sort),
      first: restFirst(query.first),
      after: restCursor(query.after),
    });
    return toProductPage(this.searches, answer, restBool('facets', query.facets) ?? false);
  }

  @Get('fields')
  @ApiOperation({
    operationId: 'searchFields',
    summary: "Where is a field: fields of every product's latest ports by name, prefix, similar name or description",
  })
  @ApiFieldParams()
  @ApiOkResponse({ type: FieldPageDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: BAD_PARAMETERS })
  async searchFields(@Query() query: Record<string, QueryValue>): Promise<FieldPageDto> {
    const text = restFieldText(query.q);
    const filter = restFieldFilter(query);
    const page = await this.fields.search(text, filter, restFirst(query.first) ?? 20, restCursor(query.after));
    return toFieldPage(page, await this.fields.count(text, filter));
  }

  @Get('products/:id')
  @ApiOperation({
    operationId: 'getProduct',
    summary: 'A product with its versions, major lines, latest version and consumers',
  })
  @ApiIds({ id: 'product' })
  @ApiOkResponse({ type: ProductDetailDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  product(@Param('id', idPipe('product')) id: string): Promise<ProductDetailDto> {
    return this.views.product(id);
  }

  @Get('products/:id/versions')
  @ApiOperation({ operationId: 'listVersions', summary: 'Published versions, newest first' })
  @ApiIds({ id: 'product' })
  @ApiOkResponse({ type: [VersionSummaryDto] })
  @ApiResponse({ status: 404, type: ErrorDto })
  versions(@Param('id', idPipe('product')) id: string): Promise<VersionSummaryDto[]> {
    return this.views.versions(id);
  }

  @Get('products/:id/versions/:version')
  @ApiOperation({
    operationId: 'getVersion',
    summary: 'One version: descriptor, ports with contracts, inputs and reports',
  })
  @ApiIds({ id: 'product', version: 'version' })
  @ApiOkResponse({ type: VersionDetailDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  version(
    @Param('id', idPipe('product')) id: string,
    @Param('version', idPipe('version')) version: string,
  ): Promise<VersionDetailDto> {
    return this.views.version(id, version);
  }

  @Get('domains')
  @ApiOperation({ operationId: 'listDomains', summary: 'Every domain' })
  @ApiOkResponse({ type: [DomainDto] })
  async domains(): Promise<DomainDto[]> {
    return (await this.searches.domains()).map(toDomain);
  }
}
