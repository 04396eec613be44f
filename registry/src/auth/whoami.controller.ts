import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresToken, type AuthedRequest } from './auth.guard.js';

export class PrincipalDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['admin', 'governance', 'publisher', 'reader'] }) role!: string;
  @ApiProperty({ type: [String], description: 'Domains a publisher may write to; empty means all.' })
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
