import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorDto } from '../common/error.dto.js';
import { RequestError } from '../common/registry-error.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { ProductsService } from '../products/products.service.js';

/**
 * The published contract of one port of one version, as stored, for tools that
 * fetch schemas by URL (code generators, validators, `dmesh pull`). A
 * published version never changes, so its content hash is a strong ETag and
 * `If-None-Match` answers 304 without a body.
 */
@ApiTags('products')
@Controller('v1')
export class ContractController {
  constructor(
    private readonly products: ProductsService,
    private readonly contracts: ContractsService,
  ) {}

  @Get('products/:id/versions/:version/ports/:port/contract')
  @ApiOperation({
    operationId: 'getPortContract',
    summary: 'The JSON Schema contract of one output port of one version, with its content hash as ETag',
  })
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
    @Param('id') id: string,
    @Param('version') version: string,
    @Param('port') port: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    const v = await this.products.getVersion(id, version);
    const found = (await this.products.portsByVersions([v.id])).find((p) => p.name === port);
    if (!found)
      throw new RequestError('NOT_FOUND', `${id}@${version} has no output port ${port}`, [
        { code: 'PORT_NOT_FOUND', message: `no port ${port}`, fix: `see the ports with: dmesh show ${id}@${version}` },
      ]);
    const etag = `"${found.contractHash}"`;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      reply.status(304);
      return undefined;
    }
    const schema = (await this.contracts.schemasByHashes([found.contractHash])).get(found.contractHash);
    reply.type('application/schema+json; charset=utf-8');
    return JSON.stringify(schema, null, 2);
  }
}
