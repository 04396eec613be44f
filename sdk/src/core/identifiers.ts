/**
 * Identifiers have one form everywhere (CLI, REST, GraphQL, messages):
 * `<domain>.<product>[/<port>][@<version>][#<field>]`.
 */
export interface ParsedId {
  domain: string;
  product: string;
  port?: string;
  version?: string;
  field?: string;
}

const KEBAB = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
export const KEBAB_CASE = new RegExp(`^${KEBAB}$`);
const ID = new RegExp(
  `^(${KEBAB})\\.(${KEBAB})(?:/(${KEBAB}))?(?:@([0-9A-Za-z.+-]+))?(?:#([A-Za-z_$][\\w$-]*(?:\\.[A-Za-z_$][\\w$-]*)*))?$`,
);

/** Parses an identifier, or returns undefined when it is not of the documented form. */
export function parseId(text: string): ParsedId | undefined {
  const m = ID.exec(text);
  if (!m) return undefined;
  const [, domain, product, port, version, field] = m;
  return {
    domain,
    product,
    ...(port !== undefined && { port }),
    ...(version !== undefined && { version }),
    ...(field !== undefined && { field }),
  };
}

export function formatId(id: ParsedId): string {
  return (
    `${id.domain}.${id.product}` +
    (id.port ? `/${id.port}` : '') +
    (id.version ? `@${id.version}` : '') +
    (id.field ? `#${id.field}` : '')
  );
}

export function productId(domain: string, product: string): string {
  return `${domain}.${product}`;
}

export const ID_FORM =
  '<domain>.<product>[/<port>][@<version>][#<field>] with kebab-case names, e.g. sales.orders/orders@2.1.0';
