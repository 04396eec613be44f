import type { DataProduct } from '../../src/core/product/types.js';
import type { PolicyContext, UpstreamFacts } from '../../src/core/governance/types.js';

/** A well-behaved product: every default policy passes on it. Tests break one thing at a time. */
export function product(
  overrides: {
    metadata?: Partial<DataProduct['metadata']>;
    port?: Record<string, unknown>;
    inputs?: DataProduct['spec']['inputs'];
  } = {},
): DataProduct {
  return {
    apiVersion: 'dmesh.io/v1',
    kind: 'DataProduct',
    metadata: {
      domain: 'sales',
      name: 'orders',
      version: '1.0.0',
      title: 'Orders',
      description: 'Every customer order, one row per order, updated hourly.',
      owner: { team: 'sales-data', email: 'sales@example.com' },
      classification: 'internal',
      tier: 'silver',
      ...overrides.metadata,
    },
    spec: {
      ...(overrides.inputs && { inputs: overrides.inputs }),
      outputs: [
        {
          name: 'orders',
          kind: 'table',
          format: 'parquet',
          location: 's3://lake/sales/orders/',
          contract: 'c.json',
          sla: { freshness: 'PT1H', availability: 99.9 },
          ...overrides.port,
        } as DataProduct['spec']['outputs'][0],
      ],
    },
  } as DataProduct;
}

export const CONTRACT = {
  type: 'object',
  properties: {
    order_id: { type: 'string', description: 'Order key.' },
    customer_id: { type: 'string', description: 'Customer key.' },
  },
};

export function context(
  d: DataProduct,
  extra: Partial<PolicyContext> = {},
  contract: unknown = CONTRACT,
): PolicyContext {
  return { descriptor: d, contracts: { 'c.json': contract }, offline: false, upstreams: [], ...extra };
}

export function upstream(overrides: Partial<UpstreamFacts> = {}): UpstreamFacts {
  return {
    product: 'customers.profiles',
    port: 'profiles',
    range: '^2.0.0',
    resolved: '2.1.0',
    published: true,
    lineState: 'active',
    classification: 'confidential',
    portFound: true,
    sla: { freshness: 'PT15M' },
    fields: [
      { path: 'customer_id', type: 'string' },
      { path: 'email', type: 'string', classification: 'pii' },
    ],
    ...overrides,
  };
}
