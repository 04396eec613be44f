import { Body, Controller, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresToken, type AuthedRequest } from '../auth/auth.guard.js';
import { ErrorDto } from '../common/error.dto.js';
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
    return result as PublishResultDto;
  }
}
