import type { Command } from 'commander';
import { createRegistryClient, type RegistrySchemas } from '../../io/registry-client.js';
import { DEFAULT_REGISTRY, readCredentials, writeCredentials } from '../../io/credentials.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, printRegistryError, RegistryCallError } from '../registry-call.js';

export function registerLoginCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('login')
    .description(
      'check a token against a registry and store both for later commands (~/.config/dmesh/credentials.json, mode 0600)',
    )
    .option('--registry <url>', `registry URL (default: DMESH_REGISTRY_URL or ${DEFAULT_REGISTRY})`)
    .option('--token <token>', 'API token (default: DMESH_TOKEN); a local registry writes one to .dmesh/admin-token')
    .action(async (options: { registry?: string; token?: string }) => done(await login(options, io)));
}

async function login(options: { registry?: string; token?: string }, io: CliIO): Promise<number> {
  const registry = (
    options.registry ??
    io.env.DMESH_REGISTRY_URL ??
    readCredentials(io.env).registry ??
    DEFAULT_REGISTRY
  ).replace(/\/+$/, '');
  const token = options.token ?? io.env.DMESH_TOKEN;
  if (!token)
    throw new UsageError('--token <token> is required (a local registry writes its admin token to .dmesh/admin-token)');
  try {
    const me = await callRegistry<RegistrySchemas['PrincipalDto']>(registry, () =>
      createRegistryClient({ baseUrl: registry, token }).GET('/v1/whoami'),
    );
    const file = writeCredentials(io.env, { registry, token });
    io.out(io.color.green(`✓ logged in to ${registry} as ${me.name} (${me.role}); saved to ${file}`));
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof RegistryCallError)) throw err;
    printRegistryError(io, 'login', err);
    return err.exitCode;
  }
}
