import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

const sdl = readFileSync(new URL('../../../contracts/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);
const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t));

describe('the committed GraphQL schema', () => {
  it('describes every type, field and argument', () => {
    const missing: string[] = [];
    for (const type of types) {
      if (!type.description?.trim()) missing.push(type.name);
      if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('writes enum values in GraphQL case (AT_RISK, MET), whatever REST writes', () => {
    const lower = types.filter(isEnumType).flatMap((e) =>
      e
        .getValues()
        .filter((v) => v.name !== v.name.toUpperCase())
        .map((v) => `${e.name}.${v.name}`),
    );
    expect(lower).toEqual([]);
    expect(schema.getType('SlaStatus')).toBeDefined();
  });

  it('types quality rules, SLA promises and the compatibility and governance reports instead of JSON', () => {
    const json = (type: string, field: string) => String((schema.getType(type) as any).getFields()[field].type);
    expect([
      json('OutputPort', 'quality'),
      json('OutputPort', 'sla'),
      json('ProductVersion', 'compatibility'),
      json('ProductVersion', 'governance'),
    ]).toEqual(['[QualityRule!]!', 'SlaPromise', 'CompatibilityReport!', 'GovernanceReport']);
  });
});
