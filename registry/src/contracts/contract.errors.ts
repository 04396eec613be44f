import { CONTRACT_LIMITS, type ContractProblem } from '@dmesh/sdk';
import { errorCodes, type ErrorDetail } from '../common/registry-error.js';

/**
 * Refusals of a contract the registry was asked to compile (an impact
 * check's proposed schema): the SDK's ContractCompileError, mapped once. A
 * limit answers with its own code and names itself (CONTRACT_LIMITS.<name>),
 * so a client can tell "too deep" from "invalid" without reading the text.
 */
export class ContractError extends errorCodes('contracts', {
  CONTRACT_INVALID: {
    status: 400,
    meaning:
      'a contract cannot be compiled (not valid under its draft, a remote or cyclic $ref, an unknown keyword, …); each detail carries the SDK code, the JSON pointer and the fix',
  },
  SCHEMA_TOO_DEEP: {
    status: 400,
    meaning: `a contract nests deeper than CONTRACT_LIMITS.maxDepth (${CONTRACT_LIMITS.maxDepth}) levels`,
  },
  REF_CHAIN_TOO_LONG: {
    status: 400,
    meaning: `following its $refs, a contract nests deeper than CONTRACT_LIMITS.maxRefChain (${CONTRACT_LIMITS.maxRefChain})`,
  },
  SCHEMA_TOO_LARGE: {
    status: 413,
    meaning: `a contract is larger than CONTRACT_LIMITS.maxBytes (${CONTRACT_LIMITS.maxBytes} bytes)`,
  },
}) {}

type LimitCode = 'SCHEMA_TOO_DEEP' | 'REF_CHAIN_TOO_LONG' | 'SCHEMA_TOO_LARGE';
const LIMIT_CODES = new Set<string>(['SCHEMA_TOO_DEEP', 'REF_CHAIN_TOO_LONG', 'SCHEMA_TOO_LARGE']);

/**
 * A ContractCompileError — thrown here or carried from a worker thread (its
 * name and `problems` cross, not its class) — as a ContractError whose
 * details point into the request (`at`: the JSON pointer of the schema in the
 * body, e.g. `/schema`); undefined for any other error.
 */
export function contractError(err: unknown, what: string, at: string): ContractError | undefined {
  const problems = (err as { name?: string; problems?: unknown })?.problems;
  if ((err as Error)?.name !== 'ContractCompileError' || !Array.isArray(problems) || !problems.length) return undefined;
  const list = problems as ContractProblem[];
  const limit = list.find((p) => p.limit !== undefined && LIMIT_CODES.has(p.code));
  const first = limit ?? list[0];
  const details: ErrorDetail[] = list.map((p) => ({
    code: p.code,
    path: `${at}${p.path === '/' ? '' : p.path}`,
    message: p.message,
    fix: p.fix,
  }));
  return new ContractError(
    limit ? (limit.code as LimitCode) : 'CONTRACT_INVALID',
    `${what} is refused (${first.code}): ${first.message}`,
    details,
    limit?.limit ? { limit: limit.limit } : {},
  );
}

const DEEP_FIX = 'flatten it: move nested parts into $defs and point at them with $ref';
const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
/** A pointer to where a body was found too deep is ~128 segments long: its first few say where. */
const shortened = (pointer: string) => {
  const segments = pointer.split('/');
  return segments.length > 9 ? `${segments.slice(0, 9).join('/')}/…` : pointer;
};

/** Where a contract sits in a request body: a publish's `contracts`, an impact's `schema`, a GraphQL variable. */
function contractAt(route: string, pointer: string): { what: string; file?: string; path: string } | undefined {
  const published = route.endsWith('/versions') ? /^\/contracts\/([^/]*)(\/.*)?$/.exec(pointer) : null;
  if (published) {
    const file = unescape(published[1]);
    return { what: `contract ${file}`, file, path: shortened(published[2] ?? '') };
  }
  if (route.endsWith('/impact') && pointer.startsWith('/schema/'))
    return { what: 'the proposed contract', path: shortened(pointer) };
  // impact(schema:) is the only JSON argument: no other variable can nest this deep.
  if (route === '/graphql' && /^\/variables\/[^/]+\//.test(pointer))
    return { what: 'the proposed contract', path: shortened(pointer) };
  return undefined;
}

/**
 * The JSON body parser refuses a body nested deeper than it can safely read
 * before any handler runs. When the deep part is a contract, the answer is
 * that contract's own limit, by code and name (nesting that deep in the body
 * is deeper than CONTRACT_LIMITS.maxDepth inside the contract).
 */
export function contractTooDeep(route: string | undefined, pointer: string): ContractError | undefined {
  const at = contractAt(route ?? '', pointer);
  if (!at) return undefined;
  const { maxDepth } = CONTRACT_LIMITS;
  const message = `${at.what} nests deeper than ${maxDepth} levels (SCHEMA_TOO_DEEP; limit CONTRACT_LIMITS.maxDepth = ${maxDepth})`;
  const detail: ErrorDetail = { code: 'SCHEMA_TOO_DEEP', path: at.path, message, fix: DEEP_FIX };
  return new ContractError('SCHEMA_TOO_DEEP', message, [{ ...detail, ...(at.file && { file: at.file }) }], {
    limit: { name: 'maxDepth', value: maxDepth },
  });
}
