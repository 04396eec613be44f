import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresToken, type AuthedRequest } from '../auth/auth.guard.js';
import { ErrorDto } from '../common/error.dto.js';
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
  @ApiQuery({ name: 'scope', required: false, description: 'global or domain:<name>' })
  @ApiOkResponse({ type: [PolicyDto] })
  list(@Query('scope') scope?: string) {
    return this.policies.list(scope);
  }

  @Get('policies/:id')
  @ApiOperation({ operationId: 'getPolicy', summary: 'One policy' })
  @ApiOkResponse({ type: PolicyDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  get(@Param('id') id: string) {
    return this.policies.get(id);
  }

  @Put('policies/:id')
  @RequiresToken()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'putPolicy', summary: 'Create or replace a policy (governance or admin token)' })
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
    @Param('id') id: string,
    @Body() body: PolicyInputDto,
    @Req() req: AuthedRequest,
    @Query('reason') reason?: string,
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
  @ApiQuery({ name: 'reason', required: false, description: 'Why (required to delete a built-in error policy).' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 403, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'A built-in error policy, and no reason.' })
  async remove(@Param('id') id: string, @Req() req: AuthedRequest, @Query('reason') reason?: string): Promise<void> {
    await this.policies.delete(id, req.principal!, reason);
  }

  @Post('policies/:id/restore')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ operationId: 'restorePolicy', summary: 'Restore a deleted policy (governance or admin token)' })
  @ApiOkResponse({ type: PolicyDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'No deleted policy with this id.' })
  restore(@Param('id') id: string, @Req() req: AuthedRequest) {
    return this.policies.restore(id, req.principal!);
  }

  @Get('waivers')
  @ApiOperation({ operationId: 'listWaivers', summary: 'Waivers not revoked (active or expired)' })
  @ApiQuery({ name: 'product', required: false })
  @ApiOkResponse({ type: [WaiverDto] })
  listWaivers(@Query('product') product?: string) {
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
  createWaiver(@Body() body: WaiverInputDto, @Req() req: AuthedRequest) {
    return this.waivers.create(body, req.principal!);
  }

  @Delete('waivers/:id')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeWaiver', summary: 'Revoke a waiver' })
  @ApiResponse({ status: 204 })
  async revokeWaiver(@Param('id') id: string, @Req() req: AuthedRequest): Promise<void> {
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
  @ApiOkResponse({ type: MajorLineChangeDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  @ApiResponse({ status: 404, type: ErrorDto })
  deprecate(
    @Param('id') id: string,
    @Param('major', ParseIntPipe) major: number,
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
  @ApiOkResponse({ type: MajorLineChangeDto })
  @ApiResponse({
    status: 422,
    type: ErrorDto,
    description: 'Too early: the message names the consumers still on the line.',
  })
  retire(@Param('id') id: string, @Param('major', ParseIntPipe) major: number, @Req() req: AuthedRequest) {
    return this.lifecycle.retire(id, major, req.principal!);
  }
}
