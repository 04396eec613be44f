import type { Command } from 'commander';
import { createRegistryClient, type RegistrySchemas } from '../../io/registry-client.js';
import { resolveRegistrySettings } from '../../io/credentials.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { callRegistry, printRegistryError, RegistryCallError } from '../registry-call.js';
import { printJson } from '../render.js';

type Token = RegistrySchemas['TokenDto'];
interface Options {
  role?: string;
  domain?: string[];
  expires?: string;
  name?: string;
  json?: boolean;
  registry?: string;
  token?: string;
  timeout?: string;
}

const ROLES = ['admin', 'governance', 'publisher', 'reader', 'lineage-writer'];

function withRegistryOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print one JSON document on stdout')
    .option('--registry <url>', 'registry URL')
    .option('--token <token>', 'API token of the caller');
}

/** `dmesh token create|list|revoke`: a team gets its own expiring publisher token for CI without SQL. */
export function registerTokenCommands(program: Command, io: CliIO, done: (code: number) => void): void {
  const token = program.command('token').description('create, list and revoke registry API tokens');
  withRegistryOptions(
    token
      .command('create')
      .description(
        'create a token, shown once (admins: any role; publishers: publisher tokens for their own domains, e.g. for CI)',
      )
      .requiredOption('--role <role>', ROLES.join(' | '))
      .option(
        '--domain <domain>',
        "a publisher's domain (repeat for several; '*' = every domain, admins only)",
        collect,
        [],
      )
      .option('--expires <duration>', 'lifetime: <n>h, <n>d or <n>w, at most 365d', '90d')
      .option('--name <name>', 'names the actor in the audit (default: <role>-<domains>-<time>)'),
  ).action(async (options: Options) => done(await run(io, options, 'token create', (c) => create(c, options, io))));
  withRegistryOptions(
    token.command('list').description('your token and the tokens it created (admins: every token)'),
  ).action(async (options: Options) => done(await run(io, options, 'token list', (c) => list(c, options, io))));
  withRegistryOptions(
    token.command('revoke').description('revoke a token: yours, one it created, or any (admins)').argument('<id>'),
  ).action(async (id: string, options: Options) =>
    done(await run(io, options, 'token revoke', (c) => revoke(c, id, options, io))),
  );
  // Subcommands answer usage errors with exit codes, never process.exit (main.ts does this for top-level commands).
  for (const sub of token.commands)
    sub.exitOverride().configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) });
}

const collect = (value: string, previous: string[]) => [...previous, value];

type Client = { client: ReturnType<typeof createRegistryClient>; registry: string };

async function run(io: CliIO, options: Options, command: string, body: (c: Client) => Promise<void>): Promise<number> {
  const settings = resolveRegistrySettings(options, io.env);
  const client = createRegistryClient({ baseUrl: settings.registry, ...(settings.token && { token: settings.token }) });
  try {
    await body({ client, registry: settings.registry });
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof RegistryCallError)) throw err;
    if (options.json) printJson(io, { error: err.body ?? { message: err.message } });
    printRegistryError(io, command, err);
    return err.exitCode;
  }
}

async function create({ client, registry }: Client, options: Options, io: CliIO): Promise<void> {
  if (!ROLES.includes(options.role!)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const domains = options.domain ?? [];
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const name = options.name ?? [options.role, ...domains.map((d) => (d === '*' ? 'all' : d)), stamp].join('-');
  const created = await callRegistry(registry, () =>
    client.POST('/v1/tokens', {
      body: { name, role: options.role as RegistrySchemas['TokenInputDto']['role'], domains, expires: options.expires },
    }),
  );
  if (options.json) return printJson(io, created);
  io.out(io.color.green(`✓ token ${created.id} "${created.name}" (${describe(created)})`));
  io.out('  the token, shown this once (store it as a CI secret, e.g. DMESH_TOKEN):');
  io.out(`  ${created.token}`);
}

async function list({ client, registry }: Client, options: Options, io: CliIO): Promise<void> {
  const tokens = await callRegistry(registry, () => client.GET('/v1/tokens'));
  if (options.json) return printJson(io, tokens);
  if (!tokens.length) return io.out('no tokens');
  for (const t of tokens)
    io.out(
      `${t.id.padStart(5)}  ${(t.active ? io.color.green('active ') : io.color.dim(t.revokedAt ? 'revoked' : 'expired')).padEnd(7)}  ${t.name}  ${describe(t)}`,
    );
}

async function revoke({ client, registry }: Client, id: string, options: Options, io: CliIO): Promise<void> {
  if (!/^\d+$/.test(id)) throw new UsageError(`"${id}" is not a token id; see the ids with: dmesh token list`);
  await callRegistry(registry, () => client.DELETE('/v1/tokens/{id}', { params: { path: { id } } }));
  if (options.json) return printJson(io, { revoked: id });
  io.out(io.color.green(`✓ token ${id} revoked: the registry refuses it from now on`));
}

function describe(t: Token): string {
  const domains = t.domains.length ? ` for ${t.domains.join(', ')}` : '';
  return `${t.role}${domains}, ${t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : 'does not expire'}`;
}
