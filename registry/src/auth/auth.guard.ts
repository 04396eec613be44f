import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RequestError } from '../common/registry-error.js';
import { AuthService, type Principal } from './auth.service.js';

export const REQUIRES_TOKEN = 'dmesh:requiresToken';
/** Marks a REST write: it needs `Authorization: Bearer <token>`. Reads are open. */
export const RequiresToken = () => SetMetadata(REQUIRES_TOKEN, true);

export type AuthedRequest = FastifyRequest & { principal?: Principal };

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'http') return true;
    const needed = this.reflector.getAllAndOverride<boolean>(REQUIRES_TOKEN, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!needed) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      throw new RequestError(
        'UNAUTHENTICATED',
        'this request needs a token: send "Authorization: Bearer <token>" (dmesh login --token <token>, or DMESH_TOKEN)',
      );
    }
    const principal = await this.auth.authenticate(token);
    if (!principal)
      throw new RequestError('UNAUTHENTICATED', 'the token is unknown or revoked; ask a registry admin for a new one');
    request.principal = principal;
    return true;
  }
}
