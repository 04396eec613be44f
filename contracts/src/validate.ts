import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { loadSchema, OWN_SCHEMA_OPTIONS, SCHEMA_NAMES, type SchemaName } from './schemas.js';

/** One problem in a document, with the JSON pointer of the offending value. */
export interface DocumentProblem {
  path: string;
  keyword: string;
  message: string;
  /** Allowed values or the missing property, when ajv knows them. */
  params: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * The build compiles our own schemas ahead of time (ajv standalone code in
 * dist/validators/, see scripts/build-validators.js): loading one takes a few
 * milliseconds where compiling takes ~100, and most CLI runs validate a
 * descriptor. Run from source (tests), they are compiled here, with the same options.
 */
function precompiled(name: string): ValidateFunction | undefined {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) return undefined;
  try {
    return require(`./validators/${name}.cjs`) as ValidateFunction;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

/** Our own schemas compile in ajv's strict mode; validators are built once per process. */
function compiled(name: string): ValidateFunction {
  if (!ajv) {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
    ajv = addFormats(new Ajv2020(OWN_SCHEMA_OPTIONS));
  }
  return ajv.compile(loadSchema(name));
}

function validatorFor(name: SchemaName | string): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    v = precompiled(name) ?? compiled(name);
    validators.set(name, v);
  }
  return v;
}

/** Validates a parsed document against one of the schemas in `schemas/`. */
export function validateDocument(name: SchemaName | string, doc: unknown): DocumentProblem[] {
  const validate = validatorFor(name);
  if (validate(doc)) return [];
  return simplify(validate.errors ?? []);
}

/**
 * ajv reports every failed branch of a `oneOf`/`anyOf`; a person wants the
 * deepest, most specific problems. Keep errors that are not a parent of another.
 */
function simplify(errors: ErrorObject[]): DocumentProblem[] {
  const problems = errors.map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    const tag = e.keyword === 'discriminator' ? `/${String(e.params.tag)}` : '';
    const message =
      e.keyword === 'discriminator'
        ? `unknown ${String(e.params.tag)} ${JSON.stringify(e.params.tagValue)}`
        : (e.message ?? e.keyword);
    return {
      path: (e.instancePath || '') + missing + extra + tag || '/',
      keyword: e.keyword,
      message,
      params: e.params,
    };
  });
  const combinators = new Set(['oneOf', 'anyOf', 'if', 'discriminator']);
  const kept = problems.filter(
    (p) =>
      !combinators.has(p.keyword) ||
      !problems.some((q) => q !== p && q.path.startsWith(p.path) && !combinators.has(q.keyword)),
  );
  const seen = new Set<string>();
  return kept.filter((p) => {
    const key = `${p.path}|${p.keyword}|${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
