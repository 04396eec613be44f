import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { compileContract, createContractAjv } from '../contract/compile.js';
import { canon } from './nodes.js';

/**
 * The checker validates many small subschemas and candidate records.
 * `compileContract` builds one ajv instance per contract, which recompiles the
 * 2020-12 meta-schema each time (~10 ms), so here one shared instance with the
 * same options (`createContractAjv`) compiles everything, cached by canonical
 * text. A schema it rejects goes through `compileContract`, whose error names
 * the keyword and the fix.
 */
const RESET_AFTER = 2000;
let ajv: Ajv2020 | undefined;
let cache = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv || cache.size >= RESET_AFTER) {
    ajv = createContractAjv();
    cache = new Map();
  }
  return ajv;
}

function declareAnnotations(a: Ajv2020, node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  for (const [key, child] of Object.entries(node)) {
    if (key.startsWith('x-') && !a.getKeyword(key)) a.addKeyword({ keyword: key, schemaType: undefined as never });
    declareAnnotations(a, child);
  }
}

/** A validator for `schema`; throws ContractCompileError when it is not a valid contract. */
export function validatorFor(schema: unknown): ValidateFunction {
  const key = canon(schema);
  const a = instance();
  const hit = cache.get(key);
  if (hit) return hit;
  declareAnnotations(a, schema);
  const id = typeof schema === 'object' && schema !== null ? (schema as { $id?: unknown }).$id : undefined;
  if (typeof id === 'string') a.removeSchema(id);
  let validate: ValidateFunction;
  try {
    validate = a.compile(schema as object);
  } catch {
    validate = compileContract(schema).validate;
  }
  cache.set(key, validate);
  return validate;
}
