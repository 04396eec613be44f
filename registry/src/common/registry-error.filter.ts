import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { FastifyReply } from 'fastify';
import { RegistryError } from './registry-error.js';

/** The one place errors become HTTP bodies or GraphQL errors with `extensions.code`. */
@Catch()
export class RegistryErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const { status, body } = this.toBody(exception);
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(body.message, { extensions: { code: body.code, status, details: body.details } });
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    return reply.status(status).send(body);
  }

  private toBody(exception: unknown): {
    status: number;
    body: { code: string; message: string; details: unknown[]; [k: string]: unknown };
  } {
    if (exception instanceof RegistryError) {
      return {
        status: exception.status,
        body: { code: exception.code, message: exception.message, details: exception.details, ...exception.extra },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      return {
        status,
        body: {
          code: status === 404 ? 'NOT_FOUND' : status === 400 ? 'BAD_REQUEST' : `HTTP_${status}`,
          message,
          details: [],
        },
      };
    }
    this.log.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, body: { code: 'INTERNAL', message: 'internal error; see the registry log', details: [] } };
  }
}
