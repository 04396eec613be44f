import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSchema, OWN_SCHEMA_OPTIONS, SCHEMA_NAMES } from '../src/index.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;
const require = createRequire(import.meta.url);
const built = new URL('../dist/validators/', import.meta.url).pathname;
const fixtures = new URL('../fixtures/', import.meta.url).pathname;

/** Every fixture of a schema, valid and invalid. */
function documentsOf(name: string): unknown[] {
  return ['valid', 'invalid'].flatMap((kind) =>
    readdirSync(join(fixtures, kind))
      .filter((f) => f.startsWith(name) && f.endsWith('.yaml'))
      .map((f) => parse(readFileSync(join(fixtures, kind, f), 'utf8')) as unknown),
  );
}

// `npm test` builds first (turbo: test dependsOn build); the build writes dist/validators/.
describe('validators compiled at build time', () => {
  it.each(SCHEMA_NAMES)('%s gives the same verdict and errors as compiling at run time', (name) => {
    const file = join(built, `${name}.cjs`);
    expect(existsSync(file)).toBe(true);
    const ahead = require(file) as ValidateFunction;
    const now = addFormats(new Ajv2020(OWN_SCHEMA_OPTIONS)).compile(loadSchema(name));
    const documents = documentsOf(name);
    expect(documents.length).toBeGreaterThan(1);
    for (const doc of documents) {
      expect(ahead(doc)).toBe(now(doc));
      expect(ahead.errors ?? null).toEqual(now.errors ?? null);
    }
  });
});
