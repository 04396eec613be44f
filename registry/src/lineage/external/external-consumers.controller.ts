import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresToken, type AuthedRequest } from '../../auth/auth.guard.js';
import { ErrorDto } from '../../common/error.dto.js';
import { ApiIds, idPipe, idSchema } from '../../common/http/id-params.js';
import { ExternalConsumerDto, ExternalReadInputDto } from '../dto/external-consumers.dto.js';
import { ExternalConsumersService } from './external-consumers.service.js';

/** Consumers outside the mesh: one line each to the service, which authorises and audits. */
@ApiTags('lineage')
@Controller('v1/lineage/consumers')
export class ExternalConsumersController {
  constructor(private readonly consumers: ExternalConsumersService) {}

  @Get()
  @ApiOperation({
    operationId: 'listExternalConsumers',
    summary: 'Consumers outside the mesh (dashboards, ML jobs, notebooks, services), all or of one domain',
  })
  @ApiQuery({ name: 'domain', required: false, schema: idSchema('domain'), example: 'finance' })
  @ApiOkResponse({ type: [ExternalConsumerDto] })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'domain is empty, repeated or not kebab-case.' })
  list(@Query('domain', idPipe('domain')) domain?: string): Promise<ExternalConsumerDto[]> {
    return this.consumers.list(domain ? { domain } : {});
  }

  @Get(':domain/:name')
  @ApiOperation({ operationId: 'getExternalConsumer', summary: 'One consumer outside the mesh with what it reads' })
  @ApiIds({ domain: 'domain', name: 'consumer' })
  @ApiOkResponse({ type: ExternalConsumerDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  get(
    @Param('domain', idPipe('domain')) domain: string,
    @Param('name', idPipe('consumer')) name: string,
  ): Promise<ExternalConsumerDto> {
    return this.consumers.get(domain, name);
  }

  @Put(':domain/:name/reads/:product/:port')
  @RequiresToken()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'putExternalRead',
    summary:
      'Register (or update) a consumer outside the mesh and the fields it reads of one port (publisher of its domain, or admin)',
  })
  @ApiIds({ domain: 'domain', name: 'consumer', product: 'product', port: 'port' })
  @ApiOkResponse({ type: ExternalConsumerDto })
  @ApiResponse({
    status: 400,
    type: ErrorDto,
    description: 'Bad name, kind, range or expiry; a field the contract lacks.',
  })
  @ApiResponse({ status: 401, type: ErrorDto })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'Not a publisher of the consumer domain.' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'No such published port.' })
  put(
    @Param('domain', idPipe('domain')) domain: string,
    @Param('name', idPipe('consumer')) name: string,
    @Param('product', idPipe('product')) product: string,
    @Param('port', idPipe('port')) port: string,
    @Body() body: ExternalReadInputDto,
    @Req() req: AuthedRequest,
  ): Promise<ExternalConsumerDto> {
    return this.consumers.register({ domain, name }, `${product}/${port}`, body ?? {}, req.principal!);
  }

  @Delete(':domain/:name/reads/:product/:port')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteExternalRead',
    summary: 'Stop registering the read of one port (the consumer goes with its last read)',
  })
  @ApiIds({ domain: 'domain', name: 'consumer', product: 'product', port: 'port' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 401, type: ErrorDto })
  @ApiResponse({ status: 403, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  async removeRead(
    @Param('domain', idPipe('domain')) domain: string,
    @Param('name', idPipe('consumer')) name: string,
    @Param('product', idPipe('product')) product: string,
    @Param('port', idPipe('port')) port: string,
    @Req() req: AuthedRequest,
  ): Promise<void> {
    await this.consumers.remove({ domain, name }, `${product}/${port}`, req.principal!);
  }

  @Delete(':domain/:name')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteExternalConsumer',
    summary: 'Remove a consumer outside the mesh and all its reads',
  })
  @ApiIds({ domain: 'domain', name: 'consumer' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 401, type: ErrorDto })
  @ApiResponse({ status: 403, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  async remove(
    @Param('domain', idPipe('domain')) domain: string,
    @Param('name', idPipe('consumer')) name: string,
    @Req() req: AuthedRequest,
  ): Promise<void> {
    await this.consumers.remove({ domain, name }, undefined, req.principal!);
  }
}
