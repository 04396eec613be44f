import fc from 'fast-check';
import { checkCompatibility, readerImpact, type ReaderImpact } from '../../src/core/compat/index.js';
import { validatorFor } from '../../src/core/compat/ajv-pool.js';
import { mutate, schemaArb } from './schema-arbitraries.js';

const obj = (properties: Record<string, unknown>, required: string[] = [], extra: object = {}) => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const byPath = (r: ReaderImpact[]) => Object.fromEntries(r.map((x) => [x.path, x]));

/** The counterexample is valid under the proposed contract and rejected by the current one. */
function expectConfirmed(current: unknown, proposed: unknown, x: ReaderImpact): void {
  expect(x.counterexample).toBeDefined();
  expect(validatorFor(proposed)(x.counterexample)).toBe(true);
  expect(validatorFor(current)(x.counterexample)).toBe(false);
}

describe('readerImpact: what a change means for consumers that read given fields', () => {
  const events = obj({ user_id: { type: 'string' }, event: { type: 'string' } }, ['user_id', 'event']);

  it('the producer removes the previously required user_id: BACKWARD-compatible, yet readers of user_id break', () => {
    const proposed = obj({ event: { type: 'string' } }, ['event']);
    expect(checkCompatibility(events, proposed, 'BACKWARD').compatible).toBe(true);
    const r = byPath(readerImpact(events, proposed, ['user_id', 'event']));
    expect(r.user_id).toMatchObject({ breaks: true, code: 'PROPERTY_REMOVED', exact: true, declared: true });
    expect(r.user_id.message).toContain('user_id');
    expectConfirmed(events, proposed, r.user_id);
    expect(r.user_id.counterexample).not.toHaveProperty('user_id');
    expect(r.event).toEqual({ path: 'event', breaks: false, exact: true, declared: true, removed: false });
  });

  it('an optional field removed from a closed object shows no new value, but is marked removed for its readers', () => {
    const closed = {
      ...obj({ user_id: { type: 'string' }, event: { type: 'string' } }, ['event']),
      additionalProperties: false,
    };
    const proposed = { ...obj({ event: { type: 'string' } }, ['event']), additionalProperties: false };
    const r = byPath(readerImpact(closed, proposed, ['user_id', 'event']));
    expect(r.user_id).toMatchObject({ breaks: false, declared: true, removed: true });
    expect(r.event).toMatchObject({ breaks: false, removed: false });
  });

  it('a field no longer required, retyped, or widened breaks its readers; untouched fields do not', () => {
    const optional = obj({ user_id: { type: 'string' }, event: { type: 'string' } }, ['event']);
    expect(byPath(readerImpact(events, optional, ['user_id'])).user_id).toMatchObject({
      breaks: true,
      code: 'REQUIRED_REMOVED',
    });
    const retyped = obj({ user_id: { type: 'integer' }, event: { type: 'string' } }, ['user_id', 'event']);
    const r = byPath(readerImpact(events, retyped, ['user_id', 'event']));
    expect(r.user_id).toMatchObject({ breaks: true, code: 'TYPE_WIDENED' });
    expectConfirmed(events, retyped, r.user_id);
    expect(r.event.breaks).toBe(false);
    const enumWidened = byPath(
      readerImpact(obj({ s: { enum: ['a', 'b'] } }, ['s']), obj({ s: { enum: ['a', 'b', 'c'] } }, ['s']), ['s']),
    );
    expect(enumWidened.s).toMatchObject({ breaks: true, code: 'ENUM_VALUE_ADDED', counterexample: { s: 'c' } });
  });

  it('keeps the structure along a path: parents made nullable, arrays that may now be empty', () => {
    const address = obj({ city: { type: 'string' }, zip: { type: 'string' } }, ['city', 'zip']);
    const current = obj(
      { address, lines: { type: 'array', minItems: 1, items: obj({ sku: { type: 'string' } }, ['sku']) } },
      ['address', 'lines'],
    );
    const nullable = structuredClone(current) as any;
    nullable.properties.address = { anyOf: [{ type: 'null' }, address] };
    const r = byPath(readerImpact(current, nullable, ['address.city', 'lines.sku']));
    expect(r['address.city']).toMatchObject({ breaks: true });
    expectConfirmed(current, nullable, r['address.city']);
    expect(r['lines.sku'].breaks).toBe(false);
    const empty = structuredClone(current) as any;
    empty.properties.lines.minItems = 0;
    expect(byPath(readerImpact(current, empty, ['lines.sku', 'address.zip']))).toMatchObject({
      'lines.sku': { breaks: true, code: 'MIN_ITEMS_DECREASED' },
      'address.zip': { breaks: false },
    });
    const skuWidened = structuredClone(current) as any;
    skuWidened.properties.lines.items.properties.sku.type = ['string', 'null'];
    expect(byPath(readerImpact(current, skuWidened, ['lines.sku']))['lines.sku']).toMatchObject({
      breaks: true,
      code: 'TYPE_WIDENED',
    });
  });
});

