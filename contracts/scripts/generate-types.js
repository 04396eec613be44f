#!/usr/bin/env node
// Generates TypeScript types from the JSON Schemas in schemas/ into src/generated/.
// `--check` regenerates in memory and fails when the committed files are stale.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const banner =
  '/* Generated from contracts/schemas by scripts/generate-types.js. Do not edit: run `npm run generate -w @dmesh/contracts`. */';

let stale = 0;
mkdirSync(join(root, 'src/generated'), { recursive: true });
for (const file of readdirSync(join(root, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .sort()) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8'));
  const ts = await compile(schema, schema.title, {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const target = join(root, 'src/generated', file.replace('.schema.json', '.ts'));
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== ts) {
      console.error(
        `stale: ${target} does not match schemas/${file}; run \`npm run generate -w @dmesh/contracts\` and commit the result`,
      );
      stale++;
    }
  } else {
    writeFileSync(target, ts);
    console.log(`wrote ${target}`);
  }
}
process.exit(stale ? 1 : 0);
