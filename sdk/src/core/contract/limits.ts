import type { ContractProblem } from './errors.js';

/**
 * Limits for submitted schemas, the single place for their values. Checked
 * before any recursive walk of the document (ours or ajv's), so a hostile
 * document is refused by name instead of overflowing the stack.
 * - maxBytes: size of the document as compact JSON.
 * - maxDepth: JSON nesting levels (every object and array counts).
 * - maxRefChain: nesting levels reached by following `$ref`s from the root,
 *   each reference counting one level plus the depth of the place it sits in
 *   (ajv compiles a referenced schema inside the one referring to it).
 */
export const CONTRACT_LIMITS = { maxBytes: 1_000_000, maxDepth: 64, maxRefChain: 256 } as const;

export type ContractLimit = keyof typeof CONTRACT_LIMITS;

export function limitProblem(
  name: ContractLimit,
  code: ContractProblem['code'],
  path: string,
  message: string,
  fix: string,
): ContractProblem {
  const value = CONTRACT_LIMITS[name];
  return {
    code,
    path,
    message: `${message} (limit CONTRACT_LIMITS.${name} = ${value})`,
    fix,
    limit: { name, value },
  };
}

/** The first place nested deeper than `limit` levels, found without recursion; undefined when within. */
export function tooDeepAt(value: unknown, limit: number): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: [object, number, string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop()!;
    for (const [key, child] of Object.entries(node)) {
      // A leaf one level below a container at the limit is still within it, as before (depth of a leaf = its level).
      if (depth + 1 > limit) return `${path}/${key}`;
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1, `${path}/${key}`]);
    }
  }
  return undefined;
}

/** Shape, depth and size, in that order: each later check is safe only once the earlier ones passed. */
export function checkDocumentLimits(schema: unknown): ContractProblem[] {
  if (typeof schema !== 'boolean' && (schema === null || typeof schema !== 'object' || Array.isArray(schema))) {
    return [
      {
        code: 'NOT_A_SCHEMA',
        path: '',
        message: 'a contract must be a JSON Schema object (or a boolean schema)',
        fix: 'write the contract as a JSON object with "type", "properties", …',
      },
    ];
  }
  const deep = tooDeepAt(schema, CONTRACT_LIMITS.maxDepth);
  if (deep !== undefined) {
    return [
      limitProblem(
        'maxDepth',
        'SCHEMA_TOO_DEEP',
        deep.split('/').slice(0, 9).join('/') + (deep.split('/').length > 9 ? '/…' : ''),
        `the contract nests deeper than ${CONTRACT_LIMITS.maxDepth} levels`,
        'flatten it: move nested parts into $defs and point at them with $ref',
      ),
    ];
  }
  if (Buffer.byteLength(JSON.stringify(schema)) > CONTRACT_LIMITS.maxBytes) {
    return [
      limitProblem(
        'maxBytes',
        'SCHEMA_TOO_LARGE',
        '',
        `the contract is larger than ${CONTRACT_LIMITS.maxBytes} bytes`,
        'split it into several ports or remove unused $defs',
      ),
    ];
  }
  return [];
}
