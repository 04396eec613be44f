import type { ErrorObject } from 'ajv';
import type { AjvCore } from './ajv-types.js';
import { createContractAjv } from './contract-ajv.js';
import { DRAFTS, draftOf, META_SCHEMA_IDS, type Draft } from './drafts.js';
import { ContractCompileError, type ContractProblem } from './errors.js';
import { checkDocumentLimits } from './limits.js';
import { checkRefChain } from './ref-chain.js';
import { checkRefCycles } from './ref-cycle.js';
import { withoutRefSiblings } from './ref-siblings.js';
import { indexSchema, resolveRefSite, type SchemaIndex } from './schema-index.js';
import type { SchemaNode } from './schema-walk.js';

export interface CheckedContract {
  draft: Draft;
  /** What ajv compiles: the contract, minus the keywords its draft ignores beside a `$ref` (ref-siblings.ts). */
  effective: SchemaNode;
  index: SchemaIndex;
  /** The `$id`s and anchors the contract declares (absolute), as ajv registers them. */
  ids: string[];
}

/**
 * Everything about a submitted contract that is decided before ajv compiles
 * it, in an order where each step is safe once the earlier ones passed:
 * shape, depth and size (iterative), its draft, remote and over-long `$ref`
 * chains, then the draft's meta-schema. Throws ContractCompileError.
 */
export function checkContract(schema: unknown, options: { meta?: boolean } = {}): CheckedContract {
  const limits = checkDocumentLimits(schema);
  if (limits.length) throw new ContractCompileError(limits);
  const draft = draftOf(schema);
  if (typeof draft !== 'string') throw new ContractCompileError([unknownDraft(draft.unknown)]);
  const effective = withoutRefSiblings(schema as SchemaNode, draft);
  const index = indexSchema(effective, draft);
  // Chains and cycles need a reference; most contracts have few or none.
  const refs = index.refs.length ? [...remoteRefs(index), ...checkRefChain(index), ...checkRefCycles(index)] : [];
  if (refs.length) throw new ContractCompileError(refs);
  if (options.meta !== false) {
    const meta = metaProblems(schema, draft);
    if (meta.length) throw new ContractCompileError(meta);
  }
  const ids = [...index.resources.keys(), ...index.anchors.keys()].filter((id) => id !== '' && !id.startsWith('#'));
  return { draft, effective, index, ids };
}

function unknownDraft(uri: string): ContractProblem {
  return {
    code: 'UNKNOWN_DRAFT',
    path: '/$schema',
    keyword: '$schema',
    message: `$schema ${JSON.stringify(uri)} is not a JSON Schema draft dmesh accepts`,
    fix: `use one of ${DRAFTS.map((d) => META_SCHEMA_IDS[d]).join(', ')}, or leave $schema out for 2020-12`,
  };
}

function remoteRefs(index: SchemaIndex): ContractProblem[] {
  const out: ContractProblem[] = [];
  for (const site of index.refs) {
    const target = resolveRefSite(index, site);
    if (!('remote' in target)) continue;
    out.push({
      code: 'REMOTE_REF',
      path: `${site.pointer}/${site.keyword}`,
      keyword: site.keyword,
      message: `remote ${site.keyword} "${site.value}"${target.remote === site.value ? '' : ` (${target.remote})`} is never fetched: it points outside this document`,
      fix: `inline it: copy the referenced schema into "$defs" (e.g. "$defs": { "<name>": … }) and write "${site.keyword}": "#/$defs/<name>", or give the copy "$id": "${target.remote.split('#')[0]}" so the reference resolves inside the document`,
    });
  }
  return out;
}

const metaInstances = new Map<Draft, AjvCore>();

/** The draft's meta-schema, on an instance that compiles no contract (so no contract can change its answers). */
function metaProblems(schema: unknown, draft: Draft): ContractProblem[] {
  let ajv = metaInstances.get(draft);
  if (!ajv) metaInstances.set(draft, (ajv = createContractAjv(draft, { meta: true })));
  if (ajv.validate(META_SCHEMA_IDS[draft], schema)) return [];
  return metaErrors(ajv.errors ?? [], draft);
}

function metaErrors(errors: ErrorObject[], draft: Draft): ContractProblem[] {
  const seen = new Set<string>();
  const out: ContractProblem[] = [];
  for (const e of errors) {
    const key = `${e.instancePath}|${e.message}`;
    if (seen.has(key) || out.length >= 5) continue;
    seen.add(key);
    const keyword = e.instancePath.split('/').pop() || undefined;
    out.push({
      code: 'SCHEMA_INVALID',
      path: e.instancePath,
      ...(keyword && { keyword }),
      message: `not a valid JSON Schema ${draft}: ${e.instancePath || '/'} ${e.message ?? e.keyword}`,
      fix: `correct the value at ${e.instancePath || '/'} (see the ${draft} meta-schema ${META_SCHEMA_IDS[draft]})`,
    });
  }
  return out;
}
