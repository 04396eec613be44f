import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createSafeRegExp } from '../regex/safe-regexp.js';
import { addFastFormats } from './fast-formats.js';
import { canonicalJson } from './canonical.js';

// ajv-formats is CommonJS; under nodenext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

/** Limits for submitted schemas: remote `$ref`s are never fetched and size/depth are bounded. */
export const CONTRACT_LIMITS = { maxBytes: 1_000_000, maxDepth: 64 } as const;

export interface CompiledContract {
  hash: string;
  schema: unknown;
  validate: ValidateFunction;
}

export interface ContractProblem {
  /** JSON pointer inside the schema document. */
  path: string;
  keyword?: string;
  message: string;
  fix: string;
}

export class ContractCompileError extends Error {
  constructor(readonly problems: ContractProblem[]) {
    super(problems.map((p) => `${p.path || '/'}: ${p.message}`).join('; '));
    this.name = 'ContractCompileError';
  }
}

/**
 * User contracts are real-world JSON Schemas: `x-*` annotations, union types
 * and loose `required`/tuple/type combinations are allowed (ajv's strict checks
 * for those are relaxed), unknown non-`x-` keywords are still errors.
 */
export function createContractAjv(options: { checked?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    // A contract another thread already compiled (and so checked against the meta-schema): not checked again.
    ...(options.checked && { meta: false, validateSchema: false }),
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
    verbose: false,
    // Real schemas name a property that also matches a patternProperties pattern.
    allowMatchingProperties: true,
    loadSchema: undefined,
    code: { regExp: createSafeRegExp as never },
  });
  addFormats(ajv);
  addFastFormats(ajv);
  return ajv;
}

/** Declares every `x-` annotation keyword used in `schema`, so strict mode still catches typos like `maxLenght`. */
function declareAnnotations(ajv: Ajv2020, schema: unknown): void {
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('x-') && !seen.has(key)) {
        seen.add(key);
        if (!ajv.getKeyword(key)) ajv.addKeyword({ keyword: key, schemaType: undefined as never });
      }
      walk(child);
    }
  };
  walk(schema);
}

function ajvErrorToProblem(message: string): ContractProblem {
  // ajv reports schema errors as text such as `strict mode: unknown keyword: "maxLenght"`.
  const keyword = /keyword:? "?([\w$-]+)"?/.exec(message)?.[1];
  return {
    path: '',
    ...(keyword && { keyword }),
    message,
    fix: keyword
      ? `check the spelling of "${keyword}", or prefix custom annotations with "x-" (JSON Schema 2020-12 keywords only)`
      : 'make the contract a valid JSON Schema 2020-12 document',
  };
}

// ajv keeps every compiled schema; a fresh instance now and then bounds memory in a long-lived registry.
const CACHE_LIMIT = 2000;

/** One ajv instance and what it compiled, by content hash (a new instance recompiles the 2020-12 meta-schema, ~10 ms). */
class ContractCache {
  private ajv: Ajv2020 | undefined;
  private readonly compiled = new Map<string, CompiledContract>();

  constructor(private readonly options: { checked?: boolean }) {}

  get(hash: string): CompiledContract | undefined {
    return this.compiled.get(hash);
  }

  /** Compiles on the shared instance; a schema with the `$id` of an earlier one replaces it there. */
  compile(schema: unknown, hash: string): CompiledContract {
    if (!this.ajv || this.compiled.size >= CACHE_LIMIT) {
      this.ajv = createContractAjv(this.options);
      this.compiled.clear();
    }
    const ajv = this.ajv;
    declareAnnotations(ajv, schema);
    const id = typeof schema === 'object' && schema !== null ? (schema as { $id?: unknown }).$id : undefined;
    if (typeof id === 'string') ajv.removeSchema(id);
    const compiled = { hash, schema, validate: ajv.compile(schema as object) };
    this.compiled.set(hash, compiled);
    return compiled;
  }
}

const contracts = new ContractCache({});
const checkedContracts = new ContractCache({ checked: true });

/**
 * Compiles a contract once per content hash, on one shared ajv instance, so
 * two versions of a contract may share it.
 */
export function compileContract(schema: unknown): CompiledContract {
  const hash = contentHash(schema);
  const hit = contracts.get(hash);
  if (hit) return hit;
  const problems = checkLimits(schema);
  if (problems.length) throw new ContractCompileError(problems);
  try {
    return contracts.compile(schema, hash);
  } catch (err) {
    throw new ContractCompileError([ajvErrorToProblem((err as Error).message)]);
  }
}

/**
 * Compiles a contract that `compileContract` already accepted in another
 * thread (a data-test worker gets it from the main thread): the same
 * validator, without checking the schema against the 2020-12 meta-schema
 * again, which is most of a cold compile (~40 ms of a worker's ~200 ms start).
 * Never for a schema that has not been through `compileContract`.
 */
export function compileCheckedContract(schema: unknown): CompiledContract {
  const hash = contentHash(schema);
  return checkedContracts.get(hash) ?? checkedContracts.compile(schema, hash);
}

function checkLimits(schema: unknown): ContractProblem[] {
  if (typeof schema !== 'boolean' && (schema === null || typeof schema !== 'object' || Array.isArray(schema))) {
    return [
      {
        path: '',
        message: 'a contract must be a JSON Schema object (or a boolean schema)',
        fix: 'write the contract as a JSON object with "type", "properties", …',
      },
    ];
  }
  const problems: ContractProblem[] = [];
  if (Buffer.byteLength(JSON.stringify(schema)) > CONTRACT_LIMITS.maxBytes) {
    problems.push({
      path: '',
      message: `the contract is larger than ${CONTRACT_LIMITS.maxBytes} bytes`,
      fix: 'split it with local $defs or reduce it',
    });
  }
  if (depthOf(schema, CONTRACT_LIMITS.maxDepth) > CONTRACT_LIMITS.maxDepth) {
    problems.push({
      path: '',
      message: `the contract nests deeper than ${CONTRACT_LIMITS.maxDepth} levels`,
      fix: 'flatten it with $defs and $ref',
    });
  }
  const remote = findRemoteRef(schema, '');
  if (remote) {
    problems.push({
      path: remote.path,
      keyword: '$ref',
      message: `remote $ref "${remote.ref}" is never fetched`,
      fix: 'copy the referenced schema into $defs and point $ref at "#/$defs/<name>"',
    });
  }
  return problems;
}

function findRemoteRef(node: unknown, path: string): { path: string; ref: string } | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, child] of Object.entries(node)) {
    const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if ((key === '$ref' || key === '$dynamicRef') && typeof child === 'string' && !child.startsWith('#')) {
      return { path: childPath, ref: child };
    }
    const found = findRemoteRef(child, childPath);
    if (found) return found;
  }
  return undefined;
}

/** ajv validation errors as data: JSON path of the value, keyword, message. */
export function describeErrors(
  errors: ErrorObject[] | null | undefined,
): { path: string; keyword: string; message: string }[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    keyword: e.keyword,
    message: e.message ?? e.keyword,
  }));
}

export function contentHash(schema: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(schema)).digest('hex');
}

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const child of Object.values(value as object)) {
    max = Math.max(max, depthOf(child, limit, depth + 1));
    if (max > limit) break;
  }
  return max;
}
