import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderApiDocs } from '../api-docs.js';
import { REPO_ROOT } from '../config.js';

/**
 * Writes the registry's OpenAPI document and GraphQL SDL into contracts/ (run by
 * the registry build). A registry test fails when the committed files are stale.
 */
const docs = await renderApiDocs();
writeFileSync(join(REPO_ROOT, 'contracts/openapi.json'), docs.openapi);
writeFileSync(join(REPO_ROOT, 'contracts/schema.graphql'), docs.sdl);
process.stdout.write('wrote contracts/openapi.json and contracts/schema.graphql\n');
process.exit(0);
