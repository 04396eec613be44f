import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeProductFolder } from '../../io/write-product.js';
import { action } from '../action.js';
import { ExitCode, type CliIO } from '../io.js';
import { fetchPublishedPort, parsePortRef } from '../published-port.js';
import type { RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

interface PullOptions extends RegistryFlags {
  out?: string;
  force?: boolean;
  json?: boolean;
}

export function registerPullCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('pull')
    .description('write a published contract and its descriptor into a local folder (the highest version in the range)')
    .argument('<port>', '<domain>.<product>/<port>[@<range>], e.g. sales.orders/orders@^1.0.0 (default: the latest)')
    .option('--out <dir>', 'the folder to write (default: ./<domain>.<product>@<version>)')
    .option('--force', 'overwrite a dataproduct.yaml already in that folder')
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .option('--token <token>', 'API token (when anonymous reads are off)')
    .addHelpText(
      'after',
      '\nExamples:\n  dmesh pull sales.orders/orders@^1.0.0 --out vendor/orders\n  dmesh export vendor/orders --format typescript',
    )
    .action(action(io, 'pull', done, (port: string, options: PullOptions) => pull(port, options, io)));
}

async function pull(text: string, options: PullOptions, io: CliIO): Promise<number> {
  const published = await fetchPublishedPort(parsePortRef(text), options, io.env);
  const dir = resolve(io.cwd, options.out ?? `${published.product}@${published.version}`);
  const contractPath = published.descriptor.spec.outputs.find((o) => o.name === published.port)!.contract;
  // The port asked for is written as the contract route served it (what the ETag names).
  const contracts = { ...published.contracts, [contractPath]: published.contract };
  const files = writeProductFolder(
    dir,
    { descriptor: published.descriptor, contracts },
    { force: options.force, header: `# ${published.product}@${published.version}, pulled by dmesh pull ${text}\n` },
  );
  const shown = relative(io.cwd, dir) || '.';
  if (options.json) {
    printJson(io, { ...pick(published), dir: shown, contract: join(shown, contractPath), files });
    return ExitCode.ok;
  }
  io.out(io.color.green(`✓ pulled ${published.product}/${published.port}@${published.version} into ${shown}/`));
  io.out(`  contract ${join(shown, contractPath)} (ETag ${published.etag})`);
  io.out(`  ${files.length} file(s): ${files.join(', ')}`);
  io.out(`  next: dmesh export ${shown} --port ${published.port} --format typescript`);
  return ExitCode.ok;
}

const pick = (p: { product: string; port: string; version: string; etag: string }) => ({
  product: p.product,
  port: p.port,
  version: p.version,
  etag: p.etag,
});
