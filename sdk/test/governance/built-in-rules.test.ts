import {
  DEFAULT_GLOBAL_POLICIES,
  evaluatePolicies,
  type Policy,
  type PolicyContext,
} from '../../src/core/governance/index.js';
import { context, product, upstream } from './context.js';

const policy = (id: string): Policy => DEFAULT_GLOBAL_POLICIES.find((p) => p.id === id)!;
const run = (id: string, ctx: PolicyContext) => evaluatePolicies([policy(id)], ctx, [], '2026-11-22').results[0];
const lineage = { customer_id: ['customers.profiles/profiles#customer_id'] };
const inputs = [{ product: 'customers.profiles', port: 'profiles', version: '^2.0.0' }];

describe('every default policy passes a well-behaved product', () => {
  it.each(DEFAULT_GLOBAL_POLICIES.map((p) => p.id).filter((id) => id !== 'deprecation-window'))('%s', (id) => {
    const ctx = context(product({ inputs, port: { lineage } }), {
      upstreams: [upstream()],
      compatibility: { requiredBump: 'minor', base: '0.9.0', verdict: { ok: true }, breaking: [] },
    });
    expect(run(id, ctx)).toMatchObject({ status: 'passed', message: 'passed' });
  });
});

describe('each default policy fails a crafted product, with the message and the fix', () => {
  const cases: [string, PolicyContext, string, 'failed' | 'warning', string][] = [
    [
      'documentation',
      context(product({ metadata: { description: 'Orders.' } })),
      'the product description has 7 characters; at least 20 are expected',
      'warning',
      '/metadata/description',
    ],
    [
      'documentation',
      context(product(), {}, { type: 'object', properties: { order_id: { type: 'string' } } }),
      'c.json: 1 field(s) without a description: order_id',
      'warning',
      'c.json#/properties',
    ],
    [
      'naming',
      context(product(), {}, { type: 'object', properties: { orderId: { type: 'string', description: 'x' } } }),
      'c.json: field name(s) not in snake_case: orderId',
      'warning',
      'c.json#/properties',
    ],
    [
      'compatibility',
      context(product({ port: { compatibility: 'FORWARD' } })),
      'port "orders" uses compatibility FORWARD, below the floor BACKWARD',
      'failed',
      '/spec/outputs/0/compatibility',
    ],
    [
      'compatibility',
      context(product(), {
        compatibility: {
          requiredBump: 'major',
          base: '1.0.0',
          verdict: {
            ok: false,
            message: '1.1.0 carries breaking changes against 1.0.0, which need a new major version',
            fix: 'publish 2.0.0',
          },
          breaking: [],
        },
      }),
      '1.1.0 carries breaking changes against 1.0.0, which need a new major version',
      'failed',
      '/metadata/version',
    ],
    [
      'pii-classification',
      context(
        product(),
        {},
        { type: 'object', properties: { email: { type: 'string', description: 'e', 'x-classification': 'pii' } } },
      ),
      '1 PII field(s) (orders#email) in a product classified internal',
      'failed',
      '/metadata/classification',
    ],
    [
      'pii-classification',
      context(product({ inputs, port: { lineage: { contact: ['customers.profiles/profiles#email'] } } }), {
        upstreams: [upstream()],
      }),
      'orders#contact derives from PII customers.profiles/profiles#email (confidential) into a product classified internal',
      'failed',
      '/spec/outputs/0/lineage/contact',
    ],
    [
      'lineage-integrity',
      context(product({ inputs }), { upstreams: [upstream({ resolved: undefined })] }),
      'no published, non-retired version of customers.profiles satisfies "^2.0.0"',
      'failed',
      '/spec/inputs/0/version',
    ],
    [
      'lineage-integrity',
      context(product({ inputs }), { upstreams: [upstream({ published: false, resolved: undefined })] }),
      'input customers.profiles is not published in this registry',
      'failed',
      '/spec/inputs/0/product',
    ],
    [
      'lineage-integrity',
      context(product({ inputs }), {
        upstreams: [upstream()],
        cycle: ['sales.orders', 'customers.profiles', 'sales.orders'],
      }),
      'this version closes a lineage cycle: sales.orders -> customers.profiles -> sales.orders',
      'failed',
      '/spec/inputs',
    ],
    [
      'lineage-integrity',
      context(product({ inputs, port: { lineage: { customer_id: ['customers.profiles/profiles#customer_key'] } } }), {
        upstreams: [upstream()],
      }),
      'customers.profiles/profiles@2.1.0 has no field "customer_key"',
      'failed',
      '/spec/outputs/0/lineage/customer_id/0',
    ],
    [
      'lineage-integrity',
      context(product({ inputs }), { upstreams: [upstream({ lineState: 'deprecated', sunset: '2027-01-31' })] }),
      'input customers.profiles@2.1.0 is in a deprecated major line (sunset 2027-01-31)',
      'warning',
      '/spec/inputs/0/version',
    ],
    [
      'sla-minimums',
      context(product({ metadata: { tier: 'gold' }, port: { sla: { freshness: 'P2D', availability: 99 } } })),
      'port "orders" promises availability 99; gold products promise at least 99.5',
      'failed',
      '/spec/outputs/0/sla/availability',
    ],
    [
      'sla-feasibility',
      context(product({ inputs, port: { lineage, sla: { freshness: 'PT5M' } } }), { upstreams: [upstream()] }),
      'port "orders" promises freshness PT5M, but it reads customers.profiles/profiles, which promises only PT15M',
      'warning',
      '/spec/outputs/0/sla/freshness',
    ],
  ];

  it.each(cases)('%s: %s', (id, ctx, message, status, path) => {
    const result = run(id, ctx);
    expect(result.status).toBe(status);
    expect(result.findings.map((f) => f.message)).toContain(message);
    const finding = result.findings.find((f) => f.message === message)!;
    expect(finding.fix).toEqual(expect.any(String));
    expect(finding.path).toBe(path);
  });
});

