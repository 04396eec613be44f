import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresToken, type AuthedRequest } from '../auth/auth.guard.js';
import { ErrorDto } from '../common/error.dto.js';
import { ApiIds, idPipe } from '../common/http/id-params.js';
import { ObservationRequestDto, ObservationResultDto, PortSlaDto } from './dto/sla.dto.js';
import { toObservation, toSlaStatus } from './sla.mapping.js';
import { SlaService } from './sla.service.js';

@ApiTags('sla')
@Controller('v1/products/:id/ports/:port')
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  @Post('observations')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'reportObservation',
    summary: 'Record an SLA observation of an output port (dmesh test --report sends one)',
  })
  @ApiIds({ id: 'product', port: 'port' })
  @ApiBody({ type: ObservationRequestDto })
  @ApiResponse({ status: 201, type: ObservationResultDto, description: 'Stored; the port status right after it.' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'The body is not an observation; details name each path.' })
  @ApiResponse({ status: 401, type: ErrorDto })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'The token may not publish for this domain.' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'Unknown product or port.' })
  async report(
    @Param('id', idPipe('product')) id: string,
    @Param('port', idPipe('port')) port: string,
    @Body() body: ObservationRequestDto,
    @Req() req: AuthedRequest,
  ): Promise<ObservationResultDto> {
    const { id: observationId, sla } = await this.sla.report({ productId: id, port }, body, req.principal!);
    return { id: observationId, port: `${id}/${port}`, sla: toSlaStatus(sla.evaluation) };
  }

  @Get('sla')
  @ApiOperation({
    operationId: 'getPortSla',
    summary: 'SLA status of an output port, computed now, with the observations of its window',
  })
  @ApiIds({ id: 'product', port: 'port' })
  @ApiOkResponse({ type: PortSlaDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'Unknown product or port.' })
  async status(
    @Param('id', idPipe('product')) id: string,
    @Param('port', idPipe('port')) port: string,
  ): Promise<PortSlaDto> {
    const { sla, history } = await this.sla.statusWithHistory({ productId: id, port });
    return {
      product: id,
      port,
      ...(sla.promise && { promise: sla.promise as Record<string, unknown> }),
      sla: toSlaStatus(sla.evaluation),
      history: history.map(toObservation),
    };
  }
}
