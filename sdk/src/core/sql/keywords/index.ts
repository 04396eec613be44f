import { boundKeyword } from './bounds.js';
import { constKeyword, enumKeyword } from './enum.js';
import type { KeywordTranslator } from './keyword.js';
import { multipleOfKeyword } from './multiple-of.js';
import { formatKeyword, lengthKeyword, patternKeyword } from './string.js';
import { typeKeyword } from './type.js';

export type { KeywordResult, KeywordTranslator } from './keyword.js';

/** The keywords a property's schema may have for SQL to judge it; every other keyword is judged in streaming. */
export const SQL_KEYWORDS: Record<string, KeywordTranslator> = {
  type: typeKeyword,
  enum: enumKeyword,
  const: constKeyword,
  minimum: boundKeyword('minimum'),
  maximum: boundKeyword('maximum'),
  exclusiveMinimum: boundKeyword('exclusiveMinimum'),
  exclusiveMaximum: boundKeyword('exclusiveMaximum'),
  multipleOf: multipleOfKeyword,
  minLength: lengthKeyword('minLength'),
  maxLength: lengthKeyword('maxLength'),
  pattern: patternKeyword,
  format: formatKeyword,
};

/** Keywords that never fail a record. */
export const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);

/** Keywords that apply other schemas at the property's own path: the property is then judged wholly in streaming. */
export const APPLICATORS = new Set([
  '$ref',
  '$dynamicRef',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}