describe('readerImpact projects each field’s effective schema and the constraints between read fields', () => {
  it('reads each field’s effective schema through $ref, allOf, a discriminated oneOf and patternProperties', () => {
    const current = {
      $defs: { money: { type: 'number', minimum: 0 } },
      allOf: [{ properties: { amount: { $ref: '#/$defs/money' } } }],
      oneOf: [
        obj({ kind: { const: 'a' }, v: { type: 'string' } }, ['kind']),
        obj({ kind: { const: 'b' }, v: { type: 'integer' } }, ['kind']),
      ],
      patternProperties: { '^x_': { type: 'string' } },
    };
    const proposed = structuredClone(current) as any;
    proposed.$defs.money.minimum = -10;
    proposed.oneOf[1].properties.v.type = ['integer', 'boolean'];
    proposed.patternProperties['^x_'] = { type: ['string', 'null'] };
    const r = byPath(readerImpact(current, proposed, ['amount', 'v', 'kind', 'x_note']));
    expect(r.amount).toMatchObject({ breaks: true, code: 'MINIMUM_DECREASED', exact: true });
    expect(r.v).toMatchObject({ breaks: true, exact: true });
    expect(r.kind.breaks).toBe(false);
    expect(r.x_note).toMatchObject({ breaks: true, declared: true });
    for (const p of ['amount', 'v', 'x_note']) expectConfirmed(current, proposed, r[p]);
  });

  it('keeps a dependentRequired between two read fields', () => {
    const current = obj({ a: { type: 'string' }, b: { type: 'string' } }, [], { dependentRequired: { a: ['b'] } });
    const proposed = obj({ a: { type: 'string' }, b: { type: 'string' } });
    expect(byPath(readerImpact(current, proposed, ['b'])).b.breaks).toBe(false);
    const both = byPath(readerImpact(current, proposed, ['a', 'b']));
    expect(both.a).toMatchObject({ breaks: true, code: 'DEPENDENT_REQUIRED_REMOVED' });
  });

  it('compares a draft-07 current contract with a 2020-12 proposed one', () => {
    const current = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { id: { type: 'string' } },
      type: 'object',
      properties: { user_id: { $ref: '#/definitions/id' } },
      required: ['user_id'],
    };
    const proposed = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { user_id: { type: ['string', 'null'] } },
      required: ['user_id'],
    };
    expect(byPath(readerImpact(current, proposed, ['user_id'])).user_id).toMatchObject({
      breaks: true,
      code: 'TYPE_WIDENED',
      counterexample: { user_id: null },
    });
  });
});

describe('readerImpact is cautious where it must be, and sound', () => {
  const events = obj({ user_id: { type: 'string' }, event: { type: 'string' } }, ['user_id', 'event']);

  it('is cautious where the current contract cannot be projected exactly (an overlapping oneOf)', () => {
    const current = { oneOf: [obj({ v: { type: 'integer' } }, ['v']), obj({ v: { type: 'number' } })] };
    const proposed = {
      oneOf: [
        obj({ v: { type: 'integer' } }, ['v']),
        obj({ v: { type: 'number' } }),
        obj({ w: { type: 'null' } }, ['w']),
      ],
    };
    const r = byPath(readerImpact(current, proposed, ['v']));
    expect(r.v.breaks).toBe(true);
    expect(byPath(readerImpact(current, current, ['v'])).v.breaks).toBe(false);
  });

  it('a misspelt read path is reported as not declared', () => {
    expect(byPath(readerImpact(events, events, ['user_idd'])).user_idd).toMatchObject({
      breaks: false,
      declared: false,
    });
  });

  it('property: FORWARD-compatible means no reader breaks, and every counterexample is confirmed', () => {
    const paths = ['a', 'b', 'c', 'a.b', 'b.c'];
    let breaks = 0;
    fc.assert(
      fc.property(schemaArb, fc.integer({ min: 1, max: 2 ** 30 }), (current, seed) => {
        const proposed = mutate(current, seed);
        let impact: ReaderImpact[];
        try {
          impact = readerImpact(current, proposed, paths);
        } catch {
          return; // a generated schema ajv refuses
        }
        if (checkCompatibility(current, proposed, 'FORWARD', { verify: false }).compatible)
          expect(impact.filter((x) => x.breaks)).toEqual([]);
        for (const x of impact.filter((i) => i.counterexample !== undefined)) {
          breaks++;
          expectConfirmed(current, proposed, x);
        }
      }),
      { numRuns: 80, seed: 424242 },
    );
    expect(breaks).toBeGreaterThan(5);
  });
});
