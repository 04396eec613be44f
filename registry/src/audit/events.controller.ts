import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../common/access.js';
import { ErrorDto } from '../common/error.dto.js';
import { AuditService } from './audit.service.js';
import { AuditEventPageDto } from './dto/events.dto.js';
import { queryEvents } from './events.query.js';

@ApiTags('audit')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequiresRole('admin')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'The audit: every write and every refused attempt, newest first (admin)',
  })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'action', required: false, example: 'publish' })
  @ApiQuery({ name: 'subject', required: false, description: 'Exact target, or a prefix ending in * (sales.*).' })
  @ApiQuery({ name: 'outcome', required: false, enum: ['accepted', 'rejected', 'info'] })
  @ApiQuery({ name: 'requestId', required: false })
  @ApiQuery({ name: 'since', required: false, description: 'ISO-8601, inclusive' })
  @ApiQuery({ name: 'until', required: false, description: 'ISO-8601, exclusive' })
  @ApiQuery({ name: 'first', required: false, type: Number, description: '1–100 (default 50)' })
  @ApiQuery({ name: 'after', required: false, description: 'endCursor of the previous page' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiResponse({ status: 401, type: ErrorDto })
  @ApiResponse({ status: 403, type: ErrorDto })
  list(
    @Query('actor') actor?: string,
    @Query('action') action?: string,
    @Query('subject') subject?: string,
    @Query('outcome') outcome?: string,
    @Query('requestId') requestId?: string,
    @Query('since') since?: string,
    @Query('until') until?: string,
    @Query('first') first?: string,
    @Query('after') after?: string,
  ): Promise<AuditEventPageDto> {
    return queryEvents(this.audit, { actor, action, subject, outcome, requestId, since, until }, first, after);
  }
}
