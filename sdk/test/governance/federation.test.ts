import fc from 'fast-check';
import { COMPATIBILITY_MODES } from '../../src/core/compat/types.js';
import {
  BUILT_IN,
  checkDomainPolicy,
  checkRetirement,
  DEFAULT_GLOBAL_POLICIES,
  effectivePolicies,
  evaluatePolicies,
  type Policy,
  type PolicyContext,
} from '../../src/core/governance/index.js';
import { context, product, upstream } from './context.js';

const CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
const TIERS = ['bronze', 'silver', 'gold'] as const;
const durations = fc.constantFrom('PT5M', 'PT15M', 'PT1H', 'PT6H', 'P1D', 'P2D');

/** A product context with random properties every built-in looks at. */
const contexts: fc.Arbitrary<PolicyContext> = fc
  .record({
    mode: fc.constantFrom(...COMPATIBILITY_MODES),
    breaking: fc.boolean(),
    description: fc.string({ minLength: 0, maxLength: 60 }).map((s) => s + 'x'),
    documented: fc.boolean(),
    classification: fc.constantFrom(...CLASSES),
    upstreamClass: fc.constantFrom(...CLASSES),
    piiField: fc.boolean(),
    readsPii: fc.boolean(),
    lineState: fc.constantFrom('active', 'deprecated') as fc.Arbitrary<'active' | 'deprecated'>,
    tier: fc.constantFrom(...TIERS),
    availability: fc.double({ min: 90, max: 100, noNaN: true }),
    completeness: fc.double({ min: 90, max: 100, noNaN: true }),
    freshness: durations,
  })
  .map((r) => {
    const props: Record<string, unknown> = {
      order_id: { type: 'string', ...(r.documented && { description: 'Order key.' }) },
    };
    if (r.piiField) props.email = { type: 'string', description: 'E-mail.', 'x-classification': 'pii' };
    const d = product({
      metadata: { description: r.description, classification: r.classification, tier: r.tier },
      inputs: [{ product: 'customers.profiles', port: 'profiles', version: '^2.0.0' }],
      port: {
        compatibility: r.mode,
        sla: { availability: r.availability, completeness: r.completeness, freshness: r.freshness },
        lineage: { contact: [`customers.profiles/profiles#${r.readsPii ? 'email' : 'customer_id'}`] },
      },
    });
    return context(
      d,
      {
        upstreams: [upstream({ classification: r.upstreamClass, lineState: r.lineState })],
        compatibility: {
          requiredBump: r.breaking ? 'major' : 'minor',
          base: '1.0.0',
          verdict: r.breaking ? { ok: false, message: 'breaking', fix: 'publish 2.0.0' } : { ok: true },
          breaking: [],
        },
      },
      { type: 'object', properties: props },
    );
  });

const tierMin = fc.record(
  {
    availability: fc.double({ min: 90, max: 100, noNaN: true }),
    completeness: fc.double({ min: 90, max: 100, noNaN: true }),
    freshness: durations,
  },
  { requiredKeys: [] },
);
const PARAMS: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  compatibility: fc.record({ mode: fc.constantFrom(...COMPATIBILITY_MODES), breakingNeedsMajor: fc.boolean() }),
  documentation: fc.record({ minDescriptionLength: fc.integer({ min: 0, max: 60 }), fieldDescriptions: fc.boolean() }),
  naming: fc.record({ fieldCase: fc.constantFrom('snake_case', 'camelCase') }),
  'pii-classification': fc.record({ minClassification: fc.constantFrom(...CLASSES), flow: fc.boolean() }),
  'lineage-integrity': fc.record({ deprecatedInputs: fc.constantFrom('warning', 'error') }),
  'sla-minimums': fc.record({ bronze: tierMin, silver: tierMin, gold: tierMin }, { requiredKeys: [] }),
  'deprecation-window': fc.record({ minDays: fc.integer({ min: 0, max: 90 }) }),
};

/** sla-minimums with every minimum raised by `by` (capped at 100): tighter than or equal to the original. */
function raised(params: Record<string, unknown>, by: number): Record<string, unknown> {
  const tiers = params as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(tiers).map(([tier, min]) => [
      tier,
      Object.fromEntries(Object.entries(min).map(([k, v]) => [k, typeof v === 'number' ? Math.min(100, v + by) : v])),
    ]),
  );
}

/**
 * Two parameter sets of a built-in. Independent sla-minimums are almost never comparable (every minimum of
 * every tier must be ordered the same way), so half its pairs are a draw and the same draw raised.
 */
function pairsOf(type: string): fc.Arbitrary<[Record<string, unknown>, Record<string, unknown>]> {
  const independent = fc.tuple(PARAMS[type], PARAMS[type]);
  if (type !== 'sla-minimums') return independent;
  const tightened = fc
    .tuple(PARAMS[type], fc.double({ min: 0, max: 5, noNaN: true }))
    .map(([b, by]): [Record<string, unknown>, Record<string, unknown>] => [raised(b, by), b]);
  return fc.oneof(independent, tightened);
}

