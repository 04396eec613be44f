import { parseId } from '@dmesh/sdk';
import { RequestError } from '../common/registry-error.js';

/** `<domain>.<product>`, or a RegistryError naming the argument and the expected form. */
export function parseProductId(text: string, argument: string): string {
  const id = parseId(text);
  if (!id || id.port || id.version || id.field) {
    throw new RequestError('BAD_REQUEST', `${argument} "${text}" is not a product id`, [
      {
        code: 'BAD_PRODUCT_ID',
        path: argument,
        message: `"${text}" is not <domain>.<product>`,
        fix: 'use e.g. sales.orders',
      },
    ]);
  }
  return `${id.domain}.${id.product}`;
}

/** `<domain>.<product>/<port>` as its two parts. */
export function parsePortId(text: string, argument: string): { product: string; port: string } {
  const id = parseId(text);
  if (!id || !id.port || id.version || id.field) {
    throw new RequestError('BAD_REQUEST', `${argument} "${text}" is not a port id`, [
      {
        code: 'BAD_PORT_ID',
        path: argument,
        message: `"${text}" is not <domain>.<product>/<port>`,
        fix: 'use e.g. sales.orders/orders',
      },
    ]);
  }
  return { product: `${id.domain}.${id.product}`, port: id.port };
}

export function checkedInt(
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
  argument: string,
): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RequestError(
      'BAD_REQUEST',
      `${argument} must be an integer from ${min} to ${max}, got ${String(value)}`,
      [
        {
          code: 'BAD_ARGUMENT',
          path: argument,
          message: `${argument} out of range`,
          fix: `pass ${argument} between ${min} and ${max}`,
        },
      ],
    );
  }
  return value;
}
