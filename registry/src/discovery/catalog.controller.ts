import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto.js';
import { parsePageSize } from '../common/pagination.js';
import { DomainDto, ProductDetailDto, ProductPageDto, VersionDetailDto, VersionSummaryDto } from './dto/catalog.dto.js';
import { ProductViewService, toDomain, toSummary } from './product-view.service.js';
import { SearchService } from './search.service.js';

/** REST reads of the catalog: one line each, to the view and search services. */
@ApiTags('products')
@Controller('v1')
export class CatalogController {
  constructor(
    private readonly views: ProductViewService,
    private readonly searches: SearchService,
  ) {}

  @Get('products')
  @ApiOperation({ operationId: 'listProducts', summary: 'List or search products' })
  @ApiQuery({
    name: 'q',
    required: false,
    description: 'Words to match in names, titles, descriptions, tags and fields.',
  })
  @ApiQuery({ name: 'domain', required: false })
  @ApiQuery({ name: 'tag', required: false })
  @ApiQuery({ name: 'field', required: false, description: 'A field name in a contract, e.g. customer_id.' })
  @ApiQuery({ name: 'first', required: false, type: Number })
  @ApiQuery({ name: 'after', required: false })
  @ApiOkResponse({ type: ProductPageDto })
  async list(
    @Query('q') q?: string,
    @Query('domain') domain?: string,
    @Query('tag') tag?: string,
    @Query('field') field?: string,
    @Query('first') first?: string,
    @Query('after') after?: string,
  ): Promise<ProductPageDto> {
    const page = await this.searches.search({ query: q, domain, tag, field }, parsePageSize(first), after);
    return {
      items: page.nodes.map(toSummary),
      totalCount: page.totalCount,
      ...(page.hasNextPage && page.endCursor && { nextCursor: page.endCursor }),
    };
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
