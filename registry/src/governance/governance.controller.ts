import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresToken, type AuthedRequest } from '../auth/auth.guard.js';
import { ErrorDto } from '../common/error.dto.js';
import { ApiIds, idPipe, idSchema, MAJOR_PIPE } from '../common/http/id-params.js';
import { TextParam } from '../common/http/query-pipes.js';
import {
  DeprecateInputDto,
  MajorLineChangeDto,
  PolicyDto,
  PolicyInputDto,
  PolicyWriteResultDto,
  WaiverDto,
  WaiverInputDto,
} from './dto/governance.dto.js';
import { LifecycleService } from './lifecycle.service.js';
import { PolicyService } from './policy.service.js';
import { WaiverService } from './waiver.service.js';

/** `global` or `domain:<name>`, as policy.schema.json's scope. */
const SCOPE = new TextParam(70, {
  regex: /^(global|domain:[a-z][a-z0-9]*(-[a-z0-9]+)*)$/,
  form: 'global or domain:<name>',
});

/** Why a built-in error policy is loosened or deleted: kept in the audit event. */
const REASON = new TextParam(500);

@ApiTags('governance')
@Controller('v1')
export class GovernanceController {
  constructor(
    private readonly policies: PolicyService,
    private readonly waivers: WaiverService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Get('policies')
  @ApiOperation({ operationId: 'listPolicies', summary: 'Policies, all or one scope' })
  @ApiQuery({
    name: 'scope',
    required: false,
    description: 'global or domain:<name>',
    schema: { type: 'string', pattern: '^(global|domain:[a-z][a-z0-9]*(-[a-z0-9]+)*)$', maxLength: 70 },
  })
  @ApiOkResponse({ type: [PolicyDto] })
  @ApiResponse({ status: 400, type: ErrorDto })
  list(@Query('scope', SCOPE) scope?: string) {
    return this.policies.list(scope);
  }

  @Get('policies/:id')
  @ApiOperation({ operationId: 'getPolicy', summary: 'One policy' })
  @ApiIds({ id: 'policy' })
  @ApiOkResponse({ type: PolicyDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  get(@Param('id', idPipe('policy')) id: string) {
    return this.policies.get(id);
  }

  @Put('policies/:id')
  @RequiresToken()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'putPolicy', summary: 'Create or replace a policy (governance or admin token)' })
  @ApiIds({ id: 'policy' })
  @ApiOkResponse({ type: PolicyWriteResultDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'Not a valid policy.' })
  @ApiResponse({ status: 403, type: ErrorDto })
  @ApiResponse({
    status: 422,
    type: ErrorDto,
    description: 'A domain policy that loosens a global error policy (named in the message).',
  })
  @ApiQuery({ name: 'reason', required: false, description: 'Why a built-in error policy is loosened (admin only).' })
  put(
    @Param('id', idPipe('policy')) id: string,
    @Body() body: PolicyInputDto,
    @Req() req: AuthedRequest,
    @Query('reason', REASON) reason?: string,
  ) {
    return this.policies.put(id, body, req.principal!, reason);
  }

  @Delete('policies/:id')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deletePolicy',
    summary: 'Soft-delete a policy (governance or admin; a built-in error policy: admin with a reason)',
  })
  @ApiIds({ id: 'policy' })
  @ApiQuery({ name: 'reason', required: false, description: 'Why (required to delete a built-in error policy).' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 403, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'A built-in error policy, and no reason.' })
  async remove(
    @Param('id', idPipe('policy')) id: string,
    @Req() req: AuthedRequest,
    @Query('reason', REASON) reason?: string,
  ): Promise<void> {
    await this.policies.delete(id, req.principal!, reason);
  }

  @Post('policies/:id/restore')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ operationId: 'restorePolicy', summary: 'Restore a deleted policy (governance or admin token)' })
  @ApiIds({ id: 'policy' })
  @ApiOkResponse({ type: PolicyDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'No deleted policy with this id.' })
  restore(@Param('id', idPipe('policy')) id: string, @Req() req: AuthedRequest) {
    return this.policies.restore(id, req.principal!);
  }

  @Get('waivers')
  @ApiOperation({ operationId: 'listWaivers', summary: 'Waivers not revoked (active or expired)' })
  @ApiQuery({ name: 'product', required: false, schema: idSchema('product') })
  @ApiOkResponse({ type: [WaiverDto] })
  @ApiResponse({ status: 400, type: ErrorDto })
  listWaivers(@Query('product', idPipe('product')) product?: string) {
    return this.waivers.list(product);
  }

  @Post('waivers')
  @RequiresToken()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'createWaiver',
    summary: 'Waive one policy for one product until a date (governance or admin token)',
  })
  @ApiResponse({ status: 201, type: WaiverDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'No such policy.' })
  createWaiver(@Body() body: WaiverInputDto, @Req() req: AuthedRequest) {
    return this.waivers.create(body, req.principal!);
  }

  @Delete('waivers/:id')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeWaiver', summary: 'Revoke a waiver' })
  @ApiIds({ id: 'waiver' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'No such waiver, or revoked already.' })
  async revokeWaiver(@Param('id', idPipe('waiver')) id: string, @Req() req: AuthedRequest): Promise<void> {
    await this.waivers.revoke(id, req.principal!);
  }

  @Post('products/:id/majors/:major/deprecate')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'deprecateMajor',
    summary: 'Deprecate a major line; lists and notifies the consumers still on it',
  })
  @ApiIds({ id: 'product', major: 'major' })
  @ApiOkResponse({ type: MajorLineChangeDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'The major line is retired already.' })
  deprecate(
    @Param('id', idPipe('product')) id: string,
    @Param('major', MAJOR_PIPE) major: number,
    @Body() body: DeprecateInputDto,
    @Req() req: AuthedRequest,
  ) {
    return this.lifecycle.deprecate(id, major, body, req.principal!);
  }

  @Post('products/:id/majors/:major/retire')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'retireMajor',
    summary: 'Retire a deprecated major line after its sunset, if the deprecation window allows',
  })
  @ApiIds({ id: 'product', major: 'major' })
  @ApiOkResponse({ type: MajorLineChangeDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'The major line is retired already.' })
  @ApiResponse({
    status: 422,
    type: ErrorDto,
    description: 'Too early: the message names the consumers still on the line.',
  })
  retire(
    @Param('id', idPipe('product')) id: string,
    @Param('major', MAJOR_PIPE) major: number,
    @Req() req: AuthedRequest,
  ) {
    return this.lifecycle.retire(id, major, req.principal!);
  }
}
