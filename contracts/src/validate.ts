import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSchema, type SchemaName } from './schemas.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

/** One problem in a document, with the JSON pointer of the offending value. */
export interface DocumentProblem {
  path: string;
  keyword: string;
  message: string;
  /** Allowed values or the missing property, when ajv knows them. */
  params: Record<string, unknown>;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** Our own schemas compile in ajv's strict mode; validators are built once per process. */
function validatorFor(name: SchemaName | string): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    ajv ??= addFormats(new Ajv2020({ strict: true, allErrors: true, discriminator: true }));
    v = ajv.compile(loadSchema(name));
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
