import { createHash } from 'node:crypto';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AjvCore } from './ajv-types.js';
import { canonicalJson } from './canonical.js';
import { createContractAjv } from './contract-ajv.js';
import { checkContract } from './check-contract.js';
import type { Draft } from './drafts.js';
import { ContractCompileError, type ContractProblem } from './errors.js';

import { CONTRACT_LIMITS, tooDeepAt } from './limits.js';

export { CONTRACT_LIMITS } from './limits.js';
export { CONTRACT_PROBLEM_CODES, ContractCompileError } from './errors.js';
export type { ContractProblem, ContractProblemCode } from './errors.js';
export { DRAFTS, DEFAULT_DRAFT, draftOf, type Draft } from './drafts.js';
export { checkContract } from './check-contract.js';

export interface CompiledContract {
  hash: string;
  schema: unknown;
  /** The JSON Schema draft the contract is written in (its `$schema`; 2020-12 when absent). */
  draft: Draft;
  validate: ValidateFunction;
}

// ajv keeps every compiled schema; a fresh instance now and then bounds memory in a long-lived registry.
const CACHE_LIMIT = 2000;

/**
 * What one kind of compile produced, by content hash, and the ajv instance of
 * each draft it compiles on. Only accepted schemas are kept; after any
 * failure the instance is replaced (ajv caches a schema before it fails), so
 * a refused schema is refused again on every call.
 */
class ContractCache {
  private readonly instances = new Map<Draft, AjvCore>();
  private readonly compiled = new Map<string, CompiledContract>();

  get(hash: string): CompiledContract | undefined {
    return this.compiled.get(hash);
  }

  /** Compiles `effective` (what ajv should see of `schema`) and keeps it as the validator of `schema`. */
  compile(schema: unknown, effective: unknown, hash: string, draft: Draft, ids: string[]): CompiledContract {
    if (this.compiled.size >= CACHE_LIMIT) {
      this.instances.clear();
      this.compiled.clear();
    }
    let ajv = this.instances.get(draft);
    if (!ajv) this.instances.set(draft, (ajv = createContractAjv(draft)));
    // A contract declaring an `$id` an earlier contract declared replaces it on the shared instance.
    for (const id of ids) ajv.removeSchema(id);
    try {
      declareAnnotations(ajv, effective);
      const compiled = { hash, schema, draft, validate: ajv.compile(effective as object) };
      this.compiled.set(hash, compiled);
      return compiled;
    } catch (err) {
      this.instances.delete(draft);
      throw new ContractCompileError([ajvErrorToProblem((err as Error).message, draft)]);
    }
  }
}

const contracts = new ContractCache();
const checkedContracts = new ContractCache();
// Not stopping at the first error: ajv 8.20 then accepts [] for `prefixItems` with `contains` (it must not).
const internalSchemas = new ContractCache();

/**
 * Compiles a contract once per content hash, with the ajv class of its draft
 * (`$schema`: draft-04, -06, -07, 2019-09 or 2020-12; absent means 2020-12).
 * Limits, remote `$ref`s and the draft's meta-schema are checked first
 * (checkContract); throws ContractCompileError naming the problem and fix.
 */
export function compileContract(schema: unknown): CompiledContract {
  const shape = typeof schema === 'boolean' || (schema !== null && typeof schema === 'object');
  // A hostile document is refused before it is hashed (hashing is linear, but not cheap, at any depth).
  const hash = shape && tooDeepAt(schema, CONTRACT_LIMITS.maxDepth) === undefined ? contentHash(schema) : '';
  const hit = contracts.get(hash);
  if (hit) return hit;
  const { draft, effective, ids } = checkContract(schema);
  return contracts.compile(schema, effective, hash, draft, ids);
}

/**
 * Compiles a contract that `compileContract` already accepted in another
 * thread (a data-test worker gets it from the main thread): the same
 * validator, without the checks and the meta-schema, which are most of a
 * cold compile. Never for a schema that has not been through `compileContract`.
 */
export function compileCheckedContract(schema: unknown): CompiledContract {
  const hash = contentHash(schema);
  return checkedContracts.get(hash) ?? compileAccepted(checkedContracts, schema, hash);
}

/**
 * A validator for a schema dmesh derived itself from accepted contracts (the
 * compatibility checker's internal 2020-12 form and its parts): no checks,
 * the same ajv options as contracts, so both judge every value alike.
 */
export function compileInternalSchema(schema: unknown): ValidateFunction {
  const hash = contentHash(schema);
  return (internalSchemas.get(hash) ?? internalSchemas.compile(schema, schema, hash, '2020-12', [])).validate;
}

function compileAccepted(cache: ContractCache, schema: unknown, hash: string): CompiledContract {
  const { draft, effective, ids } = checkContract(schema, { meta: false });
  return cache.compile(schema, effective, hash, draft, ids);
}

/** Declares every `x-` annotation keyword used in `schema`, so strict mode still catches typos like `maxLenght`. */
function declareAnnotations(ajv: AjvCore, schema: unknown): void {
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('x-') && !ajv.getKeyword(key))
        ajv.addKeyword({ keyword: key, schemaType: undefined as never });
      stack.push(child);
    }
  }
}

function ajvErrorToProblem(message: string, draft: Draft): ContractProblem {
  // ajv reports schema errors as text such as `strict mode: unknown keyword: "maxLenght"`.
  const keyword = /keyword:? "?([\w$-]+)"?/.exec(message)?.[1];
  return {
    code: /unknown keyword/.test(message) ? 'UNKNOWN_KEYWORD' : 'COMPILE_FAILED',
    path: '',
    ...(keyword && { keyword }),
    message,
    fix: keyword
      ? `check the spelling of "${keyword}", or prefix custom annotations with "x-" (JSON Schema ${draft} keywords only)`
      : `make the contract a valid JSON Schema ${draft} document`,
  };
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
