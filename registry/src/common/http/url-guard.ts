import type { FastifyInstance } from 'fastify';
import { RequestError, type ErrorDetail } from '../registry-error.js';
import { sendError } from './send-error.js';
import { FORBIDDEN_PARAMETER_NAMES, textProblem } from './text-checks.js';

/** Longer URLs are refused with 414 (Node refuses headers over 16 KB itself, with a bare 431). */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Checks every request's URL before routing reaches a handler: its length, the
 * encoding and text of each path segment and query parameter (NUL and lone
 * surrogates refused, naming the parameter), parameter names that would reach
 * a prototype, and repeated parameters (no parameter of this API is a list).
 */
export function installUrlGuard(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const problem = urlProblem(request.raw.url ?? '/');
    if (problem) return sendError(reply, problem);
  });
}

export function urlProblem(url: string): RequestError | undefined {
  if (url.length > MAX_URL_LENGTH)
    return new RequestError('URI_TOO_LONG', `the URL is longer than ${MAX_URL_LENGTH} characters`, [
      { code: 'URL_TOO_LONG', path: 'url', message: `${url.length} characters`, fix: 'shorten the query' },
    ]);
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  for (const segment of path.split('/')) {
    const problem = decodedProblem(segment, false);
    if (problem) return bad('path', `the path ${problem}`, 'BAD_PATH', 'percent-encode the path as UTF-8 text');
  }
  return mark < 0 ? undefined : queryProblem(url.slice(mark + 1));
}

function queryProblem(query: string): RequestError | undefined {
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const name = decode(rawName, true);
    if (name === undefined || textProblem(name))
      return bad('query', 'a query parameter name is not UTF-8 text', 'BAD_PARAMETER', 'percent-encode it as UTF-8');
    if (FORBIDDEN_PARAMETER_NAMES.has(name))
      return bad(name, `the query parameter name "${name}" is forbidden`, 'FORBIDDEN_KEY', 'leave it out');
    if (seen.has(name))
      return bad(name, `the query parameter ${name} is repeated`, 'REPEATED_PARAMETER', `send ${name} once`);
    seen.add(name);
    const problem = decodedProblem(eq < 0 ? '' : pair.slice(eq + 1), true);
    if (problem) return bad(name, `the query parameter ${name} ${problem}`, 'BAD_PARAMETER', 'send UTF-8 text');
  }
  return undefined;
}

function decodedProblem(raw: string, plusIsSpace: boolean): string | undefined {
  if (!raw.includes('%')) return undefined;
  const text = decode(raw, plusIsSpace);
  return text === undefined ? 'is not percent-encoded UTF-8' : textProblem(text);
}

function decode(raw: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return undefined;
  }
}

function bad(path: string, message: string, code: string, fix: string): RequestError {
  const detail: ErrorDetail = { code, path, message, fix };
  return new RequestError('BAD_REQUEST', message, [detail]);
}
