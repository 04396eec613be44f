import { validateDocument } from '@dmesh/contracts';
import semver from 'semver';
import { compileContract, ContractCompileError } from '../contract/compile.js';
import { parseId } from '../identifiers.js';
import { checkRuleFields } from './rule-fields.js';
import { describeSchemaProblem } from './schema-fix.js';
import type { DataProduct, Problem, ProductBundle } from './types.js';

export const DESCRIPTOR_FILE = 'dataproduct.yaml';

/**
 * Validates a product version as a value: descriptor shape, contracts present
 * and compilable, the fields quality rules, lineage mappings and
 * `x-primary-key` name declared in the port's contract, unique port names,
 * semver ranges, and lineage references that point at declared inputs.
 * Pure: the caller supplies the files' content.
 */
export function validateProduct(bundle: ProductBundle): Problem[] {
  const shape = validateDocument('dataproduct', bundle.descriptor).map((p): Problem => ({
    severity: 'error',
    code: 'DESCRIPTOR_INVALID',
    file: DESCRIPTOR_FILE,
    path: p.path,
    ...describeSchemaProblem(p),
  }));
  if (shape.length) return shape;
  const d = bundle.descriptor as DataProduct;
  const compiled: Record<string, unknown> = {};
  const contractProblems = checkContracts(d, bundle.contracts, compiled);
  return [
    ...checkPorts(d),
    ...contractProblems,
    ...checkRuleFields(d, compiled, DESCRIPTOR_FILE),
    ...checkInputs(d),
    ...checkLineage(d),
  ];
}

function problem(code: string, path: string, message: string, fix: string, file = DESCRIPTOR_FILE): Problem {
  return { severity: 'error', code, file, path, message, fix };
}

function checkPorts(d: DataProduct): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  d.spec.outputs.forEach((port, i) => {
    const first = seen.get(port.name);
    if (first !== undefined) {
      out.push(
        problem(
          'PORT_DUPLICATE',
          `/spec/outputs/${i}/name`,
          `output port "${port.name}" is declared twice (also at /spec/outputs/${first})`,
          'give each output port a unique name',
        ),
      );
    } else seen.set(port.name, i);
  });
  return out;
}

/** Compiles each port's contract; those that compile are put in `compiled` (by path) for the field checks. */
function checkContracts(
  d: DataProduct,
  contracts: Record<string, unknown>,
  compiled: Record<string, unknown>,
): Problem[] {
  const out: Problem[] = [];
  d.spec.outputs.forEach((port, i) => {
    const schema = contracts[port.contract];
    if (schema === undefined) {
      out.push(
        problem(
          'CONTRACT_MISSING',
          `/spec/outputs/${i}/contract`,
          `contract file "${port.contract}" of port "${port.name}" was not found`,
          `create ${port.contract} (a JSON Schema) or fix the path; it is relative to the product folder`,
        ),
      );
      return;
    }
    try {
      compileContract(schema);
      compiled[port.contract] = schema;
    } catch (err) {
      if (!(err instanceof ContractCompileError)) throw err;
      for (const p of err.problems) {
        out.push({
          severity: 'error',
          // A limit keeps its own code (SCHEMA_TOO_DEEP, …): scripts and the registry tell it from an invalid schema.
          code: p.limit ? p.code : 'CONTRACT_INVALID',
          file: port.contract,
          path: p.path || '/',
          message: `${port.contract} is not a valid contract (${p.code}): ${p.message}`,
          fix: p.fix,
        });
      }
    }
  });
  return out;
}

function checkInputs(d: DataProduct): Problem[] {
  const out: Problem[] = [];
  const self = `${d.metadata.domain}.${d.metadata.name}`;
  (d.spec.inputs ?? []).forEach((input, i) => {
    if (!semver.validRange(input.version)) {
      out.push(
        problem(
          'RANGE_INVALID',
          `/spec/inputs/${i}/version`,
          `"${input.version}" is not a semver range`,
          'use a range such as ^1.0.0, ~2.3.0 or >=1.2.0 <2.0.0',
        ),
      );
    }
    if (input.product === self) {
      out.push(
        problem('INPUT_SELF', `/spec/inputs/${i}/product`, `${self} cannot consume itself`, 'remove this input'),
      );
    }
  });
  return out;
}

function checkLineage(d: DataProduct): Problem[] {
  const out: Problem[] = [];
  const declared = new Set((d.spec.inputs ?? []).map((i) => `${i.product}/${i.port}`));
  d.spec.outputs.forEach((port, i) => {
    for (const [field, refs] of Object.entries(port.lineage ?? {})) {
      refs.forEach((ref, j) => {
        const id = parseId(ref);
        const path = `/spec/outputs/${i}/lineage/${field}/${j}`;
        if (!id?.port || !id.field) {
          out.push(
            problem(
              'LINEAGE_REF_INVALID',
              path,
              `"${ref}" is not a field reference`,
              'write <domain>.<product>/<port>#<field>',
            ),
          );
        } else if (!declared.has(`${id.domain}.${id.product}/${id.port}`)) {
          out.push(
            problem(
              'LINEAGE_UNDECLARED_INPUT',
              path,
              `"${ref}" reads ${id.domain}.${id.product}/${id.port}, which is not an input of this product`,
              `add { product: ${id.domain}.${id.product}, port: ${id.port}, version: ^1.0.0 } to spec.inputs`,
            ),
          );
        }
      });
    }
  });
  return out;
}
