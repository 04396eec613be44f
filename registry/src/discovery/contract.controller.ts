import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorDto } from '../common/error.dto.js';
import { ApiIds, idPipe } from '../common/http/id-params.js';
import { matchesEtag, PortContractService } from './port-contract.service.js';

/** The raw contract of a published port; `If-None-Match` answers 304 without a body. */
@ApiTags('products')
@Controller('v1')
export class ContractController {
  constructor(private readonly contracts: PortContractService) {}

  @Get('products/:id/versions/:version/ports/:port/contract')
  @ApiOperation({
    operationId: 'getPortContract',
    summary: 'The JSON Schema contract of one output port of one version, with its content hash as ETag',
  })
  @ApiIds({ id: 'product', version: 'version', port: 'port' })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'An ETag from an earlier answer: 304 if it still matches.',
  })
  @ApiResponse({
    status: 200,
    description: 'The contract (application/schema+json); ETag is its content hash.',
    headers: { ETag: { description: 'The content hash of the contract, quoted.', schema: { type: 'string' } } },
    content: { 'application/schema+json': { schema: { type: 'object', additionalProperties: true } } },
  })
  @ApiResponse({ status: 304, description: 'The contract matches If-None-Match.' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'No such product, version or port.' })
  async contract(
    @Param('id', idPipe('product')) id: string,
    @Param('version', idPipe('version')) version: string,
    @Param('port', idPipe('port')) port: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    const found = await this.contracts.contract(id, version, port);
    reply.header('ETag', found.etag).header('Cache-Control', 'no-cache');
    if (matchesEtag(ifNoneMatch, found.etag)) {
      reply.status(304);
      return undefined;
    }
    reply.type('application/schema+json; charset=utf-8');
    return JSON.stringify(await found.schema(), null, 2);
  }
}
