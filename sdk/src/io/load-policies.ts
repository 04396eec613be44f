import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { validateDocument } from '@dmesh/contracts';
import type { Policy } from '../core/governance/types.js';
import type { Problem } from '../core/product/types.js';
import { locateInYaml, parseYaml } from './parse-files.js';

/**
 * The domain's policy files next to a product folder (`../policies/*.yaml`),
 * what `dmesh validate --offline` evaluates besides the default global set.
 */
export async function loadDomainPolicies(productDir: string): Promise<{ policies: Policy[]; problems: Problem[] }> {
  const dir = join(dirname(productDir), 'policies');
  if (!existsSync(dir)) return { policies: [], problems: [] };
  const policies: Policy[] = [];
  const problems: Problem[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const shown = `../policies/${file}`;
    const parsed = parseYaml(await readFile(join(dir, file), 'utf8'), shown);
    problems.push(...parsed.problems);
    if (parsed.value === undefined) continue;
    const shape = validateDocument('policy', parsed.value);
    problems.push(
      ...shape.map((p) =>
        locateInYaml(parsed, {
          severity: 'error',
          code: 'POLICY_INVALID',
          file: shown,
          path: p.path,
          message: `${shown}: ${p.path} ${p.message}`,
          fix: 'see contracts/schemas/policy.schema.json',
        }),
      ),
    );
    if (!shape.length) policies.push(parsed.value as Policy);
  }
  return { policies, problems };
}
