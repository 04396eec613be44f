import { Body, Controller, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresToken, type AuthedRequest } from '../auth/auth.guard.js';
import { ErrorDto } from '../common/error.dto.js';
import { ApiIds, idPipe } from '../common/http/id-params.js';
import { BoolParam } from '../common/http/query-pipes.js';
import { PublishRequestDto, PublishResultDto } from './dto/publish.dto.js';
import { PublishPipeline } from './publish.pipeline.js';

@ApiTags('products')
@Controller('v1')
export class PublishController {
  constructor(private readonly pipeline: PublishPipeline) {}

  @Post('products/:id/versions')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ operationId: 'publishVersion', summary: 'Publish a product version (or check it with ?dryRun=true)' })
  @ApiIds({ id: 'product' })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    schema: { type: 'boolean' },
    description: 'Run every check, store nothing.',
  })
  @ApiResponse({ status: 201, type: PublishResultDto, description: 'Published: the version is stored.' })
  @ApiResponse({
    status: 200,
    type: PublishResultDto,
    description: 'Unchanged (identical content is stored already) or a dry-run verdict.',
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'Malformed body or invalid descriptor/contract.' })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'The token may not publish to this domain.' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'The version exists with different content.' })
  @ApiResponse({
    status: 422,
    type: ErrorDto,
    description: 'Rejected by a check; details name each problem and its fix.',
  })
  async publish(
    @Param('id', idPipe('product')) id: string,
    @Body() body: PublishRequestDto,
    @Query('dryRun', new BoolParam()) dryRun: boolean | undefined,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublishResultDto> {
    const result = await this.pipeline.publish(id, body, req.principal!, dryRun ?? false);
    if (result.outcome === 'published') reply.status(201);
    return result as PublishResultDto;
  }
}
