import { readFileSync } from 'node:fs';
import '../../src/app.module.js';
import { ERROR_FAMILIES } from '../../src/common/registry-error.js';

const committed = (file: string) => readFileSync(new URL(`../../../contracts/${file}`, import.meta.url), 'utf8');

describe('error codes', () => {
  const codes = [...ERROR_FAMILIES.values()].flatMap((family) => Object.keys(family));

  it('are declared once across every context, each with a 4xx/5xx status and a meaning', () => {
    expect(codes.length).toBeGreaterThan(10);
    expect(new Set(codes).size).toBe(codes.length);
    for (const family of ERROR_FAMILIES.values())
      for (const spec of Object.values(family)) {
        expect(spec.status).toBeGreaterThanOrEqual(400);
        expect(spec.meaning.length).toBeGreaterThan(10);
      }
  });

  it('are each documented in the committed OpenAPI error body and the GraphQL schema', () => {
    const openapi = JSON.parse(committed('openapi.json'));
    const described: string = openapi.components.schemas.ErrorDto.properties.code.description;
    const sdl = committed('schema.graphql');
    expect(codes.filter((c) => !described.includes(`${c} (`) || !sdl.includes(`${c} (`))).toEqual([]);
  });
});
