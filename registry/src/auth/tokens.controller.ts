import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequiresToken } from '../common/access.js';
import { ErrorDto } from '../common/error.dto.js';
import type { AuthedRequest } from './auth.guard.js';
import { ROLES } from './roles.js';
import { TokenService } from './token.service.js';

export class TokenInputDto {
  @ApiProperty({ example: 'sales-ci', description: 'Names the actor in the audit; unique among active tokens.' })
  name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['sales'],
    description: "A publisher's domains (required for publishers); '*' is every domain, granted only by an admin.",
  })
  domains?: string[];
  @ApiPropertyOptional({ example: '90d', description: 'Lifetime: <n>h, <n>d or <n>w, at most 365d (default 90d).' })
  expires?: string;
}

export class TokenDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: [String] }) domains!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The id of the token that created it.' })
  createdBy!: string | null;
  @ApiProperty({ description: 'Neither revoked nor expired.' }) active!: boolean;
}

export class CreatedTokenDto extends TokenDto {
  @ApiProperty({ description: 'The token itself: shown this once, stored only as a hash.' }) token!: string;
}

@ApiTags('auth')
@Controller('v1/tokens')
export class TokensController {
  constructor(private readonly tokens: TokenService) {}

  @Post()
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'createToken',
    summary: 'Create a token (admins: any; publishers: publisher tokens for their own domains)',
  })
  @ApiResponse({ status: 201, type: CreatedTokenDto })
  @ApiResponse({ status: 400, type: ErrorDto })
  @ApiResponse({ status: 403, type: ErrorDto })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'An active token has this name.' })
  create(@Body() body: TokenInputDto, @Req() req: AuthedRequest): Promise<CreatedTokenDto> {
    return this.tokens.create(body, req.principal!);
  }

  @Get()
  @RequiresToken()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'listTokens', summary: 'Your token and the tokens it created (admins: every token)' })
  @ApiOkResponse({ type: [TokenDto] })
  list(@Req() req: AuthedRequest): Promise<TokenDto[]> {
    return this.tokens.list(req.principal!);
  }

  @Delete(':id')
  @RequiresToken()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeToken', summary: 'Revoke a token: yours, one it created, or any (admins)' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 404, type: ErrorDto })
  async revoke(@Param('id') id: string, @Req() req: AuthedRequest): Promise<void> {
    await this.tokens.revoke(id, req.principal!);
  }
}
