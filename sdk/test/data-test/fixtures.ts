import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QualityRule } from '../../src/core/quality/types.js';

export const NOW = new Date('2024-05-01T12:00:00Z');

export const ORDERS_CONTRACT = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['order_id', 'amount'],
  properties: {
    order_id: { type: 'string', 'x-primary-key': true },
    customer_id: { type: ['string', 'null'] },
    amount: { type: 'number' },
    status: { type: 'string' },
    currency: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    coupon: { type: ['string', 'null'] },
    address: { type: 'object', properties: { city: { type: 'string' } } },
  },
};

export const ORDERS_RULES: QualityRule[] = [
  { rule: 'unique', field: 'order_id' },
  { rule: 'not_null', fields: ['order_id', 'customer_id', 'amount'] },
  { rule: 'accepted_values', field: 'status', values: ['placed', 'shipped', 'delivered', 'cancelled'] },
  { rule: 'range', field: 'amount', min: 0 },
  { rule: 'regex', field: 'currency', pattern: '^[A-Z]{3}$' },
  { rule: 'row_count', min: 1 },
  { rule: 'freshness', field: 'created_at', maxAge: 'PT2H' },
  { rule: 'relationship', field: 'customer_id', ref: 'customers.profiles/profiles#customer_id' },
  { rule: 'not_null', fields: ['coupon'], severity: 'warning' },
];

const order = (o: Record<string, unknown>) =>
  JSON.stringify({ status: 'placed', currency: 'USD', created_at: '2024-05-01T09:00:00Z', ...o });

/** Planted problems, one per line (line numbers in comments). */
export const PLANTED_JSONL =
  [
    order({
      order_id: 'o1',
      customer_id: 'c1',
      amount: 10,
      created_at: '2024-05-01T10:00:00Z',
      coupon: 'X',
      address: { city: 'Oslo' },
    }), // 1 ok
    order({
      order_id: 'o2',
      customer_id: 'c2',
      amount: 20,
      status: 'shipped',
      currency: 'EUR',
      created_at: '2024-05-01T11:00:00Z',
      coupon: null,
      address: { city: 'Rome' },
    }), // 2 ok
    '', // 3 blank
    '{not json', // 4 bad input
    order({ order_id: 'o1', customer_id: 'c1', amount: 5, coupon: 'Y', address: { city: 'Oslo' } }), // 5 duplicate o1
    order({ order_id: 'o3', customer_id: 'c1', amount: -5 }), // 6 range
    order({ order_id: 'o4', customer_id: 'c2', amount: 7, status: 'lost' }), // 7 accepted_values
    order({ order_id: 'o5', customer_id: 'c1', amount: 8, currency: 'usd' }), // 8 regex
    order({ order_id: 'o6', amount: 9 }), // 9 not_null customer_id
    order({ order_id: 'o7', customer_id: 'c9', amount: 3 }), // 10 relationship
    order({ order_id: 'o8', customer_id: 'c1', amount: '12' }), // 11 contract type + range
    order({ customer_id: 'c2', amount: 1 }), // 12 contract required + not_null
  ].join('\n') + '\n';

export const PLANTED_CSV =
  [
    'order_id,customer_id,amount,status,currency,created_at,coupon', // 1 header
    'o1,c1,10,placed,USD,2024-05-01T10:00:00Z,X', // 2 ok
    'o2,c2,abc,shipped,EUR,2024-05-01T11:00:00Z,', // 3 contract type + range; coupon null
    'o3,,5,placed,USD,2024-05-01T09:00:00Z,""', // 4 customer_id null; coupon ""
    'o1,c1,1,placed,USD,2024-05-01T09:00:00Z,Y', // 5 duplicate
    'o4,c1,2', // 6 wrong cell count
    '"o5","c2","3","placed","US""D","2024-05-01T09:00:00Z","multi', // 7 regex (currency US"D)
    'line"', // 8 (inside the quoted coupon)
    'o6,c2,4,placed,USD,2024-05-01T09:00:00Z,Z', // 9 ok
  ].join('\r\n') + '\r\n';

export const PROFILES_JSONL = ['{"customer_id":"c1"}', '{"customer_id":"c2"}'].join('\n') + '\n';

export function tempDir(prefix = 'dmesh-data-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Many order-like lines with planted problems at fixed intervals (for the workers comparison). */
export function manyOrders(count: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    if (i % 997 === 0) lines.push('{oops');
    else if (i % 101 === 0) lines.push(order({ order_id: `o${i - 50}`, customer_id: 'c1', amount: 1 }));
    else if (i % 89 === 0) lines.push(order({ order_id: `o${i}`, customer_id: 'c9', amount: -1, currency: 'x' }));
    else if (i % 53 === 0) lines.push(order({ order_id: `o${i}`, amount: 'n/a' }));
    else
      lines.push(
        order({
          order_id: `o${i}`,
          customer_id: i % 2 ? 'c1' : 'c2',
          amount: i % 500,
          created_at: new Date(Date.UTC(2024, 4, 1, 0, 0, i % 3600)).toISOString(),
        }),
      );
  }
  return lines.join('\n') + '\n';
}
