import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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

describe('the OpenAPI document', () => {
  it('passes `redocly lint` (its recommended rules) with no errors, offline', () => {
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const file = fileURLToPath(new URL('../../contracts/openapi.json', import.meta.url));
    const output = execFileSync(process.execPath, [cli, 'lint', file, '--format=json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const report = JSON.parse(output) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string }[];
    };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('lists 503 with Retry-After on every operation, and 401 on every one that needs a token', () => {
    const openapi = JSON.parse(committed('openapi.json'));
    for (const [path, item] of Object.entries<Record<string, any>>(openapi.paths))
      for (const [method, op] of Object.entries<any>(item)) {
        expect([path, method, Object.keys(op.responses)]).toEqual([
          path,
          method,
          expect.arrayContaining(['414', '429', '503']),
        ]);
        if (op.security.length) expect([path, method, op.responses['401']]).toEqual([path, method, expect.anything()]);
      }
    expect(openapi.components.responses.Unavailable.headers['Retry-After']).toBeDefined();
  });
});
