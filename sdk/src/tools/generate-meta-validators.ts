/**
 * Writes src/core/contract/generated/meta-<draft>.ts, the drafts' meta-schema validators compiled ahead
 * of time (meta-standalone.ts). Run by `npm run generate` after a build; the drift check is
 * test/contract/meta-validators.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DRAFTS } from '../core/contract/drafts.js';
import { metaValidatorSource } from '../core/contract/meta-standalone.js';

const out = fileURLToPath(new URL('../../src/core/contract/generated/', import.meta.url));
mkdirSync(out, { recursive: true });
for (const draft of DRAFTS) writeFileSync(join(out, `meta-${draft}.ts`), metaValidatorSource(draft));
console.log(`wrote ${DRAFTS.length} meta-schema validators to ${out}`);
