import type { Command } from 'commander';
import { action } from '../action.js';
import { ExitCode, type CliIO } from '../io.js';
import { loadCliProduct, type CliProduct } from '../product.js';
import { openRegistry, printRegistryError, RegistryCallError, type RegistryFlags } from '../registry-call.js';
import { printJson, printProblems } from '../render.js';
import { printVerdict, type VerdictView } from '../render-verdict.js';
import { sendVersion, type PublishResult } from '../send-version.js';

interface PublishOptions extends RegistryFlags {
  dryRun?: boolean;
  json?: boolean;
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
    .action(action(io, 'publish', done, (dir: string, options: PublishOptions) => publish(dir, options, io)));
}

/** Files that do not validate are never sent: their problems, once, and exit 2. */
function reportInvalid(io: CliIO, product: CliProduct, json: boolean): number {
  if (json) printJson(io, { outcome: 'invalid', problems: product.problems });
  io.err(io.color.red(`✗ ${product.label}: ${product.problems.length} problem(s); nothing was sent`));
  printProblems(io, product.problems);
  return ExitCode.usage;
}

async function publish(dir: string, options: PublishOptions, io: CliIO): Promise<number> {
  const product = await loadCliProduct(dir, io);
  if (product.problems.length) return reportInvalid(io, product, Boolean(options.json));
  const { client, registry } = openRegistry(options, io.env, Boolean(options.dryRun));
  try {
    const result = await sendVersion(client, registry, product.loaded, Boolean(options.dryRun));
    if (options.json) printJson(io, result);
    else printResult(io, result, product);
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof RegistryCallError)) throw err;
    if (options.json)
      printJson(io, { outcome: 'rejected', status: err.status ?? null, error: err.body ?? { message: err.message } });
    const version = (product.loaded.bundle.descriptor as { metadata?: { version?: string } }).metadata?.version;
    printRegistryError(io, 'publish', err, { locate: product.locate, ...(version && { next: version }) });
    return err.exitCode;
  }
}

function printResult(io: CliIO, r: PublishResult, product: CliProduct): void {
  const c = io.color;
  const headline = {
    published: c.green(`✓ published ${r.product}@${r.version}`),
    unchanged: c.green(`✓ ${r.product}@${r.version} is already published with identical content; nothing changed`),
    'dry-run': c.cyan(`✓ dry-run: ${r.product}@${r.version} would be accepted (nothing stored)`),
  }[r.outcome];
  io.out(`${headline}${product.shown === '.' ? '' : c.dim(` from ${product.shown}`)}`);
  for (const input of r.inputs)
    io.out(`  input ${input.product}/${input.port} ${input.range} → ${input.resolved ?? c.yellow('unresolved')}`);
  if (r.requiredBump !== 'none') io.out(`  required bump: ${r.requiredBump}`);
  printVerdict(io, r as VerdictView, io.out, { locate: product.locate, next: r.version });
}
