import { createRequire } from 'node:module';
import { Ajv as Ajv07, type Options } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AjvCore } from './ajv-types.js';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { createSafeRegExp } from '../regex/safe-regexp.js';
import { useDecimalMultipleOf } from './decimal-keyword.js';
import type { Draft } from './drafts.js';
import { addFastFormats } from './fast-formats.js';

// ajv-formats and ajv-draft-04 are CommonJS; under nodenext their default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: AjvCore,
) => AjvCore;
type AjvClass = new (options: Options) => AjvCore;
const Ajv04 = ((Ajv04Module as unknown as { default?: unknown }).default ?? Ajv04Module) as unknown as AjvClass;
const require = createRequire(import.meta.url);

const CLASSES: Record<Draft, AjvClass> = {
  'draft-04': Ajv04,
  'draft-06': Ajv07 as unknown as AjvClass,
  'draft-07': Ajv07 as unknown as AjvClass,
  '2019-09': Ajv2019 as unknown as AjvClass,
  '2020-12': Ajv2020 as unknown as AjvClass,
};

export interface ContractAjvOptions {
  /**
   * Only the meta-schema check runs on this instance (it compiles no contract). Its code is generated
   * ahead of time (meta-standalone.ts); the drafts' own patterns are fixed and linear, so they run on
   * native RegExp, as in the generated code.
   */
  meta?: boolean;
  /** Keep the generated code (ajv `code.source`, as ES module): for generating the meta-schema validators. */
  standalone?: boolean;
}

/**
 * An ajv instance for contracts of one draft. User contracts are real-world
 * JSON Schemas: `x-*` annotations, union types and loose `required`/tuple/type
 * combinations are allowed (ajv's strict checks for those are relaxed);
 * unknown non-`x-` keywords are still errors. `multipleOf` is decimal-exact.
 * Compiling instances skip the meta-schema (it is checked once, on a
 * separate instance, before compiling: see compile.ts).
 */
export function createContractAjv(draft: Draft, options: ContractAjvOptions = {}): AjvCore {
  const ajv = new CLASSES[draft]({
    ...(!options.meta && { meta: false, validateSchema: false }),
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
    verbose: false,
    // Real schemas name a property that also matches a patternProperties pattern.
    allowMatchingProperties: true,
    // Warnings are not errors; a contract is refused or accepted, never logged about.
    logger: false,
    loadSchema: undefined,
    code: options.meta
      ? { ...(options.standalone && { source: true, esm: true }) }
      : { regExp: createSafeRegExp as never },
  });
  // ajv resolves `$anchor` but does not declare it as a keyword, so strict mode would call it unknown.
  if (draft === '2019-09' || draft === '2020-12') ajv.addKeyword({ keyword: '$anchor', schemaType: 'string' });
  if (options.meta && draft === 'draft-06') ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  if (!options.meta) {
    addFormats(ajv);
    addFastFormats(ajv);
    useDecimalMultipleOf(ajv);
  }
  return ajv;
}

let formatsSource: AjvCore | undefined;

/**
 * The check a contract validator applies for `format: name` (ajv-formats and
 * the fast formats, the very functions ajv calls), as `(value) => boolean`;
 * values of other JSON types pass, as in ajv. Undefined for a format no
 * contract may use (ajv refuses unknown formats) or an asynchronous one.
 */
export function formatCheck(name: string): ((value: unknown) => boolean) | undefined {
  formatsSource ??= createContractAjv('2020-12');
  const def = formatsSource.formats[name];
  if (def === undefined || def === true) return undefined;
  if (def instanceof RegExp) return (v) => typeof v !== 'string' || def.test(v);
  if (typeof def === 'function') return (v) => typeof v !== 'string' || (def as (s: string) => boolean)(v);
  if (def.async) return undefined;
  const type = def.type ?? 'string';
  const test = def.validate;
  const check =
    test instanceof RegExp
      ? (v: unknown) => test.test(String(v))
      : (v: unknown) => (test as (x: unknown) => boolean)(v);
  return (v) => typeof v !== type || check(v);
}
