import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto.js';
import { DomainDto, ProductDetailDto, VersionDetailDto, VersionSummaryDto } from './dto/catalog.dto.js';
import { FieldPageDto, ProductPageDto } from './dto/search.dto.js';
import { FieldSearchService } from './field-search.service.js';
import { ProductViewService, toDomain } from './product-view.service.js';
import {
  restFieldFilter,
  restFirst,
  restSearchFilter,
  restSort,
  singleParam,
  type QueryValue,
} from './search/rest-query.js';
import { SearchService } from './search.service.js';
import { toFieldPage, toProductPage } from './search/rest-pages.js';

const LIST = 'Repeat the parameter or separate values with commas; any value matches.';

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
  @ApiQuery({ name: 'q', required: false, description: 'Words (≤ 200 characters, ≤ 10 words); all must match.' })
  @ApiQuery({ name: 'domain', required: false, description: LIST })
  @ApiQuery({ name: 'tag', required: false, description: LIST })
  @ApiQuery({ name: 'owner', required: false, description: `Owner teams. ${LIST}` })
  @ApiQuery({
    name: 'classification',
    required: false,
    description: `public, internal, confidential, restricted. ${LIST}`,
  })
  @ApiQuery({ name: 'status', required: false, description: `active, deprecated, retired. ${LIST}` })
  @ApiQuery({ name: 'tier', required: false, description: `bronze, silver, gold. ${LIST}` })
  @ApiQuery({ name: 'slaStatus', required: false, description: `met, at_risk, breached, unknown (now). ${LIST}` })
  @ApiQuery({ name: 'field', required: false, description: 'A contract field name or path, e.g. customer_id.' })
  @ApiQuery({ name: 'sort', required: false, description: 'relevance (default), name, recent, consumed.' })
  @ApiQuery({ name: 'facets', required: false, description: 'true: add counts per facet value.' })
  @ApiQuery({ name: 'first', required: false, type: Number, description: '1 to 100 (default 20).' })
  @ApiQuery({ name: 'after', required: false, description: 'nextCursor of the previous page.' })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  async list(@Query() query: Record<string, QueryValue>): Promise<ProductPageDto> {
    const answer = await this.searches.search({
      query: singleParam('q', query.q),
      filter: restSearchFilter(query),
      sort: restSort(query.sort),
      first: restFirst(query.first),
      after: singleParam('after', query.after),
    });
    return toProductPage(this.searches, answer, singleParam('facets', query.facets) === 'true');
  }

  @Get('fields')
  @ApiOperation({
    operationId: 'searchFields',
    summary: "Where is a field: fields of every product's latest ports by name, prefix, similar name or description",
  })
  @ApiQuery({ name: 'q', required: true, description: 'A field name, path or description words.' })
  @ApiQuery({ name: 'domain', required: false, description: LIST })
  @ApiQuery({ name: 'classification', required: false, description: `x-classification, e.g. pii. ${LIST}` })
  @ApiQuery({ name: 'type', required: false, description: `JSON type. ${LIST}` })
  @ApiQuery({ name: 'required', required: false, description: 'true or false.' })
  @ApiQuery({ name: 'first', required: false, type: Number, description: '1 to 100 (default 20).' })
  @ApiQuery({ name: 'after', required: false, description: 'nextCursor of the previous page.' })
  @ApiOkResponse({ type: FieldPageDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  async searchFields(@Query() query: Record<string, QueryValue>): Promise<FieldPageDto> {
    const text = singleParam('q', query.q) ?? '';
    const filter = restFieldFilter(query);
    const page = await this.fields.search(
      text,
      filter,
      restFirst(query.first) ?? 20,
      singleParam('after', query.after),
    );
    return toFieldPage(page, await this.fields.count(text, filter));
  }

  @Get('products/:id')
  @ApiOperation({
    operationId: 'getProduct',
    summary: 'A product with its versions, major lines, latest version and consumers',
  })
  @ApiOkResponse({ type: ProductDetailDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  product(@Param('id') id: string): Promise<ProductDetailDto> {
    return this.views.product(id);
  }

  @Get('products/:id/versions')
  @ApiOperation({ operationId: 'listVersions', summary: 'Published versions, newest first' })
  @ApiOkResponse({ type: [VersionSummaryDto] })
  @ApiResponse({ status: 404, type: ErrorDto })
  versions(@Param('id') id: string): Promise<VersionSummaryDto[]> {
    return this.views.versions(id);
  }

  @Get('products/:id/versions/:version')
  @ApiOperation({
    operationId: 'getVersion',
    summary: 'One version: descriptor, ports with contracts, inputs and reports',
  })
  @ApiOkResponse({ type: VersionDetailDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  version(@Param('id') id: string, @Param('version') version: string): Promise<VersionDetailDto> {
    return this.views.version(id, version);
  }

  @Get('domains')
  @ApiOperation({ operationId: 'listDomains', summary: 'Every domain' })
  @ApiOkResponse({ type: [DomainDto] })
  async domains(): Promise<DomainDto[]> {
    return (await this.searches.domains()).map(toDomain);
  }
}