describe('offline evaluation', () => {
  it('reports what needs the registry as skipped, never as passed', () => {
    const ctx: PolicyContext = {
      ...context(product({ inputs, port: { lineage } })),
      offline: true,
      upstreams: undefined,
    };
    const report = evaluatePolicies(DEFAULT_GLOBAL_POLICIES, ctx, [], '2026-11-22');
    const status = Object.fromEntries(report.results.map((r) => [r.policy, r.status]));
    expect(status).toMatchObject({
      'lineage-integrity': 'skipped',
      'sla-feasibility': 'skipped',
      compatibility: 'skipped',
      documentation: 'passed',
    });
    expect(report.results.find((r) => r.policy === 'deprecation-window')).toBeUndefined();
  });
});

describe('waivers', () => {
  const failing = context(product({ port: { compatibility: 'NONE' } }));
  it('shows a waived failure as waived, not passed, and lets the publish through', () => {
    const report = evaluatePolicies(
      [policy('compatibility')],
      failing,
      [{ policy: 'compatibility', product: 'sales.orders', until: '2026-12-31', reason: 'migration in progress' }],
      '2026-11-22',
    );
    expect(report.passed).toBe(true);
    expect(report.results[0]).toMatchObject({
      status: 'waived',
      waiver: { until: '2026-12-31', reason: 'migration in progress' },
    });
  });
  it('stops applying once expired', () => {
    const report = evaluatePolicies(
      [policy('compatibility')],
      failing,
      [{ policy: 'compatibility', product: 'sales.orders', until: '2026-11-21', reason: 'old' }],
      '2026-11-22',
    );
    expect(report.passed).toBe(false);
    expect(report.results[0].status).toBe('failed');
  });
  it('applies to its own product only', () => {
    const report = evaluatePolicies(
      [policy('compatibility')],
      failing,
      [{ policy: 'compatibility', product: 'sales.refunds', until: '2026-12-31', reason: 'x' }],
      '2026-11-22',
    );
    expect(report.results[0].status).toBe('failed');
  });
});

describe('JSON-Schema policies', () => {
  it('evaluate the resolved descriptor (defaults explicit) and name the path', () => {
    const bucket: Policy = {
      id: 'sales-bucket',
      title: 'Sales bucket',
      scope: 'domain:sales',
      severity: 'error',
      rule: {
        type: 'json-schema',
        schema: {
          properties: {
            spec: {
              properties: {
                outputs: {
                  items: {
                    properties: { location: { pattern: '^s3://lake/sales/' }, compatibility: { const: 'BACKWARD' } },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(evaluatePolicies([bucket], context(product()), [], '2026-11-22').passed).toBe(true);
    const bad = evaluatePolicies(
      [bucket],
      context(product({ port: { location: 's3://lake/finance/x/' } })),
      [],
      '2026-11-22',
    );
    expect(bad.results[0]).toMatchObject({
      status: 'failed',
      findings: [
        {
          path: '/spec/outputs/0/location',
          message: '/spec/outputs/0/location must match pattern "^s3://lake/sales/"',
        },
      ],
    });
  });
});
