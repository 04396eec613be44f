import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { FastifyReply } from 'fastify';
import { toErrorResponse } from './error-response.js';

/** The one place errors become HTTP bodies or GraphQL errors with `extensions.code`. */
@Catch()
export class RegistryErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const { status, body, retryAfter, expected } = toErrorResponse(exception);
    if (!expected)
      this.log.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(body.message, {
        extensions: { code: body.code, status, details: body.details, ...(retryAfter && { retryAfter }) },
      });
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return reply.status(status).send(body);
  }
}
