import type { Command } from 'commander';
import type { GovernanceReport } from '../../core/governance/types.js';
import type { DataProduct } from '../../core/product/types.js';
import { action } from '../action.js';
import { ExitCode, type CliIO } from '../io.js';
import { loadCliProduct, type CliProduct } from '../product.js';
import { openRegistry, RegistryCallError } from '../registry-call.js';
import { sendVersion } from '../send-version.js';
import { exitCode, printValidation, type ValidateOptions, type Validation } from './validate-output.js';

export function registerValidateCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('validate')
    .description(
      "check a product folder: descriptor, contracts, ports, ranges and lineage references; then the registry's dry-run verdict",
    )
    .argument('[product-dir]', 'folder with dataproduct.yaml', '.')
    .option('--offline', 'check only what needs no registry; the registry checks are listed as skipped')
    .option('--ci', 'also print each problem as a GitHub Actions annotation (::error file=…,line=…::)')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL for the dry-run')
    .option('--token <token>', 'API token for the dry-run')
    .addHelpText(
      'after',
      '\nExit codes: 0 valid, 1 the registry (or, offline, a policy) would reject it, 2 invalid files,\n3 the registry could not be reached (use --offline to check without one).',
    )
    .action(action(io, 'validate', done, (dir: string, options: ValidateOptions) => validate(dir, options, io)));
}

async function validate(dir: string, options: ValidateOptions, io: CliIO): Promise<number> {
  const product = await loadCliProduct(dir, io);
  const validation = product.problems.length
    ? { product, problems: product.problems, preview: { status: 'skipped', reason: 'the files are invalid' } as const }
    : options.offline
      ? await offlineValidation(product)
      : await registryValidation(product, options, io);
  printValidation(io, validation, options);
  return exitCode(validation);
}

/** The registry's dry-run is the verdict, so `validate` and `publish` cannot disagree. */
async function registryValidation(product: CliProduct, options: ValidateOptions, io: CliIO): Promise<Validation> {
  const { client, registry } = openRegistry(options, io.env, true);
  try {
    const result = await sendVersion(client, registry, product.loaded, true);
    return { product, problems: [], preview: { status: 'accepted', result }, governance: governanceOf(result) };
  } catch (err) {
    if (!(err instanceof RegistryCallError)) throw err;
    const status = err.exitCode === ExitCode.unreachable ? 'unreachable' : 'rejected';
    return { product, problems: [], preview: { status, error: err }, governance: governanceOf(err.body) };
  }
}

function governanceOf(value: unknown): GovernanceReport | undefined {
  return (value as { governance?: GovernanceReport } | undefined)?.governance;
}

/** What needs no registry: the default global policies and this domain's policy files; the rest reports skipped. */
async function offlineValidation(product: CliProduct): Promise<Validation> {
  // Imported here: only --offline evaluates policies in this process (one after the other: jest's
  // ESM loader fails on parallel imports of one module graph).
  const { loadDomainPolicies } = await import('../../io/load-policies.js');
  const { DEFAULT_GLOBAL_POLICIES } = await import('../../core/governance/defaults.js');
  const { evaluatePolicies } = await import('../../core/governance/evaluate.js');
  const { effectivePolicies } = await import('../../core/governance/federation.js');
  const local = await loadDomainPolicies(product.loaded.dir);
  const d = product.loaded.bundle.descriptor as DataProduct;
  const governance = evaluatePolicies(
    effectivePolicies([...DEFAULT_GLOBAL_POLICIES, ...local.policies], d.metadata.domain),
    { descriptor: d, contracts: product.loaded.bundle.contracts, offline: true },
    [],
    new Date().toISOString().slice(0, 10),
  );
  return { product, problems: local.problems, preview: { status: 'offline', reason: '--offline' }, governance };
}
