import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkLoadedProduct, loadProduct, ProductLoadError } from '../../io/load-product.js';
import { createRegistryClient } from '../../io/registry-client.js';
import { resolveRegistrySettings } from '../../io/credentials.js';
import { ExitCode, type CliIO } from '../io.js';
import { printRegistryError, RegistryCallError } from '../registry-call.js';
import { sendVersion, type PublishResult } from '../send-version.js';
import { printJson, printProblems } from '../render.js';
import { printCompatibility } from '../render-compat.js';
import { printImpact, type ImpactView } from '../render-impact.js';
import { printGovernance } from '../render-governance.js';
import type { GovernanceReport } from '../../core/governance/types.js';

interface PublishOptions {
  dryRun?: boolean;
  json?: boolean;
  registry?: string;
  token?: string;
}

export function registerPublishCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('publish')
    .description(
      'send a product version to the registry, which checks it and stores it (or only checks it with --dry-run)',
    )
    .argument('[product-dir]', 'folder with dataproduct.yaml', '.')
    .option('--dry-run', 'run every registry check, store nothing')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL (default: DMESH_REGISTRY_URL, dmesh login, http://localhost:4000)')
    .option('--token <token>', 'API token (default: DMESH_TOKEN, dmesh login)')
    .addHelpText(
      'after',
      '\nExit codes: 0 published or unchanged, 1 rejected (409/422/401/403), 2 invalid product, 3 registry unreachable.',
    )
    .action(async (dir: string, options: PublishOptions) => done(await publish(resolve(io.cwd, dir), options, io)));
}

async function publish(dir: string, options: PublishOptions, io: CliIO): Promise<number> {
  let loaded;
  try {
    loaded = await loadProduct(dir);
  } catch (err) {
    if (!(err instanceof ProductLoadError)) throw err;
    io.err(io.color.red(`dmesh publish: ${err.message}`));
    return ExitCode.usage;
  }
  const problems = checkLoadedProduct(loaded);
  if (problems.length) {
    if (options.json) printJson(io, { outcome: 'invalid', problems });
    io.err(io.color.red(`dmesh publish: ${dir} is not valid; nothing was sent`));
    printProblems(io, problems);
    return ExitCode.usage;
  }
  const settings = resolveRegistrySettings(options, io.env);
  const client = createRegistryClient({ baseUrl: settings.registry, ...(settings.token && { token: settings.token }) });
  try {
    const result = await sendVersion(client, settings.registry, loaded, Boolean(options.dryRun));
    if (options.json) printJson(io, result);
    else printResult(io, result);
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof RegistryCallError)) throw err;
    if (options.json)
      printJson(io, { outcome: 'rejected', status: err.status ?? null, error: err.body ?? { message: err.message } });
    printRegistryError(io, 'publish', err);
    printCompatibility(
      io,
      (err.body as { compatibility?: Record<string, unknown> } | undefined)?.compatibility,
      io.err,
    );
    printImpact(io, (err.body as { impact?: Record<string, ImpactView> } | undefined)?.impact, io.err);
    printGovernance(io, (err.body as { governance?: GovernanceReport } | undefined)?.governance, io.err);
    return err.exitCode;
  }
}

function printResult(io: CliIO, r: PublishResult): void {
  const c = io.color;
  const headline = {
    published: c.green(`✓ published ${r.product}@${r.version}`),
    unchanged: c.green(`✓ ${r.product}@${r.version} is already published with identical content; nothing changed`),
    'dry-run': c.cyan(`✓ dry-run: ${r.product}@${r.version} would be accepted (nothing stored)`),
  }[r.outcome];
  io.out(headline);
  for (const input of r.inputs)
    io.out(`  input ${input.product}/${input.port} ${input.range} → ${input.resolved ?? c.yellow('unresolved')}`);
  if (r.requiredBump !== 'none') io.out(`  required bump: ${r.requiredBump}`);
  printCompatibility(io, r.compatibility);
  printImpact(io, r.impact as Record<string, ImpactView> | undefined);
  printGovernance(io, (r as { governance?: GovernanceReport }).governance);
  for (const issue of r.issues.filter((i) => i.stage !== 'governance')) {
    io.out(
      `  ${issue.severity === 'error' ? c.red('✗') : c.yellow('!')} [${issue.code}] ${issue.path ?? ''} ${issue.message}`,
    );
    if (issue.fix) io.out(`    ${c.dim('fix:')} ${issue.fix}`);
  }
}
