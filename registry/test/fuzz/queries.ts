import fc from 'fast-check';
import { REST_LENGTHS } from '../../src/discovery/search/rest-query.js';

/** A read endpoint with the kind of each query parameter it takes. */
export interface Endpoint {
  path: string;
  params: Record<string, 'text' | 'list' | 'int' | 'bool' | 'enum' | 'id'>;
}

export const ENDPOINTS: Endpoint[] = [
  {
    path: '/v1/products',
    params: { q: 'text', domain: 'list', tag: 'list', field: 'text', first: 'int', after: 'text' },
  },
  {
    path: '/v1/lineage/products/sales.orders',
    params: { direction: 'enum', depth: 'int', budget: 'int', fieldLevel: 'bool' },
  },
  { path: '/v1/lineage/paths', params: { from: 'id', to: 'id' } },
  { path: '/v1/policies', params: { scope: 'id' } },
  { path: '/v1/waivers', params: { product: 'id' } },
];

/** Values no parameter of the kind accepts (the empty value among them). */
const BAD_VALUES = {
  text: fc.constantFrom('', 'a'.repeat(300)),
  /** Comma-separated values (?domain=a,b): each may be longer than a text, the whole list not. */
  list: fc.constantFrom('', ',', ' , ', 'a'.repeat(REST_LENGTHS.list + 1)),
  int: fc.constantFrom(
    '',
    '4.79e307',
    '-1',
    '1.5',
    '1e3',
    '0x10',
    ' 5',
    'NaN',
    'Infinity',
    '99999999999999999999',
    '0',
  ),
  bool: fc.constantFrom('', '4.79e307', '1', 'yes', 'TRUE', 'true '),
  enum: fc.constantFrom('', 'UP', 'downstream', 'BOTH ', 'sideways'),
  id: fc.constantFrom('', 'Sales.Orders', 'sales', 'sales.orders.x', '../etc', 'sales.orders/orders'),
};

/** Percent-encodings that are not UTF-8 text, or decode to NUL. */
const BAD_ENCODINGS = fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%ED%B0%80', '%E0%A4', '%', '%zz', '%C0%AF', '%FF');

const pair = (name: string, value: string) => `${encodeURIComponent(name)}=${value}`;

/** Some well-formed parameters of the endpoint, then one bad one, in any order. */
export function badQuery(e: Endpoint): fc.Arbitrary<string> {
  const names = Object.keys(e.params);
  const good = fc.subarray(names).map((ns) => ns.map((n) => pair(n, e.params[n] === 'int' ? '5' : 'x')));
  const name = fc.constantFrom(...names);
  const bad = fc.oneof(
    name.chain((n) => BAD_VALUES[e.params[n]].map((v) => pair(n, encodeURIComponent(v)))),
    fc.tuple(name, BAD_ENCODINGS).map(([n, v]) => pair(n, v)),
    fc.tuple(name, BAD_ENCODINGS).map(([, v]) => `${v}=1`),
    name.map((n) => `${pair(n, '1')}&${pair(n, '2')}`),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((n) => pair(n, '1')),
  );
  return fc.tuple(good, bad, fc.nat()).map(([parts, b, at]) => {
    const all = parts.filter((p) => !b.startsWith(p.split('=')[0] + '='));
    all.splice(at % (all.length + 1), 0, b);
    return all.join('&');
  });
}

/** A path segment for any text: UTF-8 percent-encoding, lone surrogates as the (invalid) bytes they would take. */
export function encodePathSegment(text: string): string {
  return [...text]
    .map((c) => {
      const unit = c.charCodeAt(0);
      if (c.length === 1 && unit >= 0xd800 && unit <= 0xdfff)
        return `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`;
      return encodeURIComponent(c);
    })
    .join('');
}