/** Does a built-in with these parameters block this product (non-advisory findings)? */
function blocks(type: string, params: Record<string, unknown>, ctx: PolicyContext): boolean {
  const out = BUILT_IN[type as keyof typeof BUILT_IN].evaluate(
    { ...BUILT_IN[type as keyof typeof BUILT_IN].defaults, ...params },
    ctx,
  );
  return Array.isArray(out) && out.some((f) => !f.advisory);
}

describe('parameter orders are sound: a tighter built-in blocks at least what a looser one blocks', () => {
  it.each(Object.keys(PARAMS).filter((t) => t !== 'deprecation-window'))('%s', (type) => {
    let comparable = 0;
    fc.assert(
      fc.property(pairsOf(type), contexts, ([a, b], ctx) => {
        const rule = BUILT_IN[type as keyof typeof BUILT_IN];
        const full = (p: Record<string, unknown>) => ({ ...rule.defaults, ...p });
        if (!rule.tighterOrEqual(full(a), full(b))) return;
        comparable++;
        if (blocks(type, b, ctx)) expect(blocks(type, a, ctx)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(comparable).toBeGreaterThan(0);
  });

  it('deprecation-window: a longer window refuses every retirement a shorter one refuses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        (x, y, days, consumers) => {
          const [short, long] = [Math.min(x, y), Math.max(x, y)];
          const facts = {
            deprecatedAt: '2026-01-01T00:00:00Z',
            sunset: new Date(Date.parse('2026-01-01') + days * 86_400_000).toISOString().slice(0, 10),
            consumers: consumers ? ['a.b'] : [],
            today: '2027-01-01',
          };
          if (checkRetirement(short, facts)) expect(checkRetirement(long, facts)).toBeDefined();
        },
      ),
    );
  });
});

describe('federation: the effective set is never weaker than the global set', () => {
  const domainPolicy: fc.Arbitrary<Policy> = fc.constantFrom(...Object.keys(PARAMS)).chain((type) =>
    fc
      .record({
        params: PARAMS[type],
        severity: fc.constantFrom('error', 'warning') as fc.Arbitrary<'error' | 'warning'>,
        n: fc.nat(1000),
      })
      .map(
        ({ params, severity, n }) =>
          ({
            id: `sales-${type}-${n}`,
            title: type,
            scope: 'domain:sales',
            severity,
            rule: { type, params },
          }) as Policy,
      ),
  );

  it('for any domain policies the registry accepts, every global failure still fails', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(domainPolicy, { maxLength: 4 }), contexts, (candidates, ctx) => {
        const domain = candidates.filter((p) =>
          checkDomainPolicy(p, DEFAULT_GLOBAL_POLICIES).length ? (refused++, false) : (accepted++, true),
        );
        const globalOnly = evaluatePolicies(DEFAULT_GLOBAL_POLICIES, ctx, [], '2026-11-22');
        const effective = evaluatePolicies(
          effectivePolicies([...DEFAULT_GLOBAL_POLICIES, ...domain], 'sales'),
          ctx,
          [],
          '2026-11-22',
        );
        for (const g of globalOnly.results.filter((r) => r.status === 'failed')) {
          expect(effective.results.find((r) => r.policy === g.policy)?.status).toBe('failed');
        }
        if (!globalOnly.passed) expect(effective.passed).toBe(false);
      }),
      { numRuns: 400 },
    );
    // The generator must exercise both sides of the federation check.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });

  it('refuses a domain policy that loosens a global error policy, naming it', () => {
    const loose: Policy = {
      id: 'sales-compat',
      title: 'x',
      scope: 'domain:sales',
      severity: 'error',
      rule: { type: 'compatibility', params: { mode: 'NONE' } },
    };
    expect(checkDomainPolicy(loose, DEFAULT_GLOBAL_POLICIES)).toEqual([
      expect.objectContaining({
        path: '/rule/params',
        message: expect.stringContaining('loosens the global error policy "compatibility"'),
      }),
    ]);
    const tighter: Policy = { ...loose, rule: { type: 'compatibility', params: { mode: 'FULL_TRANSITIVE' } } };
    expect(checkDomainPolicy(tighter, DEFAULT_GLOBAL_POLICIES)).toEqual([]);
  });

  it('lets a domain leave out parameters it inherits (finance gold availability only)', () => {
    const finance: Policy = {
      id: 'finance-sla',
      title: 'x',
      scope: 'domain:finance',
      severity: 'error',
      rule: { type: 'sla-minimums', params: { gold: { availability: 99.9 } } },
    };
    expect(checkDomainPolicy(finance, DEFAULT_GLOBAL_POLICIES)).toEqual([]);
    const looser: Policy = { ...finance, rule: { type: 'sla-minimums', params: { gold: { availability: 99 } } } };
    expect(checkDomainPolicy(looser, DEFAULT_GLOBAL_POLICIES)[0].message).toContain('"sla-minimums"');
  });
});
