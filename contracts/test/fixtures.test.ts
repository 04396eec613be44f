import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateDocument, SCHEMA_NAMES, loadSchema } from '../src/index.js';

const dir = new URL('../fixtures/', import.meta.url).pathname;

/** Each fixture names its schema (`# schema: x`); invalid ones the exact path and keyword reported (`# expect: /path keyword`). */
function readFixture(kind: 'valid' | 'invalid', file: string) {
  const text = readFileSync(join(dir, kind, file), 'utf8');
  const schema = /^# schema: (\S+)/m.exec(text)?.[1];
  const expect = /^# expect: (\S+) (\S+)/m.exec(text);
  if (!schema) throw new Error(`${kind}/${file}: missing "# schema:" header`);
  return { schema, doc: parse(text) as unknown, path: expect?.[1], keyword: expect?.[2] };
}

const files = (kind: string) => readdirSync(join(dir, kind)).filter((f) => f.endsWith('.yaml'));

describe('contract schemas', () => {
  it.each(SCHEMA_NAMES)('%s has a stable draft 2020-12 $id', (name) => {
    const schema = loadSchema(name);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://dmesh.io/schemas/v1/${name}.schema.json`);
  });

  it.each(files('valid'))('valid/%s passes', (file) => {
    const f = readFixture('valid', file);
    expect(validateDocument(f.schema, f.doc)).toEqual([]);
  });

  it.each(files('invalid'))('invalid/%s fails at the expected path', (file) => {
    const f = readFixture('invalid', file);
    expect(f.path).toBeDefined();
    const problems = validateDocument(f.schema, f.doc);
    expect(problems.map((p) => `${p.path} ${p.keyword}`)).toContain(`${f.path} ${f.keyword}`);
  });

  it('has fixtures for every schema, both ways', () => {
    for (const name of SCHEMA_NAMES) {
      expect(files('valid').some((f) => f.startsWith(name))).toBe(true);
      expect(files('invalid').some((f) => f.startsWith(name))).toBe(true);
    }
  });
});
