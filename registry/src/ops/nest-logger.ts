import type { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';

/** Nest's own messages (start-up, the error filter's 500s) through the same pino logger as the requests. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: FastifyBaseLogger) {}

  private line(level: 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, params: unknown[]) {
    const context =
      params.length && typeof params[params.length - 1] === 'string' ? params[params.length - 1] : undefined;
    this.pino[level]({ ...(context !== undefined && { context }) }, String(message));
  }

  log(message: unknown, ...params: unknown[]) {
    this.line('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.line('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.line('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.line('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.line('trace', message, params);
  }
}
