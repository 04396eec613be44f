import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkLoadedProduct, loadProduct, ProductLoadError } from '../../io/load-product.js';
import { createRegistryClient, type RegistrySchemas } from '../../io/registry-client.js';
import { resolveRegistrySettings } from '../../io/credentials.js';
import { ExitCode, type CliIO } from '../io.js';
import { RegistryCallError } from '../registry-call.js';
import { sendVersion } from '../send-version.js';
import { printJson, printProblems } from '../render.js';
import { printGovernance } from '../render-governance.js';
import { DEFAULT_GLOBAL_POLICIES } from '../../core/governance/defaults.js';
import { evaluatePolicies } from '../../core/governance/evaluate.js';
import { effectivePolicies } from '../../core/governance/federation.js';
import type { GovernanceReport } from '../../core/governance/types.js';
import type { DataProduct } from '../../core/product/types.js';
import { loadDomainPolicies } from '../../io/load-policies.js';

interface ValidateOptions {
  offline?: boolean;
  json?: boolean;
  registry?: string;
  token?: string;
}

interface RegistryPreview {
  status: 'accepted' | 'rejected' | 'skipped' | 'offline';
  reason?: string;
  result?: RegistrySchemas['PublishResultDto'];
  error?: unknown;
}

export function registerValidateCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('validate')
    .description(
      "check a product folder: descriptor, contracts, ports, ranges and lineage references; then the registry's dry-run verdict when a registry is reachable",
    )
    .argument('[product-dir]', 'folder with dataproduct.yaml', '.')
    .option('--offline', 'check only what needs no registry')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL for the dry-run preview')
    .option('--token <token>', 'API token for the dry-run preview')
    .addHelpText(
      'after',
      '\nExit codes: 0 valid, 1 the registry would reject it, 2 invalid files, 3 never (an unreachable registry is reported as skipped).',
    )
    .action(async (dir: string, options: ValidateOptions) => done(await validate(resolve(io.cwd, dir), options, io)));
}

async function validate(dir: string, options: ValidateOptions, io: CliIO): Promise<number> {
  let loaded;
  try {
    loaded = await loadProduct(dir);
  } catch (err) {
    if (!(err instanceof ProductLoadError)) throw err;
    if (options.json)
      printJson(io, {
        valid: false,
        problems: [
          {
            severity: 'error',
            code: 'NOT_A_PRODUCT',
            path: '',
            message: err.message,
            fix: 'run dmesh validate in a product folder, or pass its path',
          },
        ],
      });
    io.err(io.color.red(`dmesh validate: ${err.message}`));
    return ExitCode.usage;
  }
  const problems = checkLoadedProduct(loaded);
  let preview: RegistryPreview = problems.length
    ? { status: 'skipped', reason: 'the files are invalid' }
    : options.offline
      ? { status: 'offline', reason: '--offline' }
      : await registryPreview(loaded, options, io);
  let governance: GovernanceReport | undefined =
    (preview.result?.governance as GovernanceReport | undefined) ??
    (preview.error as { governance?: GovernanceReport } | undefined)?.governance;
  if (!problems.length && (preview.status === 'offline' || preview.status === 'skipped')) {
    // No registry verdict: evaluate what needs no registry (defaults + this domain's policy files); the rest reports skipped.
    const local = await loadDomainPolicies(dir);
    problems.push(...local.problems);
    const d = loaded.bundle.descriptor as DataProduct;
    governance = evaluatePolicies(
      effectivePolicies([...DEFAULT_GLOBAL_POLICIES, ...local.policies], d.metadata.domain),
      { descriptor: d, contracts: loaded.bundle.contracts, offline: true },
      [],
      new Date().toISOString().slice(0, 10),
    );
    if (!governance.passed)
      preview = { ...preview, status: 'rejected', error: { message: 'policy errors (offline evaluation)' } };
  }
  const valid = problems.length === 0 && preview.status !== 'rejected';
  if (options.json) {
    printJson(io, { valid, product: dir, problems, registry: preview, ...(governance && { governance }) });
  } else if (problems.length) {
    io.err(io.color.red(`✗ ${dir}: ${problems.length} problem(s)`));
    printProblems(io, problems);
  } else {
    io.out(io.color.green(`✓ ${dir} is valid`));
    if (preview.status === 'accepted')
      io.out(io.color.green(`✓ the registry would accept ${preview.result!.product}@${preview.result!.version}`));
    if (preview.reason)
      io.out(
        io.color.dim(
          `  registry preview ${preview.status === 'offline' ? 'not asked' : 'skipped'}: ${preview.reason}; policies evaluated locally`,
        ),
      );
    if (preview.status === 'rejected')
      io.err(
        io.color.red(
          `✗ ${preview.reason ? 'policies would reject it' : 'the registry would reject it'}: ${(preview.error as { message?: string })?.message ?? ''}`,
        ),
      );
    printGovernance(io, governance, preview.status === 'rejected' ? io.err : io.out);
  }
  if (problems.length) return ExitCode.usage;
  return preview.status === 'rejected' ? ExitCode.no : ExitCode.ok;
}

/** The registry's dry-run is the preview, so `validate` and `publish` cannot disagree. */
async function registryPreview(
  loaded: Awaited<ReturnType<typeof loadProduct>>,
  options: ValidateOptions,
  io: CliIO,
): Promise<RegistryPreview> {
  const settings = resolveRegistrySettings(options, io.env);
  if (!settings.token) return { status: 'skipped', reason: `no token for ${settings.registry} (dmesh login)` };
  const client = createRegistryClient({ baseUrl: settings.registry, token: settings.token });
  try {
    const result = await sendVersion(client, settings.registry, loaded, true);
    return { status: 'accepted', result };
  } catch (err) {
    if (!(err instanceof RegistryCallError)) throw err;
    if (err.exitCode === ExitCode.unreachable) return { status: 'skipped', reason: err.message };
    return { status: 'rejected', error: err.body ?? { message: err.message } };
  }
}
