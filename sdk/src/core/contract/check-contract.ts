import type { ErrorObject } from 'ajv';
import { DRAFTS, draftOf, META_SCHEMA_IDS, type Draft } from './drafts.js';
import validate04 from './generated/meta-draft-04.js';
import validate06 from './generated/meta-draft-06.js';
import validate07 from './generated/meta-draft-07.js';
import validate201909 from './generated/meta-2019-09.js';
import validate202012 from './generated/meta-2020-12.js';
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

/** The drafts' meta-schemas, compiled ahead of time (meta-standalone.ts): no contract can change their answers. */
const META_VALIDATORS: Record<Draft, ((schema: unknown) => boolean) & { errors?: ErrorObject[] | null }> = {
  'draft-04': validate04,
  'draft-06': validate06,
  'draft-07': validate07,
  '2019-09': validate201909,
  '2020-12': validate202012,
};

function metaProblems(schema: unknown, draft: Draft): ContractProblem[] {
  const validate = META_VALIDATORS[draft];
  if (validate(schema)) return [];
  return metaErrors(validate.errors ?? [], draft);
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
