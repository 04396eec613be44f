import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresToken, type AuthedRequest } from '../auth/auth.guard.js';
import { ErrorDto } from '../common/error.dto.js';
import { ApiIds, idPipe, idSchema } from '../common/http/id-params.js';
import { BoolParam, EnumParam, IntParam } from '../common/http/query-pipes.js';
import {
  ImpactReportDto,
  ImpactRequestDto,
  LineageGraphDto,
  LineagePathsDto,
  OpenLineageIngestDto,
  PortConsumerDto,
  ProductDriftDto,
} from './dto/lineage.dto.js';
import { LineageService } from './lineage.service.js';
import { MAX_DEPTH, MAX_NODE_BUDGET } from './lineage.types.js';
import { OpenLineageService } from './openlineage/openlineage.service.js';

const DIRECTIONS = ['UPSTREAM', 'DOWNSTREAM', 'BOTH'] as const;

@ApiTags('lineage')
@Controller('v1/lineage')
export class LineageController {
  constructor(
    private readonly lineage: LineageService,
    private readonly openLineage: OpenLineageService,
  ) {}

  @Get('products/:id')
  @ApiOperation({
    operationId: 'getLineage',
    summary: 'Upstream and/or downstream lineage of a product, breadth-first to a depth, within a node budget',
  })
  @ApiIds({ id: 'product' })
  @ApiQuery({ name: 'direction', required: false, enum: DIRECTIONS, description: 'Default BOTH.' })
  @ApiQuery({
    name: 'depth',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_DEPTH },
    description: 'Hops (default 5).',
  })
  @ApiQuery({
    name: 'fieldLevel',
    required: false,
    schema: { type: 'boolean' },
    description: 'Add field nodes and field-to-field edges.',
  })
  @ApiQuery({
    name: 'budget',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_NODE_BUDGET },
    description: 'Node budget (default 5000); truncated=true when spent.',
  })
  @ApiOkResponse({ type: LineageGraphDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  graph(
    @Param('id', idPipe('product')) id: string,
    @Query('direction', new EnumParam(DIRECTIONS)) direction?: string,
    @Query('depth', new IntParam(1, MAX_DEPTH)) depth?: number,
    @Query('fieldLevel', new BoolParam()) fieldLevel?: boolean,
    @Query('budget', new IntParam(1, MAX_NODE_BUDGET)) budget?: number,
  ): Promise<LineageGraphDto> {
    return this.lineage.lineage({ id, direction, depth, budget, fieldLevel: fieldLevel ?? false });
  }

  @Get('paths')
  @ApiOperation({ operationId: 'getLineagePaths', summary: 'Downstream paths from one product to another' })
  @ApiQuery({ name: 'from', required: true, example: 'customers.profiles', schema: idSchema('product') })
  @ApiQuery({ name: 'to', required: true, example: 'marketing.campaign-performance', schema: idSchema('product') })
  @ApiOkResponse({ type: LineagePathsDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'from or to is missing or not a product id.' })
  @ApiResponse({ status: 404, type: ErrorDto })
  paths(
    @Query('from', idPipe('product')) from: string,
    @Query('to', idPipe('product')) to: string,
  ): Promise<LineagePathsDto> {
    return this.lineage.paths(from ?? '', to ?? '');
  }

  @Get('products/:id/ports/:port/consumers')
  @ApiOperation({
    operationId: 'listPortConsumers',
    summary: 'Products whose current versions read a port, with the range each pins, its owner and the fields it reads',
  })
  @ApiIds({ id: 'product', port: 'port' })
  @ApiOkResponse({ type: [PortConsumerDto] })
  @ApiResponse({ status: 404, type: ErrorDto })
  consumers(
    @Param('id', idPipe('product')) id: string,
    @Param('port', idPipe('port')) port: string,
  ): Promise<PortConsumerDto[]> {
    return this.lineage.consumers(`${id}/${port}`);
  }

  @Post('products/:id/ports/:port/impact')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'analyseImpact',
    summary: 'Which consumers a proposed contract for the port would break, directly and through field lineage',
  })
  @ApiIds({ id: 'product', port: 'port' })
  @ApiOkResponse({ type: ImpactReportDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  @ApiResponse({ status: 413, type: ErrorDto, description: 'The body is over 1 MB (no larger schema compiles).' })
  impact(
    @Param('id', idPipe('product')) id: string,
    @Param('port', idPipe('port')) port: string,
    @Body() body: ImpactRequestDto,
  ): Promise<ImpactReportDto> {
    return this.lineage.impact(`${id}/${port}`, { schema: body?.schema, version: body?.version, mode: body?.mode });
  }

  @Get('products/:id/drift')
  @ApiOperation({ operationId: 'getLineageDrift', summary: 'Declared vs observed (OpenLineage) inputs of one product' })
  @ApiIds({ id: 'product' })
  @ApiOkResponse({ type: ProductDriftDto })
  async drift(@Param('id', idPipe('product')) id: string): Promise<ProductDriftDto> {
    return (await this.lineage.drift(id))[0];
  }

  @Get('drift')
  @ApiOperation({
    operationId: 'listLineageDrift',
    summary: 'Declared vs observed inputs of every product an OpenLineage event wrote to',
  })
  @ApiOkResponse({ type: [ProductDriftDto] })
  driftAll(): Promise<ProductDriftDto[]> {
    return this.lineage.drift();
  }

  @Post('openlineage')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'ingestOpenLineage',
    summary: 'Ingest an OpenLineage 2.x run event (Spark, Airflow, dbt, … integrations)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: true,
      description: 'An OpenLineage RunEvent; see contracts/schemas/openlineage-run-event.schema.json.',
    },
  })
  @ApiResponse({ status: 201, type: OpenLineageIngestDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'The event is malformed; details name each path.' })
  @ApiResponse({ status: 401, type: ErrorDto })
  @ApiResponse({
    status: 403,
    type: ErrorDto,
    description: 'Not a publisher of the domain of a product whose port the event writes to (nor lineage-writer).',
  })
  ingest(@Body() body: unknown, @Req() req: AuthedRequest): Promise<OpenLineageIngestDto> {
    return this.openLineage.ingest(body, req.principal!);
  }
}
