import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestError } from '../registry-error.js';
import { isForbiddenKey, textProblem } from './text-checks.js';

/** Deeper bodies are refused: recursive readers (hashing, schema compilation) would overflow the stack. */
export const MAX_JSON_DEPTH = 128;

/**
 * The JSON body parser of every route (REST and GraphQL): an empty body, text
 * that is not JSON, NUL characters, lone surrogates, prototype keys and
 * nesting beyond MAX_JSON_DEPTH are 400s naming the JSON pointer, before any
 * handler runs.
 */
export function installJsonBody(
  fastify: FastifyInstance,
  bodyLimit: number,
  limitFor: (request: FastifyRequest) => number = () => bodyLimit,
  tooDeep: TooDeepHook = () => undefined,
): void {
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, text, done) => {
    try {
      const limit = limitFor(request);
      if ((text as string).length > limit) throw tooLarge(limit);
      done(null, parseJsonBody(text as string));
    } catch (err) {
      const deep = err instanceof RequestError && err.details[0]?.code === 'TOO_DEEP' ? err.details[0] : undefined;
      done((deep && tooDeep(request.routeOptions.url, deep.path ?? '')) || (err as Error), undefined);
    }
  });
}

/**
 * Names what a body nested too deep holds at `pointer` (a contract: its own
 * limit, by the contracts context); undefined keeps the generic answer.
 */
export type TooDeepHook = (route: string | undefined, pointer: string) => Error | undefined;

/** A route's own, smaller limit: refused before the text is parsed. */
const tooLarge = (limit: number) =>
  new RequestError('PAYLOAD_TOO_LARGE', `the body is larger than this operation accepts (${limit / 1024 / 1024} MB)`, [
    { code: 'BODY_TOO_LARGE', path: '', message: `over ${limit} bytes`, fix: 'send a smaller body' },
  ]);

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '')
    throw new RequestError('BAD_REQUEST', 'the body is empty', [
      { code: 'EMPTY_BODY', path: '', message: 'no JSON in the body', fix: 'send a JSON object' },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RequestError('BAD_REQUEST', `the body is not valid JSON: ${(err as Error).message}`, [
      { code: 'INVALID_JSON', path: '', message: (err as Error).message, fix: 'send the body as JSON' },
    ]);
  }
  // NUL and surrogates only arrive as \u escapes (raw ones are invalid JSON or decode to U+FFFD);
  // the walk over the parsed value runs only when the text has one, a prototype key, or too deep a nesting.
  const checkText = text.includes('\\u') || text.includes('__proto__') || text.includes('prototype');
  const problem = checkText || nestingOf(text) > MAX_JSON_DEPTH ? findProblem(value, checkText) : undefined;
  if (problem)
    throw new RequestError('BAD_REQUEST', `the body ${problem.message} at ${problem.path || '/'}`, [problem]);
  return value;
}

/** The deepest nesting of objects and arrays in JSON text (a scan of its characters, strings skipped). */
export function nestingOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote, over escaped characters
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

interface Problem {
  code: string;
  path: string;
  message: string;
  fix: string;
}

interface Node {
  value: unknown;
  key: string;
  parent: Node | undefined;
  depth: number;
}

/** The JSON pointer of a node, built only when a problem is reported. */
function pointer(node: Node | undefined): string {
  const keys: string[] = [];
  for (let n = node; n?.parent; n = n.parent) keys.push(n.key.replace(/~/g, '~0').replace(/\//g, '~1'));
  return keys
    .reverse()
    .map((k) => `/${k}`)
    .join('');
}

/** One pass over the parsed body (iterative: the depth is what it checks). */
function findProblem(root: unknown, checkText: boolean): Problem | undefined {
  const stack: Node[] = [{ value: root, key: '', parent: undefined, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (typeof value === 'string') {
      const text = checkText ? textProblem(value) : undefined;
      if (text) return { code: 'BAD_TEXT', path: pointer(node), message: text, fix: 'remove the character' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH)
      return {
        code: 'TOO_DEEP',
        path: pointer(node),
        message: `nests deeper than ${MAX_JSON_DEPTH} levels (limit MAX_JSON_DEPTH = ${MAX_JSON_DEPTH})`,
        fix: 'flatten it',
      };
    const isArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const child: Node = { value: (value as Record<string, unknown>)[key], key, parent: node, depth: depth + 1 };
      const keyProblem = checkText && !isArray ? keyProblemOf(key, child.value) : undefined;
      if (keyProblem) return { ...keyProblem, path: pointer(child) };
      stack.push(child);
    }
  }
  return undefined;
}

function keyProblemOf(key: string, value: unknown): Omit<Problem, 'path'> | undefined {
  if (isForbiddenKey(key, value))
    return {
      code: 'FORBIDDEN_KEY',
      message: `has the forbidden key "${key}"${key === 'constructor' ? ' (with a prototype)' : ''}`,
      fix: 'rename the key: __proto__ and constructor.prototype are never accepted',
    };
  const text = textProblem(key);
  return text ? { code: 'BAD_TEXT', message: `has a key that ${text}`, fix: 'rename the key' } : undefined;
}
