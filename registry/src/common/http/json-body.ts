import type { FastifyInstance } from 'fastify';
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
export function installJsonBody(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, text, done) => {
    try {
      done(null, parseJsonBody(text as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

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
  // NUL and surrogates only arrive as \u escapes (raw ones are invalid JSON or decode to U+FFFD).
  const checkText = text.includes('\\u') || text.includes('__proto__') || text.includes('prototype');
  const problem = findProblem(value, checkText);
  if (problem)
    throw new RequestError('BAD_REQUEST', `the body ${problem.message} at ${problem.path || '/'}`, [problem]);
  return value;
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
        message: `nests deeper than ${MAX_JSON_DEPTH} levels`,
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
