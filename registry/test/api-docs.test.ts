import { readFileSync } from 'node:fs';
import { renderApiDocs } from '../src/api-docs.js';

const committed = (file: string) => readFileSync(new URL(`../../contracts/${file}`, import.meta.url), 'utf8');

describe('committed API documents', () => {
  it('contracts/openapi.json and contracts/schema.graphql match the application (run `npm run generate -w @dmesh/registry` when this fails)', async () => {
    const docs = await renderApiDocs();
    expect(committed('openapi.json')).toBe(docs.openapi);
    expect(committed('schema.graphql')).toBe(docs.sdl);
    const openapi = JSON.parse(docs.openapi);
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/v1/products/{id}/versions', '/v1/products', '/v1/products/{id}', '/v1/domains']),
    );
  });
});
