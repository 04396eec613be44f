import type { ValidateFunction } from 'ajv/dist/2020.js';
import { compileContract } from '../contract/compile.js';

/**
 * The checker validates many small subschemas and candidate records; each is
 * compiled once (cached by content hash) on the contract compiler's shared
 * ajv instance, with the same options and limits as user contracts.
 * Throws ContractCompileError when a schema is not a valid contract.
 */
export function validatorFor(schema: unknown): ValidateFunction {
  return compileContract(schema).validate;
}
