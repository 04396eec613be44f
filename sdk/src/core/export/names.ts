import type { DataProduct, OutputPort } from '../product/types.js';

/** What every converter gets: the product, the port and its contract. */
export interface PortSource {
  product: DataProduct;
  port: OutputPort;
  contract: unknown;
}

/** `sales.orders/orders@1.1.0`: where a generated file came from. */
export const sourceId = (s: Pick<PortSource, 'product' | 'port'>): string =>
  `${s.product.metadata.domain}.${s.product.metadata.name}/${s.port.name}@${s.product.metadata.version}`;

/** `order-lines`, `Order line` → `OrderLines`, `OrderLine`: a type name. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_]/.test(name) ? name : `T${name}`;
}

/** `order-lines` → `order_lines`: a SQL or Avro name. */
export function snakeCase(text: string): string {
  const name = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .toLowerCase();
  return /^[a-z_]/.test(name) ? name : `_${name}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as TypeScript writes it: bare when it is an identifier, else quoted. */
export const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** Text safe inside a block comment. */
export const commentSafe = (text: string): string => text.replace(/\*\//g, '*\\/');

/** A block comment of lines, indented. */
export function blockComment(lines: string[], indent = ''): string[] {
  if (!lines.length) return [];
  return [`${indent}/**`, ...lines.map((l) => `${indent} *${l ? ` ${commentSafe(l)}` : ''}`), `${indent} */`];
}
