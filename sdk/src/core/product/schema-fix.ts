import type { DocumentProblem } from '@dmesh/contracts';

/** Turns a schema violation into the sentence and the fix a data engineer needs. */
export function describeSchemaProblem(p: DocumentProblem): { message: string; fix: string } {
  const where = p.path === '/' ? 'the document' : p.path;
  const params = p.params as Record<string, unknown>;
  switch (p.keyword) {
    case 'required':
      return { message: `${where} is required`, fix: `add "${String(params.missingProperty)}" to ${parent(p.path)}` };
    case 'additionalProperties':
      return {
        message: `${where} is not a known field`,
        fix: `remove "${String(params.additionalProperty)}" or check its spelling`,
      };
    case 'enum':
      return {
        message: `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        fix: 'use one of the allowed values',
      };
    case 'const':
      return {
        message: `${where} must be ${JSON.stringify(params.allowedValue)}`,
        fix: `set it to ${JSON.stringify(params.allowedValue)}`,
      };
    case 'pattern':
      return { message: `${where} ${p.message}`, fix: patternFix(p.path) };
    case 'discriminator':
      return {
        message: `${where}: ${p.message}`,
        fix: 'use one of: unique, not_null, accepted_values, range, regex, row_count, freshness, relationship',
      };
    case 'type':
      return { message: `${where} must be ${String(params.type)}`, fix: `write a ${String(params.type)} value` };
    default:
      return {
        message: `${where} ${p.message}`,
        fix: 'see contracts/schemas/dataproduct.schema.json for the allowed shape',
      };
  }
}

function parent(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? 'the top level' : path.slice(0, i);
}

function patternFix(path: string): string {
  if (/\/(domain|name|team|port)$|\/tags\/\d+$/.test(path))
    return 'use kebab-case: lowercase letters, digits and dashes, e.g. "order-lines"';
  if (path.endsWith('/version')) return 'use a semantic version such as 1.0.0';
  if (/freshness$|maxAge$/.test(path)) return 'use an ISO-8601 duration such as PT1H (one hour) or P1D (one day)';
  if (path.endsWith('/location')) return 'use a URI with a scheme, e.g. s3://lake/sales/orders/ or kafka://orders.v1';
  if (path.includes('/lineage/')) return 'reference upstream fields as <domain>.<product>/<port>#<field>';
  if (path.endsWith('/product')) return 'reference a product as <domain>.<product>';
  return 'match the documented format';
}
