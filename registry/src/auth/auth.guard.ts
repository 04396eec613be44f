import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { ACCESS, type Access } from '../common/access.js';
import { RequestError } from '../common/registry-error.js';
import type { AccessConfig } from './access-config.js';
import { AuthService, type AuthFailure } from './auth.service.js';
import type { Principal } from './roles.js';

export { RequiresToken } from '../common/access.js';

export const ACCESS_CONFIG = 'dmesh:accessConfig';

export type AuthedRequest = FastifyRequest & {
  principal?: Principal;
  authFailure?: AuthFailure;
  authChecked?: boolean;
  /** Set when the guard refuses a request, so the refusal audit records it even where GraphQL answers 200. */
  refusal?: { status: number; code: string; message: string };
};

const FAILURES: Record<AuthFailure, string> = {
  unknown: 'the token is unknown; check DMESH_TOKEN, or ask a registry admin for one',
  revoked: 'the token was revoked; create a new one (dmesh token create) or ask a registry admin',
  expired: 'the token has expired; create a new one (dmesh token create) or ask a registry admin',
};

/** Authenticates the bearer token once per request (the Fastify hook does it before the rate limiter). */
export async function resolvePrincipal(request: AuthedRequest, auth: AuthService): Promise<void> {
  if (request.authChecked) return;
  request.authChecked = true;
  const header = request.headers.authorization;
  if (!header) return;
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const result = token ? await auth.authenticate(token) : { failure: 'unknown' as const };
  if ('principal' in result) request.principal = result.principal;
  else request.authFailure = result.failure;
}

/** The HTTP request behind a REST handler or a GraphQL resolver (Mercurius puts the reply in its context). */
function requestOf(context: ExecutionContext): AuthedRequest | undefined {
  if (context.getType<string>() === 'http') return context.switchToHttp().getRequest<AuthedRequest>();
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<{ reply?: { request: AuthedRequest } }>().reply?.request;
  return undefined;
}

/**
 * Every REST handler and every GraphQL root field passes here. Reads need a
 * token of any role unless anonymous reads are on; writes need a token (the
 * service judges role and domain); `@RequiresRole` routes need the role. A
 * presented token that is unknown, revoked or expired is refused everywhere.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(ACCESS_CONFIG) private readonly config: AccessConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = requestOf(context);
    if (access?.kind === 'public' || !request) return true;
    await resolvePrincipal(request, this.auth);
    const refuse = (code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string) => {
      request.refusal ??= { status: code === 'FORBIDDEN' ? 403 : 401, code, message };
      return new RequestError(code, message);
    };
    if (request.authFailure) throw refuse('UNAUTHENTICATED', FAILURES[request.authFailure]);
    const principal = request.principal;
    if (principal) {
      if (access?.kind === 'roles' && !access.roles.includes(principal.role))
        throw refuse(
          'FORBIDDEN',
          `this needs a ${access.roles.join(' or ')} token; ${principal.name} is ${principal.role}`,
        );
      return true;
    }
    if (access || !this.config.anonymousRead)
      throw refuse(
        'UNAUTHENTICATED',
        `this request needs a token${access ? '' : ' (anonymous reads are off: any role may read, e.g. reader)'}: ` +
          'send "Authorization: Bearer <token>" (dmesh login --token <token>, or DMESH_TOKEN)',
      );
    return true;
  }
}
