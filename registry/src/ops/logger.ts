import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { OpsConfig } from './ops-config.js';

/** Where log lines go; tests pass a stream they read. */
export interface LogDestination {
  write(line: string): void;
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** One readable line per JSON log line, for a terminal: time, level, request id, message, then the rest. */
export function prettyLines(out: LogDestination): LogDestination {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line);
      } catch {
        return out.write(line);
      }
      const { time, level, msg, reqId, pid: _pid, hostname: _host, ...rest } = entry;
      const when = new Date(Number(time)).toISOString().slice(11, 23);
      const extra = Object.entries(rest)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      out.write(
        `${when} ${(LEVEL_NAMES[Number(level)] ?? level).toString().padEnd(5)} ${reqId ? `[${reqId}] ` : ''}${msg ?? ''}${extra ? `  ${extra}` : ''}\n`,
      );
    },
  };
}

/** A caller's x-request-id is kept when it is short and plain (it ends up in logs and the audit); else a new one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * Fastify's own pino logger: JSON lines with the request id (`reqId`), one
 * access line per request written by the ops hooks (Fastify's two built-in
 * lines are off), pretty on a terminal.
 */
export function loggerOptions(
  config: Pick<OpsConfig, 'logLevel' | 'logFormat'>,
  destination: LogDestination = process.stdout,
): FastifyServerOptions {
  return {
    logger: { level: config.logLevel, stream: config.logFormat === 'pretty' ? prettyLines(destination) : destination },
    genReqId: requestId,
    disableRequestLogging: true,
    requestIdLogLabel: 'reqId',
  };
}
