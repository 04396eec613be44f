import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { IntParam, TextParam } from './query-pipes.js';

/**
 * The forms of the ids in REST paths, enforced by pipes (400 naming the
 * parameter) and published in the OpenAPI document with the same patterns.
 */
const KEBAB = '[a-z][a-z0-9]*(-[a-z0-9]+)*';

interface IdForm {
  pattern: string;
  maxLength: number;
  form: string;
  example: string;
}

export const ID_FORMS = {
  product: {
    pattern: `^${KEBAB}\\.${KEBAB}$`,
    maxLength: 127,
    form: 'a product id <domain>.<product> (kebab-case)',
    example: 'sales.orders',
  },
  port: { pattern: `^${KEBAB}$`, maxLength: 63, form: 'a port name (kebab-case)', example: 'orders' },
  domain: { pattern: `^${KEBAB}$`, maxLength: 63, form: 'a domain name (kebab-case)', example: 'finance' },
  consumer: {
    pattern: `^${KEBAB}$`,
    maxLength: 63,
    form: 'the name of a consumer outside the mesh (kebab-case)',
    example: 'exec-kpis',
  },
  version: {
    pattern:
      '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$',
    maxLength: 100,
    form: 'a semantic version',
    example: '1.2.0',
  },
  policy: { pattern: `^${KEBAB}$`, maxLength: 100, form: 'a policy id (kebab-case)', example: 'owner-required' },
  waiver: {
    pattern: '^[1-9][0-9]{0,17}$',
    maxLength: 18,
    form: 'a waiver id (a positive whole number)',
    example: '12',
  },
} satisfies Record<string, IdForm>;

export type IdKind = keyof typeof ID_FORMS;

/** The pipe that checks a path parameter has its id form. */
export function idPipe(kind: IdKind): TextParam {
  const form: IdForm = ID_FORMS[kind];
  return new TextParam(form.maxLength, { regex: new RegExp(form.pattern), form: form.form });
}

/** The JSON Schema of an id, for query parameters that carry one. */
export const idSchema = (kind: IdKind) => ({
  type: 'string' as const,
  pattern: ID_FORMS[kind].pattern,
  maxLength: ID_FORMS[kind].maxLength,
});

/** A major version number in a path. */
export const MAJOR_PIPE = new IntParam(0, 999_999);

/** The OpenAPI description of path parameters: each name with its id form. */
export function ApiIds(params: Record<string, IdKind | 'major'>): MethodDecorator {
  return applyDecorators(
    ...Object.entries(params).map(([name, kind]) =>
      kind === 'major'
        ? ApiParam({ name, schema: { type: 'integer', minimum: 0, maximum: 999_999 }, example: 2 })
        : ApiParam({
            name,
            description: `${ID_FORMS[kind].form[0].toUpperCase()}${ID_FORMS[kind].form.slice(1)}.`,
            schema: idSchema(kind),
            example: ID_FORMS[kind].example,
          }),
    ),
  );
}
