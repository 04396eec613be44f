import type { ValidateFunction } from 'ajv';
import { compileContract, compileInternalSchema } from '../contract/compile.js';

/**
 * The validator of a contract as submitted (its own draft, decimal-exact
 * `multipleOf`): what records, data tests and counterexamples are judged by.
 * Throws ContractCompileError when a schema is not a valid contract.
 */
export function validatorFor(schema: unknown): ValidateFunction {
  return compileContract(schema).validate;
}

const internal = new WeakMap<object, ValidateFunction>();

/**
 * A validator for a node of the checker's internal 2020-12 form (no `$ref`
 * inside, or a whole internal document): compiled once per node object and
 * per content hash.
 */
export function internalValidator(node: object): ValidateFunction {
  let v = internal.get(node);
  if (!v) internal.set(node, (v = compileInternalSchema(node)));
  return v;
}
