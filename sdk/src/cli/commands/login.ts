import type { Command } from 'commander';
import { createRegistryClient, type RegistrySchemas } from '../../io/registry-client.js';
import { DEFAULT_REGISTRY, readCredentials, writeCredentials } from '../../io/credentials.js';
import { action } from '../action.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, parseTimeout, type RegistryFlags } from '../registry-call.js';
import { printJson } from '../render.js';

interface LoginOptions extends RegistryFlags {
  json?: boolean;
}

export function registerLoginCommand(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('login')
    .description(
      'check a token against a registry and store both for later commands (~/.config/dmesh/credentials.json, mode 0600)',
    )
    .option('--registry <url>', `registry URL (default: DMESH_REGISTRY_URL or ${DEFAULT_REGISTRY})`)
    .option('--token <token>', 'API token (default: DMESH_TOKEN); a local registry writes one to .dmesh/admin-token')
    .option('--json', 'print one JSON document on stdout: the registry, who the token belongs to, the file written')
    .action(action(io, 'login', done, (options: LoginOptions) => login(options, io)));
}

async function login(options: LoginOptions, io: CliIO): Promise<number> {
  const registry = (
    options.registry ??
    io.env.DMESH_REGISTRY_URL ??
    readCredentials(io.env).registry ??
    DEFAULT_REGISTRY
  ).replace(/\/+$/, '');
  const token = options.token ?? io.env.DMESH_TOKEN;
  if (!token)
    throw new UsageError('--token <token> is required (a local registry writes its admin token to .dmesh/admin-token)');
  const client = createRegistryClient({ baseUrl: registry, token, timeoutMs: parseTimeout(options.timeout) });
  const me = await callRegistry<RegistrySchemas['PrincipalDto']>(registry, () => client.GET('/v1/whoami'));
  const file = writeCredentials(io.env, { registry, token });
  if (options.json) printJson(io, { registry, principal: { name: me.name, role: me.role }, credentials: file });
  const home = io.env.HOME;
  const shown = home && file.startsWith(home + '/') ? `~${file.slice(home.length)}` : file;
  if (!options.json) io.out(io.color.green(`✓ logged in to ${registry} as ${me.name} (${me.role}); saved to ${shown}`));
  return ExitCode.ok;
}
