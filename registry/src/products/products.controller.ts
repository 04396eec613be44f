import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresToken, type AuthedRequest } from '../auth/auth.guard.js';
import { CatalogService } from './catalog.service.js';
import {
  DomainDto,
  ErrorDto,
  ProductDetailDto,
  ProductPageDto,
  PublishRequestDto,
  PublishResultDto,
  VersionDetailDto,
  VersionSummaryDto,
} from './dto/product.dto.js';
import { ProductViewService, toDomain, toSummary } from './product-view.service.js';
import { PublishPipeline } from './publish/publish.pipeline.js';
import { parsePageSize } from './page-size.js';

@ApiTags('products')
@Controller('v1')
export class ProductsController {
  constructor(
    private readonly pipeline: PublishPipeline,
    private readonly views: ProductViewService,
    private readonly catalog: CatalogService,
  ) {}

  @Post('products/:id/versions')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ operationId: 'publishVersion', summary: 'Publish a product version (or check it with ?dryRun=true)' })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Run every check, store nothing.' })
  @ApiResponse({
    status: 200,
    type: PublishResultDto,
    description: 'Published, unchanged (identical content) or dry-run verdict.',
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'Malformed body or invalid descriptor/contract.' })
  @ApiResponse({ status: 401, type: ErrorDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'The version exists with different content.' })
  @ApiResponse({
    status: 422,
    type: ErrorDto,
    description: 'Rejected by a check; details name each problem and its fix.',
  })
  async publish(
    @Param('id') id: string,
    @Body() body: PublishRequestDto,
    @Query('dryRun') dryRun: string | undefined,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublishResultDto> {
    const result = await this.pipeline.publish(id, body, req.principal!, dryRun === 'true' || dryRun === '1');
    if (result.outcome === 'published') reply.status(201);
    return result;
  }

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
    const page = await this.catalog.search({ query: q, domain, tag, field }, parsePageSize(first), after);
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
    return (await this.catalog.domains()).map(toDomain);
  }
}
