import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto.js';
import { ApiIds, idPipe } from '../common/http/id-params.js';
import { IntParam, TextParam } from '../common/http/query-pipes.js';
import { MAX_PAGE_SIZE, parsePageSize } from '../common/pagination.js';
import { DomainDto, ProductDetailDto, ProductPageDto, VersionDetailDto, VersionSummaryDto } from './dto/catalog.dto.js';
import { ProductViewService, toDomain, toSummary } from './product-view.service.js';
import { SearchService } from './search.service.js';

/** REST search text: at most this many characters and words (each word is one LIKE over every product). */
const SEARCH_TEXT = { maxLength: 200, maxWords: 16 };

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
    description: `Words to match in names, titles, descriptions, tags and fields (at most ${SEARCH_TEXT.maxWords} words).`,
    schema: { type: 'string', minLength: 1, maxLength: SEARCH_TEXT.maxLength },
  })
  @ApiQuery({ name: 'domain', required: false, schema: { type: 'string', minLength: 1, maxLength: 63 } })
  @ApiQuery({ name: 'tag', required: false, schema: { type: 'string', minLength: 1, maxLength: 100 } })
  @ApiQuery({
    name: 'field',
    required: false,
    description: 'A field name in a contract, e.g. customer_id.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  })
  @ApiQuery({ name: 'first', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE } })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'nextCursor of the previous page.',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'A parameter is empty, repeated, too long or malformed.' })
  async list(
    @Query('q', new TextParam(SEARCH_TEXT.maxLength, undefined, SEARCH_TEXT.maxWords)) q?: string,
    @Query('domain', new TextParam(63)) domain?: string,
    @Query('tag', new TextParam(100)) tag?: string,
    @Query('field', new TextParam(200)) field?: string,
    @Query('first', new IntParam(1, MAX_PAGE_SIZE)) first?: number,
    @Query('after', new TextParam(200)) after?: string,
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
