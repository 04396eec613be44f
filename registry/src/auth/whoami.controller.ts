import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresToken } from '../common/access.js';
import type { AuthedRequest } from './auth.guard.js';
import { ROLES } from './roles.js';

export class PrincipalDto {
  @ApiProperty({ required: false, description: 'The token id (dmesh token revoke <id>).' }) id?: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: [String], description: "Domains a publisher may write to; '*' means every domain." })
  domains!: string[];
}

@ApiTags('auth')
@Controller('v1')
export class WhoamiController {
  @Get('whoami')
  @RequiresToken()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'whoami', summary: 'The principal behind the bearer token (dmesh login checks it)' })
  @ApiOkResponse({ type: PrincipalDto })
  @ApiResponse({ status: 401, description: 'No token, or an unknown one.' })
  whoami(@Req() req: AuthedRequest): PrincipalDto {
    return req.principal!;
  }
}
